/**
 * Reading exports: plain or gzip files, encoding and delimiter detection, the header row under
 * any title rows, and a stream of records with the file line where each starts.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { basename } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import type { Sniffed } from '../core/ingest/index.js';
import { headerScore, normalizeHeader } from '../core/ingest/index.js';
import { detectEncoding, StrictDecoder, type BadLine, type Encoding, type EncodingChoice } from './decode.js';
import { clipRaw, RecordAssembler } from './records.js';
import { containerOf, readWorkbookBatches, sniffWorkbook } from './workbook.js';

/** A cell longer than this is not data a leader's export holds: its row is rejected. */
export const MAX_CELL_CHARS = 64 * 1024;
const STRAY_QUOTE =
  'unmatched quote: a quoted cell opens on this line and does not close within a real cell (or holds whole rows); ' +
  'this line was skipped and reading went on with the next line';
const CELL_TOO_LONG = `a cell longer than ${MAX_CELL_CHARS / 1024} KiB`;
const LINE_TOO_LONG = 'a line longer than 1 MiB (skipped)';

export type DelimiterChoice = 'auto' | ',' | '\t' | ';';

const SAMPLE_BYTES = 256 * 1024;
const MAX_TITLE_ROWS = 30;

export type { Sniffed };

/** File-system and gzip failures are the user's input: an InputError that names the file and says what is wrong. */
export function readFailure(path: string, e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const file = basename(path);
  const fs: Record<string, [string, string]> = {
    ENOENT: ['文件不存在', 'no such file'],
    EISDIR: ['这是一个文件夹,不是文件', 'it is a folder, not a file'],
    EACCES: ['没有读取权限', 'no permission to read it'],
    EPERM: ['没有读取权限', 'no permission to read it'],
    ELOOP: ['符号链接循环', 'a loop of symbolic links'],
    ENOTDIR: ['路径中有一段不是文件夹', 'a part of the path is not a folder'],
    ENAMETOOLONG: ['文件名太长', 'the file name is too long'],
    EIO: ['读取出错(磁盘或网络盘)', 'an I/O error (disk or network drive)'],
  };
  const why = fs[code];
  if (why) return new InputError({ zh: `无法读取 ${path}:${why[0]}`, en: `cannot read ${path}: ${why[1]}` });
  if (
    code.startsWith('Z_') ||
    /unexpected end of file|incorrect header check|invalid .* (distance|code|block type)|incorrect data check|unknown compression method|invalid stored block lengths/.test(
      e.message,
    )
  ) {
    return new InputError(
      {
        zh: `${file} 是损坏或不完整的 gzip 压缩文件(${e.message});什么也没有导入`,
        en: `${file} is a damaged or incomplete gzip file (${e.message}); nothing was imported`,
      },
      { zh: '重新下载或重新压缩这个文件', en: 'download or compress the file again' },
    );
  }
  return e;
}

function isGzip(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(2);
      return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw readFailure(path, e);
  }
}

/** No real export compresses better than this; a gzip that does is refused as a decompression bomb. */
export const MAX_GZIP_RATIO = 200;
/** …once this much has come out of it (small files may compress well). */
const BOMB_MIN_BYTES = 32 * 1024 * 1024;

/**
 * The bytes of a file, gunzipped when `gzip`, in chunks. Read and gzip errors become InputErrors
 * naming the file; a gzip that expands more than MAX_GZIP_RATIO times is refused.
 */
export async function* openBytes(path: string, gzip: boolean): AsyncGenerator<Buffer> {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = gzip ? raw.pipe(createGunzip({ chunkSize: 256 * 1024 })) : raw;
  if (gzip) raw.on('error', (e) => stream.destroy(e));
  let out = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (gzip && out > BOMB_MIN_BYTES && out > MAX_GZIP_RATIO * Math.max(1, raw.bytesRead)) {
        throw new InputError(
          {
            zh: `${basename(path)}:解压后比压缩文件大 ${MAX_GZIP_RATIO} 倍以上,不像真实的导出(压缩炸弹?);什么也没有导入`,
            en: `${basename(path)}: it expands to more than ${MAX_GZIP_RATIO} times its compressed size, which no real export does (a decompression bomb?); nothing was imported`,
          },
          { zh: '解压后检查文件内容', en: 'unpack it and look at what it holds' },
        );
      }
      yield chunk;
    }
  } catch (e) {
    throw readFailure(path, e);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

async function readSample(path: string, gzip: boolean): Promise<{ sample: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of openBytes(path, gzip)) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= SAMPLE_BYTES) return { sample: Buffer.concat(chunks).subarray(0, SAMPLE_BYTES), complete: false };
  }
  return { sample: Buffer.concat(chunks), complete: true };
}

