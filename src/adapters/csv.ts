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
import type { Sniffed } from '../core/ingest/import-types.js';
import { headerScore, normalizeHeader } from '../core/ingest/headers.js';
import { detectEncoding, StrictDecoder, type BadLine, type Encoding, type EncodingChoice } from './decode.js';

export type DelimiterChoice = 'auto' | ',' | '\t' | ';';

const SAMPLE_BYTES = 256 * 1024;
const MAX_TITLE_ROWS = 30;

export type { Sniffed };

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export function openBytes(path: string, gzip: boolean): NodeJS.ReadableStream {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  return gzip ? raw.pipe(createGunzip({ chunkSize: 256 * 1024 })) : raw;
}

async function readSample(path: string, gzip: boolean): Promise<{ sample: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = openBytes(path, gzip);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= SAMPLE_BYTES) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      return { sample: Buffer.concat(chunks).subarray(0, SAMPLE_BYTES), complete: false };
    }
  }
  return { sample: Buffer.concat(chunks), complete: true };
}

function lenientDecode(buf: Buffer, enc: Encoding): string {
  if (enc === 'gbk' || enc === 'gb18030') return iconv.decode(buf, enc);
  const names = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', latin1: 'windows-1252' } as const;
  return new TextDecoder(names[enc]).decode(buf).replace(/^\uFEFF/, '');
}

function splitHeaderLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

export interface SniffOptions {
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  /** header texts given by --map / config columns: they count as known headers */
  extraHeaders: readonly string[];
}

/** Find encoding, delimiter and the header row (skipping title rows above it). */
export async function sniffFile(path: string, opts: SniffOptions): Promise<Sniffed> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError({
      zh: `无法读取 ${path}:${missing ? '文件不存在' : (e as Error).message}`,
      en: `cannot read ${path}: ${missing ? 'no such file' : (e as Error).message}`,
    });
  }
  if (size === 0) throw new InputError({ zh: `${basename(path)} 是空文件`, en: `${basename(path)} is empty` });
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
    throw new InputError({
      zh: `${basename(path)}:前 ${MAX_TITLE_ROWS} 行里没有能认出的表头行(找到的表头:${found.join(', ') || '无'})`,
      en: `${basename(path)}: no header row with known column names in the first ${MAX_TITLE_ROWS} lines ` +
        `(headers found: ${found.join(', ') || 'none'})`,
    }, { zh: `用 --map 指定列,例如 ${maps}`, en: `map the columns with --map, e.g. ${maps}` });
  }
  const headerText = lines[best.line]!;
  const nl = /\r\n|\n|\r/.exec(text.slice(text.indexOf(headerText)));
  return {
    encoding, gzip, delimiter: best.delimiter, headerLine: best.line + 1,
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
  const decoder = new StrictDecoder(sniffed.encoding, onBadLine);
  let parser: InstanceType<typeof Papa.Parser> | null = null;
  let carry = '';
  let line = 1; // file line of the next record
  let toSkip = sniffed.headerLine; // title rows and the header row
  const run = (text: string, final: boolean): RawRecord[] => {
    if (toSkip > 0) {
      let i = 0;
      while (toSkip > 0) {
        const nl = text.indexOf(sniffed.newline, i);
        if (nl < 0) return ((carry = text.slice(i)), []);
        i = nl + sniffed.newline.length;
        toSkip--;
        line++;
      }
      text = text.slice(i);
    }
    parser ??= new Papa.Parser({ delimiter: sniffed.delimiter, newline: sniffed.newline });
    const res = parser.parse(text, 0, !final) as { data: string[][]; errors: { row: number; code: string; message: string }[]; meta: { cursor: number } };
    carry = final ? '' : text.slice(res.meta.cursor);
    const bad = new Map<number, string>();
    for (const e of res.errors) if (e.row !== undefined && e.row < res.data.length) bad.set(e.row, `${e.code}: ${e.message}`);
    const out: RawRecord[] = [];
    for (let r = 0; r < res.data.length; r++) {
      const cells = res.data[r]!;
      const start = line;
      let span = 1;
      for (const c of cells) if (c.includes('\n')) span += countNewlines(c);
      line += span;
      if (cells.length === 1 && cells[0] === '') continue; // empty line
      const problem = bad.get(r);
      if (problem) onParseProblem({ line: start, raw: recordText(cells, sniffed.delimiter), reason: `malformed CSV (${problem})` });
      else out.push({ cells, line: start });
    }
    return out;
  };
  for await (const chunk of openBytes(path, sniffed.gzip) as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    const text = decoder.push(chunk);
    if (text) {
      const batch = run(carry + text, false);
      if (batch.length) yield batch;
    }
  }
  const rest = carry + decoder.end();
  if (rest) {
    const batch = run(rest, true);
    if (batch.length) yield batch;
  }
}
