import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { parseStage, STAGE_NAMES } from '../core/members/index.js';
import { CN8_CLASSES, CN8_EN, CN8_ORDER } from '../core/members/index.js';
import { formatYuan } from '../core/shared/index.js';
import { members, MEMBER_SORTS, type MemberSort } from '../api/members.js';
import { defineMessages, pick } from '../i18n.js';
import { memberRow, MEMBER_COLUMNS } from '../render/segment.js';
import { fmtInt, renderCsv, renderJson, renderTable, type Cell } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

const m = defineMessages({
  'members.h': [
    '会员|姓名|手机|团长|阶段|风险|最近下单|未下单天数|订单|消费|RFM|分群',
    'member|name|phone|leader|stage|at risk|last order|days since|orders|spend|RFM|segment',
  ],
  'members.count': ['共 {n} 人(截至 {asOf}){shown}', '{n} members (as of {asOf}){shown}'],
  'members.shown': [',显示前 {n} 人', ', showing the first {n}'],
  'members.yes': ['是', 'yes'],
});

function parseCn8(raw: string): string | null {
  const s = raw.trim();
  const code = CN8_ORDER.find((k) => k === s.toUpperCase() || CN8_CLASSES[k] === s || CN8_EN[k] === s.toLowerCase());
  return code ?? null;
}

export const membersCommand: CommandSpec = {
  name: 'members',
  group: 'analyze',
  summary: { zh: '按阶段/分群筛选会员名单(默认隐去姓名和手机号)', en: 'member lists by stage, segment or class (names and phones masked)' },
  description: {
    zh: '团长要跟进的名单:按阶段、RFM 分群、八类客户或流失风险筛选会员,按消费(高的在前)、最近下单(近的在前)或订单数排序。除非加 --unmask,姓名和手机号都隐去一部分。',
    en: 'The lists a leader acts on: members filtered by stage, RFM segment, 8-class or the at-risk flag, sorted by spend (highest first), recency (most recent first) or orders. Names and phones are masked unless --unmask.',
  },
  examples: [
    'tuan members --stage silent --leader L001 --sort spend --limit 20',
    'tuan members --segment champions --format csv --out champions.csv',
    'tuan members --at-risk --leader L002',
  ],
  configure(cmd, say) {
    cmd
      .addOption(
        new Option(
          '--stage <stage>',
          say('阶段:引入期、成长期、成熟期、沉默期或流失期(或 intro、growth …)', 'intro, growth, mature, silent or churned (or 引入期 …)'),
        ),
      )
      .addOption(
        new Option(
          '--segment <code>',
          say('RFM 分群代码,例如 champions、at_risk(或中文名)', 'RFM segment code, e.g. champions, at_risk (or its Chinese name)'),
        ),
      )
      .addOption(
        new Option('--cn8 <class>', say('八类客户,例如 重要价值客户(或 HHH)', '8-class, e.g. 重要价值客户 (or HHH, or "important value")')),
      )
      .addOption(new Option('--at-risk', say('只看有流失风险的活跃会员', 'only active members flagged at risk')))
      .addOption(leaderOption(say))
      .addOption(new Option('--region <region>', say('只看这个区域的团长', 'only leaders of this region')))
      .addOption(new Option('--sort <key>', say('排序方式', 'sort order')).choices(MEMBER_SORTS).default('spend'))
      .addOption(new Option('--limit <n>', say('最多显示这么多会员', 'at most this many members')))
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const stage = opts.stage === undefined ? null : parseStage(opts.stage as string);
    if (opts.stage !== undefined && !stage)
      throw new UsageError({
        zh: `--stage "${opts.stage}" 不是阶段,可用:引入期、成长期、成熟期、沉默期、流失期(或 intro、growth、mature、silent、churned)`,
        en: `--stage "${opts.stage}" must be intro, growth, mature, silent or churned`,
      });
    const cn8 = opts.cn8 === undefined ? null : parseCn8(opts.cn8 as string);
    if (opts.cn8 !== undefined && !cn8)
      throw new UsageError({
        zh: `--cn8 "${opts.cn8}" 不是八类客户之一,可用:${CN8_ORDER.map((k) => CN8_CLASSES[k]).join('、')}`,
        en: `--cn8 "${opts.cn8}" must be one of ${CN8_ORDER.map((k) => CN8_CLASSES[k]).join(', ')}`,
      });
    const segs = ctx.config.rfm.segments;
    const seg =
      opts.segment === undefined
        ? null
        : (segs.find((s) => s.code === opts.segment || s.name_zh === opts.segment)?.code ??
          (opts.segment === 'other' ? 'other' : undefined));
    if (seg === undefined)
      throw new UsageError(
        { zh: `--segment "${opts.segment}" 不是分群`, en: `--segment "${opts.segment}" is not a segment` },
        { zh: `可用的分群:${segs.map((s) => s.code).join(', ')}, other`, en: `segments: ${segs.map((s) => s.code).join(', ')}, other` },
      );
    const limit = opts.limit === undefined ? null : Number(opts.limit);
    if (limit !== null && (!Number.isInteger(limit) || limit < 1))
      throw new UsageError({ zh: `--limit "${opts.limit}" 应是正整数`, en: `--limit "${opts.limit}" must be a positive whole number` });
    const r = withRead(ctx, (db) =>
      members(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        leader: opts.leader as string,
        region: opts.region as string,
        unmask: ctx.unmask,
        stage,
        segment: seg,
        cn8,
        atRisk: opts.atRisk === true,
        sort: opts.sort as MemberSort,
        limit,
      }),
    );
    const { total, members: list } = r;
    const rows = list.map((x) => ({ ...memberRow(x), member_name: x.name, phone: x.phone }));
    if (opts.format === 'json') emit(ctx, renderJson({ as_of: ctx.asOf, total, members: rows }), opts.out);
    else if (opts.format === 'csv') {
      const head = [...MEMBER_COLUMNS, 'member_name', 'phone'] as const;
      emit(
        ctx,
        renderCsv(
          [...head],
          rows.map((r) => head.map((k) => (typeof r[k] === 'boolean' ? String(r[k]) : (r[k] as Cell)))),
        ),
        opts.out,
      );
    } else {
      const L = ctx.lang;
      const body: Cell[][] = list.map((x) => [
        x.memberId,
        x.name,
        x.phone,
        x.leaderId,
        pick(L, STAGE_NAMES[x.stage]),
        x.atRisk ? m(L, 'members.yes') : '',
        x.lastOrderDate,
        fmtInt(x.recencyDays),
        fmtInt(x.orders),
        formatYuan(x.spendFen),
        x.rfm?.score ?? '',
        x.rfm ? (L === 'en' ? x.rfm.segmentEn : x.rfm.segmentZh) : '',
      ]);
      const shown = total > list.length ? m(L, 'members.shown', { n: list.length }) : '';
      emit(
        ctx,
        renderTable(m(L, 'members.h').split('|'), body, ctx.style, [
          'left',
          'left',
          'left',
          'left',
          'left',
          'left',
          'left',
          'right',
          'right',
          'right',
          'right',
          'left',
        ]) +
          m(L, 'members.count', { n: fmtInt(total), asOf: ctx.asOf, shown }) +
          '\n',
        opts.out,
      );
    }
    return EXIT.ok;
  },
};