function lenientDecode(buf: Buffer, enc: Encoding): string {
  if (enc === 'gbk' || enc === 'gb18030') return iconv.decode(buf, enc);
  const names = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', latin1: 'windows-1252' } as const;
  return new TextDecoder(names[enc]).decode(buf).replace(/^\uFEFF/, '');
}

function splitHeaderLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

export interface SniffOptions {
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  /** header texts given by --map / config columns: they count as known headers */
  extraHeaders: readonly string[];
  /** a workbook's sheet (--sheet NAME|N); ignored for text files */
  sheet?: string | undefined;
}

/** Find encoding, delimiter and the header row (skipping title rows above it). */
export async function sniffFile(path: string, opts: SniffOptions): Promise<Sniffed> {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw readFailure(path, e);
  }
  if (size === 0) throw new InputError({ zh: `${basename(path)} 是空文件`, en: `${basename(path)} is empty` });
  // A workbook is known by its content (a zip or an OLE2 file), whatever its name; a CSV named .xls reads as CSV.
  let container: ReturnType<typeof containerOf>;
  try {
    container = containerOf(path);
  } catch (e) {
    throw readFailure(path, e);
  }
  if (container) {
    try {
      return await sniffWorkbook(path, container, opts);
    } catch (e) {
      throw readFailure(path, e);
    }
  }
  const gzip = isGzip(path);
  const { sample, complete } = await readSample(path, gzip);
  const encoding = opts.encoding === 'auto' ? detectEncoding(sample, complete).encoding : opts.encoding;
  const text = lenientDecode(sample, encoding);
  const lines = text.split(/\r\n|\n|\r/).slice(0, MAX_TITLE_ROWS);
  const extra = new Set(opts.extraHeaders.map(normalizeHeader));
  const candidates: string[] = opts.delimiter === 'auto' ? [',', '\t', ';'] : [opts.delimiter];
  let best = { score: 0, line: -1, delimiter: ',' };
  lines.forEach((line, i) => {
    for (const d of candidates) {
      const cells = splitHeaderLine(line, d);
      const score = headerScore(cells) + cells.filter((c) => extra.has(normalizeHeader(c))).length;
      if (score > best.score) best = { score, line: i, delimiter: d };
    }
  });
  if (best.score < 2) {
    const first = lines.find((l) => l.trim() !== '') ?? '';
    const delimiter = candidates.reduce((a, d) => (first.split(d).length > first.split(a).length ? d : a));
    const found = splitHeaderLine(first, delimiter).filter((c) => c !== '');
    const maps = '--map ordered_at="<date header>" --map member_id="<customer header>" --map amount="<amount header>"';
    throw new InputError(
      {
        zh: `${basename(path)}:前 ${MAX_TITLE_ROWS} 行里没有能认出的表头行(找到的表头:${found.join(', ') || '无'})`,
        en:
          `${basename(path)}: no header row with known column names in the first ${MAX_TITLE_ROWS} lines ` +
          `(headers found: ${found.join(', ') || 'none'})`,
      },
      { zh: `用 --map 指定列,例如 ${maps}`, en: `map the columns with --map, e.g. ${maps}` },
    );
  }
  const headerText = lines[best.line]!;
  const nl = /\r\n|\n|\r/.exec(text.slice(text.indexOf(headerText)));
  return {
    encoding,
    gzip,
    delimiter: best.delimiter,
    headerLine: best.line + 1,
    headers: parseHeaderRow(headerText, best.delimiter),
    newline: (nl?.[0] ?? '\n') as Sniffed['newline'],
  };
}

function parseHeaderRow(line: string, delimiter: string): string[] {
  const res = Papa.parse<string[]>(line, { delimiter });
  return (res.data[0] ?? []).map((c) => c.trim());
}

