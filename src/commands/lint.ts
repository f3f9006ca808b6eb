import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { describeFields } from '../core/templating/index.js';
import { contextOf, TEMPLATE_NAMES } from '../core/templating/index.js';
import { lintTemplates } from '../adapters/template-lint.js';
import { HELPER_DOCS } from '../adapters/template-helpers.js';
import { renderJson } from '../render/table.js';
import { lintJson, lintText } from '../render/lint.js';
import { emit, formatOption, outOption } from './common.js';
import { userDir } from './activity-common.js';
import type { CommandSpec } from './types.js';

function contextText(name: string): string {
  const ctx = contextOf(name);
  if (!ctx)
    throw new UsageError(
      { zh: `没有这个模板:"${name}"`, en: `unknown template "${name}"` },
      { zh: `可用的模板:${TEMPLATE_NAMES.join(', ')}`, en: `templates: ${TEMPLATE_NAMES.join(', ')}` },
    );
  return [
    `${name}: ${ctx.doc}`,
    '',
    ...describeFields(ctx).map((l) => `  ${l}`),
    '',
    'helpers:',
    ...HELPER_DOCS.map(([use, doc]) => `  ${use}: ${doc}`),
    '  builtins: #each (with @index @first @last), #with, #if / else, #unless, lookup; partials: {{> name}} from _name.hbs',
    '',
  ].join('\n');
}

export const lintCommand: CommandSpec = {
  name: 'lint',
  group: 'activity',
  summary: {
    zh: '检查内置和自定义模板:变量、helper、广告法绝对化用语、沉默会员红线',
    en: 'check shipped and user templates: variables, helpers, Advertising-Law absolute terms, silent-member red line',
  },
  description: {
    zh:
      '检查每个自带模板和 DIR(默认:配置里的 templates_dir)里的每个 .hbs 文件,两种语言都查;' +
      '按文件和行号报告:语法错误、不在模板文档上下文里的变量、未知的 helper 和 partial、广告法禁止的绝对化用语' +
      '(lint.absolute_terms,查活动包、除 script-complaint 以外的话术、周计划、它们用到的 partial 和 activities.* 里的文字)、' +
      '沉默期话术里暗示频繁推送的说法,以及周计划里按天的段落用到了当天以外的会员名单(沉默会员一周会被联系不止一次)。' +
      '每个模板还会用一份样例上下文渲染一次。有问题时退出码 1,没有问题时 0。--context NAME 显示某个模板拿到的上下文。',
    en:
      'Parses every shipped template and every .hbs file in DIR (default: templates_dir in the configuration), in both languages; ' +
      "reports with file and line: syntax errors, variables that are not in the template's documented context, unknown helpers and " +
      'partials, absolute claims the Advertising Law forbids in promotions (lint.absolute_terms, in the kits, the scripts except ' +
      'script-complaint, the plan, the partials they use and the texts in activities.*), wording that implies frequent pushes in the ' +
      'silent-member script, and per-day plan sections that ' +
      'reach member lists outside their day (silent members would be messaged more than once a week). Each template is also rendered ' +
      'once with a sample of its context. Exit 1 when anything is flagged, 0 when clean. --context NAME prints what a template receives.',
  },
  examples: ['tuan lint', 'tuan lint my-templates/', 'tuan lint --context script-growth'],
  configure(cmd, say) {
    cmd
      .argument(
        '[dir]',
        say(
          '你的模板目录(文件名和自带模板一样;每种语言一个子目录 zh-CN/ 和 en/)',
          'directory of your templates (files named like the shipped ones; zh-CN/ and en/ subfolders per language)',
        ),
      )
      .addOption(
        new Option('--context <template>', say('显示某个模板的文档上下文,然后退出', 'print the documented context of a template and exit')),
      )
      .addOption(formatOption(say, ['text', 'json']))
      .addOption(outOption(say));
  },
  async run([dir], opts, ctx) {
    if (typeof opts.context === 'string') {
      emit(ctx, contextText(opts.context), opts.out);
      return EXIT.ok;
    }
    const result = lintTemplates({ userDir: userDir(ctx, dir), cwd: ctx.io.cwd, lint: ctx.config.lint, activities: ctx.config.activities });
    emit(ctx, opts.format === 'json' ? renderJson(lintJson(result)) : lintText(result, ctx.lang, ctx.style), opts.out);
    return result.issues.length > 0 ? EXIT.checkFailed : EXIT.ok;
  },
};
