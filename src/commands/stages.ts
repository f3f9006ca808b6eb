import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { parseIsoDate } from '../core/shared/index.js';
import { FROM_STAGES, type Share } from '../core/members/index.js';
import { STAGES, STAGE_NAMES } from '../core/members/index.js';
import { stages } from '../api/stages.js';
import { defineMessages, pick } from '../i18n.js';
import { formatValue } from '../render/kpi.js';
import { fmtInt, renderCsv, renderJson, renderTable, type Cell } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

const m = defineMessages({
  'stages.title': ['各阶段会员数(截至 {to},范围 {scope})', 'Members per stage (as of {to}, scope {scope})'],
  'stages.migTitle': ['阶段迁移 {from} → {to}(范围 {scope})', 'Stage migration {from} → {to} (scope {scope})'],
  'stages.stage': ['阶段', 'stage'],
  'stages.count': ['会员', 'members'],
  'stages.share': ['占比', 'share'],
  'stages.fromTo': ['从 \\ 到', 'from \\ to'],
  'stages.new': ['新会员', 'new'],
  'stages.total': ['合计', 'total'],
  'stages.wakeup': [
    '唤醒率({from} 至 {to}):{from} 时沉默期的 {base} 人中,{ordered} 人在 {to} 前再次下单 = {rate}',
    'wake-up rate ({from} to {to}): of {base} members silent on {from}, {ordered} ordered again by {to} = {rate}',
  ],
  'stages.winback': [
    '挽回成功率({from} 至 {to}):{from} 时流失期的 {base} 人中,{ordered} 人在 {to} 前再次下单 = {rate}',
    'win-back rate ({from} to {to}): of {base} members churned on {from}, {ordered} ordered again by {to} = {rate}',
  ],
});

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);
/** JSON keeps the rate as a plain number, as it always has. */
const shareJson = (s: Share) => ({ base: s.base, ordered: s.ordered, rate: s.rate && s.rate.num / s.rate.den });

export const stagesCommand: CommandSpec = {
  name: 'stages',
  group: 'analyze',
  summary: { zh: '各阶段人数,以及两个日期之间的阶段迁移矩阵', en: 'members per stage, and the stage migration matrix between two dates' },
  description: {
    zh: '截至 --to 各生命周期阶段的会员数;加 --from 时给出 5×5 的阶段迁移矩阵(另有一行"新会员":第一笔计入订单在 --from 之后的会员)以及这段时间的唤醒率和挽回成功率:--from 那天沉默(流失)的会员里,到 --to 为止又下单的有多少。',
    en: 'Counts of members per lifecycle stage as of --to; with --from, the 5×5 migration matrix (plus a "new" row for members whose first counted order is after --from) and the wake-up and win-back shares: of the members silent (churned) on --from, how many ordered again by --to.',
  },
  examples: ['tuan stages --to 2026-10-31', 'tuan stages --from 2026-07-31 --to 2026-10-31 --leader L003'],
  configure(cmd, say) {
    cmd
      .addOption(new Option('--from <date>', say('起始日期,YYYY-MM-DD', 'first date, YYYY-MM-DD')))
      .addOption(new Option('--to <date>', say('结束日期,YYYY-MM-DD(默认 --as-of)', 'second date, YYYY-MM-DD (default: --as-of)')))
      .addOption(leaderOption(say))
      .addOption(new Option('--region <region>', say('只看这个区域的团长', 'only leaders of this region')))
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const to = opts.to === undefined ? ctx.asOf : parseIsoDate(opts.to as string);
    const from = opts.from === undefined ? null : parseIsoDate(opts.from as string);
    if (!to)
      throw new UsageError({ zh: `--to "${opts.to}" 应是日期,例如 2026-10-31`, en: `--to "${opts.to}" must be a date like 2026-10-31` });
    if (opts.from !== undefined && !from)
      throw new UsageError({
        zh: `--from "${opts.from}" 应是日期,例如 2026-07-31`,
        en: `--from "${opts.from}" must be a date like 2026-07-31`,
      });
    if (from && from >= to)
      throw new UsageError({ zh: `--from ${from} 应早于 --to ${to}`, en: `--from ${from} must be before --to ${to}` });
    const r = withRead(ctx, (db) =>
      stages(db, { config: ctx.config, to, from, leader: opts.leader as string | undefined, region: opts.region as string | undefined }),
    );
    const { counts, migration: mig } = r;
    const L = ctx.lang;
    const name = (s: string) => (s === 'new' ? m(L, 'stages.new') : pick(L, STAGE_NAMES[s as 'intro']));
    if (opts.format === 'json') {
      emit(
        ctx,
        renderJson({
          from,
          to,
          scope: r.scope,
          counts,
          migration: mig && { ...mig, wakeup: shareJson(mig.wakeup), winback: shareJson(mig.winback) },
        }),
        opts.out,
      );
    } else if (opts.format === 'csv') {
      // CSV names are Chinese whatever --lang says, like every CSV's *_name column
      const zh = (s: string) => (s === 'new' ? m('zh-CN', 'stages.new') : STAGE_NAMES[s as 'intro'].zh);
      const rows: Cell[][] = mig
        ? FROM_STAGES.flatMap((s0) => STAGES.map((s1) => [s0, zh(s0), s1, zh(s1), mig.matrix[s0][s1]]))
        : STAGES.map((s) => [s, zh(s), counts[s]]);
      const head = mig ? ['from_stage', 'from_stage_name', 'to_stage', 'to_stage_name', 'members'] : ['stage', 'stage_name', 'members'];
      emit(ctx, renderCsv(head, rows), opts.out);
    } else {
      const total = r.total;
      let out = ctx.style.bold(m(L, 'stages.title', { to, scope: r.scope })) + '\n';
      out += renderTable(
        [m(L, 'stages.stage'), m(L, 'stages.count'), m(L, 'stages.share')],
        STAGES.map((s) => [name(s), fmtInt(counts[s]), pct(total ? counts[s] / total : null)]),
        ctx.style,
        ['left', 'right', 'right'],
      );
      if (mig && from) {
        out += '\n' + ctx.style.bold(m(L, 'stages.migTitle', { from, to, scope: r.scope })) + '\n';
        const rows: Cell[][] = FROM_STAGES.map((s0) => [
          name(s0),
          ...STAGES.map((s1) => fmtInt(mig.matrix[s0][s1])),
          fmtInt(STAGES.reduce((a, s1) => a + mig.matrix[s0][s1], 0)),
        ]);
        rows.push([
          m(L, 'stages.total'),
          ...STAGES.map((s1) => fmtInt(FROM_STAGES.reduce((a, s0) => a + mig.matrix[s0][s1], 0))),
          fmtInt(total),
        ]);
        out += renderTable([m(L, 'stages.fromTo'), ...STAGES.map(name), m(L, 'stages.total')], rows, ctx.style, [
          'left',
          ...Array<'right'>(6).fill('right'),
        ]);
        out +=
          m(L, 'stages.wakeup', {
            from,
            to,
            base: mig.wakeup.base,
            ordered: mig.wakeup.ordered,
            rate: formatValue(mig.wakeup.rate, 'rate'),
          }) + '\n';
        out +=
          m(L, 'stages.winback', {
            from,
            to,
            base: mig.winback.base,
            ordered: mig.winback.ordered,
            rate: formatValue(mig.winback.rate, 'rate'),
          }) + '\n';
      }
      emit(ctx, out, opts.out);
    }
    return EXIT.ok;
  },
};