export interface RawRecord {
  cells: string[];
  /** 1-based file line where the record starts */
  line: number;
}

export interface ParseProblem {
  line: number;
  raw: string;
  reason: string;
  /** the column it is about, when known (a workbook's error cell); else the row is a CSV problem */
  field?: string;
}

/** Rebuild a record's text (for rejected rows): cells joined by the delimiter, quoted where needed. */
export function recordText(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Stream the data records after the header row, in batches. Undecodable lines and malformed CSV
 * records are reported through the callbacks and never reach the caller as records.
 * PapaParse does the CSV work (RFC 4180 quoting, newlines in quoted cells).
 */
export async function* readRecordBatches(
  path: string,
  sniffed: Sniffed,
  onBadLine: (bad: BadLine) => void,
  onParseProblem: (p: ParseProblem) => void,
  onBytes?: (n: number) => void,
): AsyncGenerator<RawRecord[]> {
  if (sniffed.workbook) {
    const problem = (p: { line: number; cells: string[]; field: string; reason: string }) =>
      onParseProblem({ line: p.line, raw: clipRaw(recordText(p.cells, sniffed.delimiter)), reason: p.reason, field: p.field });
    try {
      yield* readWorkbookBatches(path, sniffed, problem, onBytes);
    } catch (e) {
      throw readFailure(path, e);
    }
    return;
  }
  const decoder = new StrictDecoder(sniffed.encoding, onBadLine);
  const assembler = new RecordAssembler(sniffed.delimiter, sniffed.headers.length, sniffed.headerLine + 1, (q) =>
    onParseProblem({ line: q.line, raw: q.raw, reason: q.why === 'stray_quote' ? STRAY_QUOTE : LINE_TOO_LONG }),
  );
  // Records reach PapaParse whole and with \n line endings (records.ts), so it never waits for more text.
  const parser = new Papa.Parser({ delimiter: sniffed.delimiter, newline: '\n' });
  let line = sniffed.headerLine + 1; // file line of the next record
  let toSkip = sniffed.headerLine; // title rows and the header row
  let head = ''; // text of a title or header line not yet complete
  const run = (text: string, final: boolean): RawRecord[] => {
    if (toSkip > 0) {
      text = head + text;
      const nl = /\r\n|\n|\r/g;
      let i = 0;
      while (toSkip > 0) {
        const m = nl.exec(text);
        if (!m || (m[0] === '\r' && m.index === text.length - 1 && !final)) return ((head = text.slice(i)), []);
        i = m.index + m[0].length;
        toSkip--;
      }
      text = text.slice(i);
    }
    const records = assembler.push(text, final);
    if (records === '') return [];
    const res = parser.parse(records, 0, false) as { data: string[][]; errors: { row: number; code: string; message: string }[] };
    const bad = new Map<number, string>();
    for (const e of res.errors) if (e.row !== undefined && e.row < res.data.length) bad.set(e.row, `${e.code}: ${e.message}`);
    const out: RawRecord[] = [];
    const rows = res.data.length - (records.endsWith('\n') ? 1 : 0); // the empty "row" after the last newline
    for (let r = 0; r < rows; r++) {
      const cells = res.data[r]!;
      const start = line;
      let span = 1;
      for (const c of cells) if (c.includes('\n')) span += countNewlines(c);
      line += span;
      if (cells.length === 1 && cells[0] === '') continue; // empty line (or a line rejected above)
      const problem = bad.get(r);
      if (problem)
        onParseProblem({ line: start, raw: clipRaw(recordText(cells, sniffed.delimiter)), reason: `malformed CSV (${problem})` });
      else if (cells.some((c) => c.length > MAX_CELL_CHARS))
        onParseProblem({ line: start, raw: clipRaw(recordText(cells, sniffed.delimiter)), reason: CELL_TOO_LONG });
      else out.push({ cells, line: start });
    }
    return out;
  };
  for await (const chunk of openBytes(path, sniffed.gzip)) {
    onBytes?.(chunk.length);
    const text = decoder.push(chunk);
    if (text) {
      const batch = run(text, false);
      if (batch.length) yield batch;
    }
  }
  const batch = run(decoder.end(), true);
  if (batch.length) yield batch;
}
