import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { describeFields } from '../core/templating/context-schema.js';
import { contextOf, TEMPLATE_NAMES } from '../core/templating/template-contexts.js';
import { lintTemplates } from '../adapters/template-lint.js';
import { HELPER_DOCS } from '../adapters/template-helpers.js';
import { renderJson } from '../render/table.js';
import { lintJson, lintText } from '../render/lint.js';
import { emit, formatOption, outOption } from './common.js';
import { userDir } from './activity-common.js';
import type { CommandSpec } from './types.js';

function contextText(name: string): string {
  const ctx = contextOf(name);
  if (!ctx) throw new UsageError(`unknown template "${name}"`, `templates: ${TEMPLATE_NAMES.join(', ')}`);
  return [`${name}: ${ctx.doc}`, '', ...describeFields(ctx).map((l) => `  ${l}`), '', 'helpers:', ...HELPER_DOCS.map(([use, doc]) => `  ${use}: ${doc}`),
    '  builtins: #each (with @index @first @last), #with, #if / else, #unless, lookup; partials: {{> name}} from _name.hbs', ''].join('\n');
}

export const lintCommand: CommandSpec = {
  name: 'lint',
  group: 'activity',
  summary: { 'zh-CN': '检查内置和自定义模板:变量、helper、广告法绝对化用语、沉默会员红线', en: 'check shipped and user templates: variables, helpers, Advertising-Law absolute terms, silent-member red line' },
  description:
    'Parses every shipped template and every .hbs file in DIR (default: templates_dir in the configuration), in both languages; ' +
    'reports with file and line: syntax errors, variables that are not in the template\'s documented context, unknown helpers and ' +
    'partials, absolute claims the Advertising Law forbids in promotions (lint.absolute_terms, in the kits, the scripts except ' +
    'script-complaint, the plan, the partials they use and the texts in activities.*), wording that implies frequent pushes in the ' +
    'silent-member script, and per-day plan sections that ' +
    'reach member lists outside their day (silent members would be messaged more than once a week). Each template is also rendered ' +
    'once with a sample of its context. Exit 1 when anything is flagged, 0 when clean. --context NAME prints what a template receives.',
  examples: ['tuan lint', 'tuan lint my-templates/', 'tuan lint --context script-growth'],
  configure(cmd) {
    cmd.argument('[dir]', 'directory of your templates (files named like the shipped ones; zh-CN/ and en/ subfolders per language)')
      .addOption(new Option('--context <template>', 'print the documented context of a template and exit'))
      .addOption(formatOption(['text', 'json']))
      .addOption(outOption());
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
