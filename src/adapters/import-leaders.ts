/**
 * `tuan import --leaders FILE`: leaders.csv (SPEC §2.2), all-or-nothing. The file must be a leaders
 * file (core/ingest/leaders.ts says what that is); it updates only the columns it has, and the
 * summary counts distinct leaders and lists every field it changes.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { parseDateTime } from '../core/shared/index.js';
import {
  judgeLeadersHeader,
  leaderColumns,
  planLeaders,
  LEADER_FIELD_NAMES,
  LEADER_FIELDS,
  type LeaderRecord,
  type LeaderRow,
} from '../core/ingest/index.js';
import type { LeadersSummary } from '../core/ingest/index.js';
import { writeTransaction, type Db } from './db.js';
import { readRecordBatches, sniffFile } from './csv.js';
import { sha256File } from './import-orders.js';
import type { EncodingChoice } from './decode.js';

export type { LeadersSummary };

interface StoredLeader {
  leader_id: string;
  name: string;
  community: string;
  region: string;
  trainer: string;
  joined_at: string | null;
  mentor_id: string | null;
  star: number | null;
  role: string;
}

function readExisting(db: Db): Map<string, LeaderRecord> {
  const rows = db
    .prepare('SELECT leader_id, name, community, region, trainer, joined_at, mentor_id, star, role FROM leaders')
    .all() as StoredLeader[];
  return new Map(
    rows.map((r) => [
      r.leader_id,
      {
        leader_id: r.leader_id,
        name: r.name,
        community: r.community,
        region: r.region,
        trainer: r.trainer,
        joined_at: r.joined_at ?? '',
        mentor_id: r.mentor_id ?? '',
        star: r.star === null ? '' : String(r.star),
        role: r.role,
      },
    ]),
  );
}

function refuse(
  file: string,
  headers: readonly string[],
  why: 'no_leader_id' | 'order_export' | 'no_leader_fields',
  orderHeaders: string[],
): never {
  const found = headers.join(', ');
  const expected = '团长ID, 团长姓名, 小区, 区域, 培训师, 加入时间, 师傅, 星级, 角色';
  if (why === 'order_export') {
    throw new InputError(
      {
        zh: `${file} 像是订单导出(有 ${orderHeaders.join('、')} 列),不是团长名单;什么也没有导入`,
        en: `${file} looks like an order export (it has ${orderHeaders.join(', ')}), not a leaders file; nothing was imported`,
      },
      {
        zh: `订单文件不用 --leaders:tuan import ${file};团长名单的列是 ${expected}`,
        en: `import order files without --leaders: tuan import ${file}; a leaders file has the columns ${expected}`,
      },
    );
  }
  throw new InputError(
    why === 'no_leader_id'
      ? {
          zh: `${file}:没有团长ID列(团长ID / leader_id);找到的表头:${found}`,
          en: `${file}: no leader ID column (团长ID / leader_id); headers found: ${found}`,
        }
      : {
          zh: `${file}:只有团长ID列,没有要更新的团长信息;找到的表头:${found}`,
          en: `${file}: only a leader ID column, nothing to update; headers found: ${found}`,
        },
    { zh: `团长名单的列是 ${expected}`, en: `a leaders file has the columns ${expected}` },
  );
}

export async function importLeadersFile(db: Db, path: string, encoding: EncodingChoice, now: string): Promise<LeadersSummary> {
  const file = basename(path);
  const aliases = Object.values(LEADER_FIELDS).flat();
  const sniffed = await sniffFile(path, { encoding, delimiter: 'auto', extraHeaders: aliases });
  const verdict = judgeLeadersHeader(sniffed.headers);
  if (!verdict.ok) refuse(file, sniffed.headers, verdict.why, verdict.orderHeaders);
  const fields = verdict.fields;
  const cols = leaderColumns(sniffed.headers);
  const sha = await sha256File(path);
  const problems: { line: number; zh: string; en: string }[] = [];
  const rows: LeaderRow[] = [];
  const fail = (line: number, zh: string, en: string) => problems.push({ line, zh, en });
  const batches = readRecordBatches(
    path,
    sniffed,
    (b) => fail(b.line, '有无法解码的字节', 'bytes that do not decode'),
    (p) => fail(p.line, p.reason, p.reason),
  );
  for await (const batch of batches) {
    for (const rec of batch) {
      const values: Partial<LeaderRecord> = {};
      for (const f of fields) values[f] = (rec.cells[cols[f]!] ?? '').trim();
      if (!values.leader_id) {
        fail(rec.line, '团长ID为空', 'empty leader ID');
        continue;
      }
      if (values.star && !/^[1-5]$/.test(values.star)) {
        fail(rec.line, `星级「${values.star}」应为 1–5 或留空`, `star "${values.star}" must be 1–5 or empty`);
        continue;
      }
      if (values.joined_at) {
        const d = parseDateTime(values.joined_at);
        if (!d.ok) {
          fail(rec.line, `加入时间:${d.reason}`, `joined_at: ${d.reason}`);
          continue;
        }
        values.joined_at = d.value.date;
      }
      rows.push({ line: rec.line, values });
    }
  }
  if (problems.length) {
    const list = (k: 'zh' | 'en') =>
      problems
        .slice(0, 10)
        .map((p) => `${k === 'zh' ? `第 ${p.line} 行` : `line ${p.line}`}: ${p[k]}`)
        .join('\n  ');
    throw new InputError({
      zh: `${file}:${problems.length} 行团长数据有问题;什么也没有导入:\n  ${list('zh')}`,
      en: `${file}: ${problems.length} bad leader rows; nothing was imported:\n  ${list('en')}`,
    });
  }
  const plan = planLeaders(readExisting(db), rows, fields);
  if (plan.conflicts.length) {
    const list = plan.conflicts
      .slice(0, 10)
      .map((c) => `${c.leaderId} (${c.lines.join(', ')})`)
      .join('; ');
    throw new InputError(
      {
        zh: `${file}:同一团长ID出现多次且内容不同,无法判断以哪行为准;什么也没有导入:${list}`,
        en: `${file}: the same leader ID appears on several lines with different values, so it is unclear which is right; nothing was imported: ${list}`,
      },
      { zh: '每位团长只保留一行后再导入', en: 'keep one line per leader and import again' },
    );
  }
  writeTransaction(db, () => {
    const id = Number(
      db
        .prepare(`INSERT INTO imports (kind, file_name, sha256, bytes, encoding, delimiter, layout,
      imported_at, rows_read, lines_accepted, inserted, updated, unchanged, repeated, rejected)
      VALUES ('leaders', ?, ?, 0, ?, ?, 'leaders', ?, ?, ?, ?, ?, ?, ?, 0)`)
        .run(
          file,
          sha,
          sniffed.encoding,
          sniffed.delimiter,
          now,
          rows.length,
          plan.upserts.length,
          plan.inserted,
          plan.updated,
          plan.unchanged,
          plan.duplicateRows,
        ).lastInsertRowid,
    );
    const up = db.prepare(`INSERT INTO leaders (leader_id, name, community, region, trainer, joined_at, mentor_id, star, role, import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (leader_id) DO UPDATE SET name = excluded.name,
      community = excluded.community, region = excluded.region, trainer = excluded.trainer, joined_at = excluded.joined_at,
      mentor_id = excluded.mentor_id, star = excluded.star, role = excluded.role, import_id = excluded.import_id`);
    for (const r of plan.upserts) {
      up.run(
        r.leader_id,
        r.name,
        r.community,
        r.region,
        r.trainer,
        r.joined_at || null,
        r.mentor_id || null,
        r.star ? Number(r.star) : null,
        r.role,
        id,
      );
    }
  });
  return {
    file,
    leaders: plan.upserts.length,
    inserted: plan.inserted,
    updated: plan.updated,
    unchanged: plan.unchanged,
    duplicateRows: plan.duplicateRows,
    fields: LEADER_FIELD_NAMES.filter((f) => fields.includes(f)),
    changes: plan.changes,
    rejected: 0,
  };
}
