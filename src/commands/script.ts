import { resolve } from 'node:path';
import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { parseStage, STAGES } from '../core/members/index.js';
import { parseScene } from '../core/activities/index.js';
import { SCENES } from '../core/templating/index.js';
import { checkScriptRequest, script } from '../api/script.js';
import { defineMessages } from '../i18n.js';
import { namesFor } from '../render/activity-names.js';
import { writeFilesInto } from '../adapters/out-files.js';
import { clearStatus, ensureDir, leaderOption, withRead } from './common.js';
import { loadTemplates, templatesOption } from './activity-common.js';
import type { CommandSpec, Ctx } from './types.js';

const m = defineMessages({
  'script.none': ['{stage}没有会员(截至 {asOf}),没有生成话术。', 'No member in stage {stage} (as of {asOf}); no script written.'],
  'script.wrote': ['已写入 {n} 份话术到 {dir}', 'wrote {n} script(s) to {dir}'],
});

function writeFiles(ctx: Ctx, dir: string, scene: string, files: { id: string; text: string }[]): void {
  const abs = resolve(ctx.io.cwd, dir);
  try {
    ensureDir(abs);
    writeFilesInto(abs, `${scene}-`, '.txt', files);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError({ zh: `无法写入 ${dir}:${why}`, en: `cannot write to ${dir}: ${why}` });
  }
  ctx.io.stderr.write(m(ctx.lang, 'script.wrote', { n: files.length, dir }) + '\n');
}

export const scriptCommand: CommandSpec = {
  name: 'script',
  group: 'activity',
  summary: {
    zh: '给一位会员(或一个阶段的每位会员)生成可直接复制的话术',
    en: 'ready-to-paste talk-scripts for one member, or for every member of a stage',
  },
  description: {
    zh:
      `用 templates/<lang>/script-<scene>.hbs 生成某个场景(${SCENES.join(', ')})的话术,给一位会员(--member)` +
      '或一个阶段的每位会员(--stage,只看一个团长时加 --leader),消费高的在前。成长期话术会提到会员最常买的品类和一个热门但他没买过的品类' +
      '(导出文件没有品类时用商品名,例如快团团)。除非 --unmask,姓名和手机号隐去一部分;只有加 --unmask 时话术才称呼姓名。' +
      '加 --out 目录时每位会员一个文件:目录/<scene>-<member_id>.txt(ID 里有文件名不能用的字符,例如 / 或 ..,会清理掉并加一个短哈希)。',
    en:
      `Renders the talk-script (话术) of a scene — ${SCENES.join(', ')} — from templates/<lang>/script-<scene>.hbs for one member ` +
      '(--member) or for every member of a stage (--stage, with --leader for one leader), highest spend first. The growth script names ' +
      "the member's favourite category and a popular one they have never bought (product names when the export has no categories, " +
      'e.g. 快团团). Names and phones are masked unless --unmask; the message greets by name only with --unmask. ' +
      'With --out DIR, one file per member: DIR/<scene>-<member_id>.txt (an id with characters a file name cannot hold, such as / or .., is cleaned and given a short hash).',
  },
  examples: [
    'tuan script silent --member M00123 --as-of 2026-10-31',
    'tuan script growth --stage growth --leader L002 --out 话术/',
    'tuan script churned --stage churned --leader L003 --unmask --out calls/',
  ],
  configure(cmd, say) {
    cmd
      .argument('<scene>', say(`场景:${SCENES.join(', ')}`, `scene: ${SCENES.join(', ')}`))
      .addOption(new Option('--member <id>', say('一位会员(会员ID)', 'one member (会员ID)')).conflicts('stage'))
      .addOption(
        new Option(
          '--stage <stage>',
          say(`这个阶段的每位会员:${STAGES.join(', ')}(或 引入期 成长期 …)`, `every member of this stage: ${STAGES.join(', ')}`),
        ),
      )
      .addOption(leaderOption(say))
      .addOption(
        new Option(
          '--out <dir>',
          say('每位会员一个文件,写到这个目录,而不是标准输出', 'write one file per member into this directory instead of stdout'),
        ),
      )
      .addOption(templatesOption(say));
  },
  async run([raw], opts, ctx) {
    const scene = parseScene(raw ?? '');
    if (!scene)
      throw new UsageError(
        { zh: `没有这个场景:"${raw}"`, en: `unknown scene "${raw}"` },
        { zh: `可用的场景:${SCENES.join(', ')}`, en: `use one of: ${SCENES.join(', ')}` },
      );
    const member = typeof opts.member === 'string' ? opts.member : undefined;
    const stage = member !== undefined || typeof opts.stage !== 'string' ? undefined : parseStage(opts.stage);
    if (stage === null)
      throw new UsageError(
        { zh: `没有这个阶段:"${opts.stage}"`, en: `unknown stage "${opts.stage}"` },
        { zh: `可用:引入期 成长期 成熟期 沉默期 流失期(或 ${STAGES.join(', ')})`, en: `use one of: ${STAGES.join(', ')}` },
      );
    const request = {
      config: ctx.config,
      asOf: ctx.asOf,
      lang: ctx.lang,
      unmask: ctx.unmask,
      scene,
      member,
      stage,
      leader: typeof opts.leader === 'string' ? opts.leader : undefined,
    };
    checkScriptRequest(request); // a usage error before templates or the database are read
    const templates = loadTemplates(ctx, opts.templates);
    const contexts = withRead(ctx, (db) => script(db, request));
    const outputs = contexts.map((c) => ({ id: c.memberId, text: templates.render(`script-${scene}`, c.context) }));
    if (outputs.length === 0) {
      const stage = parseStage(String(opts.stage));
      ctx.io.stderr.write(
        m(ctx.lang, 'script.none', { stage: stage ? namesFor(ctx.lang).stage(stage) : String(opts.stage), asOf: ctx.asOf }) + '\n',
      );
      return EXIT.ok;
    }
    if (typeof opts.out === 'string' && opts.out !== '') {
      writeFiles(ctx, opts.out, scene, outputs);
    } else {
      clearStatus(ctx);
      ctx.io.stdout.write(outputs.map((o) => o.text.replace(/\n*$/, '\n')).join('\n────────────────\n\n'));
    }
    return EXIT.ok;
  },
};
