/**
 * Reading exports: plain or gzip files, encoding and delimiter detection, the header row under
 * any title rows, and a stream of records with the file line where each starts.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { headerScore, normalizeHeader } from '../core/headers.js';
import { detectEncoding, StrictDecoder, type BadLine, type Encoding, type EncodingChoice } from './decode.js';

export const DELIMITERS = { auto: 'auto', ',': ',', '\\t': '\t', tab: '\t', ';': ';', '\t': '\t' } as const;
export type DelimiterChoice = 'auto' | ',' | '\t' | ';';

const SAMPLE_BYTES = 256 * 1024;
const MAX_TITLE_ROWS = 30;

export interface Sniffed {
  encoding: Encoding;
  delimiter: string;
  /** 1-based file line of the header row */
  headerLine: number;
  headers: string[];
  gzip: boolean;
}

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
  const raw = createReadStream(path, { highWaterMark: 1024 * 1024 });
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
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (size === 0) throw new InputError(`${basename(path)} is empty`);
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
    throw new InputError(
      `${basename(path)}: no header row with known column names in the first ${MAX_TITLE_ROWS} lines ` +
        `(headers found: ${found.join(', ') || 'none'})`,
      'map the columns with --map, e.g. --map ordered_at="<date header>" --map member_id="<customer header>" --map amount="<amount header>"',
    );
  }
  const headerText = lines[best.line]!;
  return {
    encoding, gzip, delimiter: best.delimiter, headerLine: best.line + 1,
    headers: await parseHeaderRow(headerText, best.delimiter),
  };
}

async function parseHeaderRow(line: string, delimiter: string): Promise<string[]> {
  const p = parse(line, { delimiter, relax_quotes: true, relax_column_count: true });
  for await (const rec of p as AsyncIterable<string[]>) return rec.map((c) => c.trim());
  return [];
}

export interface RawRecord {
  cells: string[];
  /** 1-based file line where the record starts */
  line: number;
  raw: string;
}

export interface ParseProblem {
  line: number;
  raw: string;
  reason: string;
}

/**
 * Stream the data records after the header row. Undecodable lines and malformed CSV records are
 * reported through the callbacks and never reach the caller as records.
 */
export async function* readRecords(
  path: string,
  sniffed: Sniffed,
  onBadLine: (bad: BadLine) => void,
  onParseProblem: (p: ParseProblem) => void,
  onBytes?: (n: number) => void,
): AsyncGenerator<RawRecord> {
  const decoder = new StrictDecoder(sniffed.encoding, onBadLine);
  const parser = parse({
    delimiter: sniffed.delimiter,
    from_line: sniffed.headerLine + 1,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
  });
  parser.on('skip', (err: Error & { lines?: number; raw?: string }) => {
    onParseProblem({ line: err.lines ?? 0, raw: err.raw ?? '', reason: `malformed CSV: ${err.message}` });
  });
  const source = openBytes(path, sniffed.gzip);
  const feed = (async () => {
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        onBytes?.(chunk.length);
        const text = decoder.push(chunk);
        if (text && !parser.write(text)) await new Promise((r) => parser.once('drain', r));
      }
      const rest = decoder.end();
      if (rest) parser.write(rest);
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    const raw = rec.raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
    const inner = (raw.match(/\r\n|\n|\r/g) ?? []).length;
    yield { cells: rec.record, line: rec.info.lines - inner, raw };
  }
  await feed;
}
