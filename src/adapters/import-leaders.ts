/** `tuan import --leaders FILE`: leaders.csv (SPEC §2.2), upserted by leader_id, all-or-nothing. */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { Text } from '../i18n.js';
import { normalizeHeader } from '../core/ingest/headers.js';
import { parseDateTime } from '../core/shared/dates.js';
import type { LeadersSummary } from '../core/ingest/import-types.js';
import type { Db } from './db.js';
import { readRecordBatches, sniffFile } from './csv.js';
import { sha256File } from './import-orders.js';
import type { EncodingChoice } from './decode.js';

const LEADER_FIELDS = {
  leader_id: ['团长ID', '团长编号', 'leader_id', 'id'],
  name: ['团长姓名', '姓名', '团长', 'name'],
  community: ['小区', '社区', '小区/社区', 'community'],
  region: ['区域', '地区', 'region'],
  trainer: ['培训师', '区域培训师', 'trainer'],
  joined_at: ['加入时间', '入驻时间', 'joined_at'],
  mentor_id: ['师傅', '导师', '师傅/导师', 'mentor_id', 'mentor'],
  star: ['星级', '认证星级', 'star'],
  role: ['角色', 'role'],
} as const;
type LeaderField = keyof typeof LEADER_FIELDS;

export type { LeadersSummary };

export async function importLeadersFile(db: Db, path: string, encoding: EncodingChoice, now: string): Promise<LeadersSummary> {
  const file = basename(path);
  const aliases = Object.values(LEADER_FIELDS).flat();
  const sniffed = await sniffFile(path, { encoding, delimiter: 'auto', extraHeaders: aliases });
  const cols: Partial<Record<LeaderField, number>> = {};
  sniffed.headers.forEach((h, i) => {
    for (const [f, names] of Object.entries(LEADER_FIELDS) as [LeaderField, readonly string[]][]) {
      if (cols[f] === undefined && names.some((n) => normalizeHeader(n) === normalizeHeader(h))) cols[f] = i;
    }
  });
  if (cols.leader_id === undefined) {
    throw new InputError({ zh: `${file}:没有团长ID列(团长ID / leader_id)。找到的表头:${sniffed.headers.join(', ')}`, en: `${file}: no leader ID column (团长ID / leader_id). Headers found: ${sniffed.headers.join(', ')}` });
  }
  const sha = await sha256File(path);
  const problems: Text[] = [];
  const rows: Record<LeaderField, string>[] = [];
  const fail = (line: number, what: Text) => problems.push({ zh: `第 ${line} 行:${what.zh}`, en: `line ${line}: ${what.en}` });
  const batches = readRecordBatches(path, sniffed, (b) => fail(b.line, { zh: '有无法解码的字节', en: 'bytes that do not decode' }),
    (p) => fail(p.line, { zh: p.reason, en: p.reason }));
  for await (const rec of (async function* () { for await (const b of batches) yield* b; })()) {
    const get = (f: LeaderField) => (cols[f] === undefined ? '' : (rec.cells[cols[f]!] ?? '').trim());
    const row = Object.fromEntries(Object.keys(LEADER_FIELDS).map((f) => [f, get(f as LeaderField)])) as Record<LeaderField, string>;
    if (!row.leader_id) { fail(rec.line, { zh: '团长ID为空', en: 'empty leader ID' }); continue; }
    if (row.star && !/^[1-5]$/.test(row.star)) { fail(rec.line, { zh: `星级 "${row.star}" 应是 1–5 或留空`, en: `star "${row.star}" must be 1–5 or empty` }); continue; }
    if (row.joined_at) {
      const d = parseDateTime(row.joined_at);
      if (!d.ok) { fail(rec.line, { zh: `加入时间:${d.reason}`, en: `joined_at: ${d.reason}` }); continue; }
      row.joined_at = d.value.date;
    }
    rows.push(row);
  }
  if (problems.length) {
    const list = (l: 'zh' | 'en') => problems.slice(0, 10).map((p) => p[l]).join('\n  ');
    throw new InputError({ zh: `${file}:有 ${problems.length} 行团长数据有误,什么都没有导入:\n  ${list('zh')}`, en: `${file}: ${problems.length} bad leader rows; nothing was imported:\n  ${list('en')}` });
  }
  db.transaction(() => {
    const id = Number(db.prepare(`INSERT INTO imports (kind, file_name, sha256, bytes, encoding, delimiter, layout,
      imported_at, rows_read, lines_accepted, inserted, updated, unchanged, repeated, rejected)
      VALUES ('leaders', ?, ?, 0, ?, ?, 'leaders', ?, ?, ?, ?, 0, 0, 0, 0)`)
      .run(file, sha, sniffed.encoding, sniffed.delimiter, now, rows.length, rows.length, rows.length).lastInsertRowid);
    const up = db.prepare(`INSERT INTO leaders (leader_id, name, community, region, trainer, joined_at, mentor_id, star, role, import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (leader_id) DO UPDATE SET name = excluded.name,
      community = excluded.community, region = excluded.region, trainer = excluded.trainer, joined_at = excluded.joined_at,
      mentor_id = excluded.mentor_id, star = excluded.star, role = excluded.role, import_id = excluded.import_id`);
    for (const r of rows) {
      up.run(r.leader_id, r.name, r.community, r.region, r.trainer, r.joined_at || null, r.mentor_id || null,
        r.star ? Number(r.star) : null, r.role, id);
    }
  })();
  return { file, leaders: rows.length, rejected: 0 };
}
