/**
 * Text decoding of exports: detect the encoding from the first bytes, then decode strictly.
 * A line whose bytes do not decode becomes an empty line (so line numbers hold) and a BadLine;
 * the importer stores it as a rejected row. Nothing becomes U+FFFD in the database.
 */
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

import type { Encoding } from './encodings.js';
export type { EncodingChoice, Encoding } from './encodings.js';

export interface BadLine {
  line: number;
  raw: string;
  /** why, when it is not bytes that do not decode */
  reason?: string;
}

/** A line longer than this (without a newline) is no export's line: it is skipped as a bad line. */
export const MAX_LINE_BYTES = 1024 * 1024;

function validUtf8(buf: Buffer, complete: boolean): boolean {
  // A sample may end in the middle of a character: ignore up to 3 trailing bytes then.
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    dec.decode(buf, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** Lines of the sample with non-ASCII bytes that are (good) and are not (bad) valid UTF-8. */
function utf8LineStats(sample: Buffer, complete: boolean): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let start = 0; start < sample.length; ) {
    const nl = sample.indexOf(0x0a, start);
    const end = nl < 0 ? sample.length : nl + 1;
    const piece = sample.subarray(start, end);
    if (piece.some((b) => b >= 0x80)) {
      if (validUtf8(piece, complete || nl >= 0)) good++;
      else bad++;
    }
    start = end;
  }
  return { good, bad };
}

/** Detect the encoding from a sample of the first bytes (`complete` when the sample is the whole file). */
export function detectEncoding(sample: Buffer, complete: boolean): { encoding: Encoding; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  if (validUtf8(sample, complete)) return { encoding: 'utf8', bom: 0 };
  // UTF-8 with a few undecodable lines is still UTF-8: those lines become rejected rows (GBK text is
  // almost never valid UTF-8, so a GBK file has no valid non-ASCII lines here).
  const u = utf8LineStats(sample, complete);
  if (u.good > 0 && u.bad <= Math.max(1, (u.good + u.bad) / 20)) return { encoding: 'utf8', bom: 0 };
  // Not UTF-8: Chinese Excel saves GBK; GB18030 is its superset and decodes every GBK file.
  const text = iconv.decode(sample, 'gb18030');
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  const lines = Math.max(1, (text.match(/\n/g) ?? []).length);
  if (bad <= Math.max(1, lines / 20)) return { encoding: 'gb18030', bom: 0 };
  throw new InputError(
    {
      zh: '无法判断文件编码:既不是 UTF-8,也不是 GBK/GB18030',
      en: 'cannot tell the text encoding: the file is neither UTF-8 nor GBK/GB18030',
    },
    {
      zh: '用 --encoding 指定(utf8、gbk、gb18030、utf16le、utf16be 或 latin1)',
      en: 'pass --encoding (utf8, gbk, gb18030, utf16le, utf16be or latin1)',
    },
  );
}

function bomLength(buf: Buffer, enc: Encoding): number {
  if (enc === 'utf8' && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 3;
  if (enc === 'utf16le' && buf[0] === 0xff && buf[1] === 0xfe) return 2;
  if (enc === 'utf16be' && buf[0] === 0xfe && buf[1] === 0xff) return 2;
  return 0;
}

function escapeBytes(buf: Buffer): string {
  const lossy = iconv.decode(buf, 'latin1');
  return lossy.replace(/[\x80-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * A streaming strict decoder. `push` takes bytes and returns text for the complete lines seen so far;
 * `end` returns the rest. Undecodable lines are reported through `onBadLine`.
 */
const EMPTY = Buffer.alloc(0);

export class StrictDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private linesBefore = 0;
  private first = true;
  /** inside a line over MAX_LINE_BYTES: dropped up to its newline */
  private skipping = false;
  private readonly utf16: boolean;
  private readonly textDecoder: TextDecoder | null;

  constructor(
    readonly encoding: Encoding,
    private readonly onBadLine: (bad: BadLine) => void,
  ) {
    this.utf16 = encoding === 'utf16le' || encoding === 'utf16be';
    const whatwg = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', latin1: 'windows-1252' } as const;
    this.textDecoder =
      encoding in whatwg ? new TextDecoder(whatwg[encoding as keyof typeof whatwg], { fatal: true, ignoreBOM: true }) : null;
  }

  push(chunk: Buffer): string {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = EMPTY; // consumed (the UTF-16 path keeps nothing back; the others set it again below)
    if (this.first) {
      if (buf.length < 3) {
        this.pending = buf;
        return '';
      }
      buf = buf.subarray(bomLength(buf, this.encoding));
      this.first = false;
    }
    if (this.utf16) return this.decodeUtf16(buf, false);
    let out = '';
    if (this.skipping) {
      const nl = buf.indexOf(0x0a);
      if (nl < 0) return '';
      this.skipping = false;
      buf = buf.subarray(nl + 1);
      out = '\n'; // the long line stays one (empty) line, so line numbers hold
    }
    const cut = buf.lastIndexOf(0x0a);
    this.pending = cut < 0 ? buf : buf.subarray(cut + 1);
    if (cut >= 0) out += this.decodeLines(buf.subarray(0, cut + 1));
    if (this.pending.length > MAX_LINE_BYTES) {
      this.linesBefore += 1;
      this.onBadLine({
        line: this.linesBefore,
        raw: `${escapeBytes(this.pending.subarray(0, 200))}…`,
        reason: 'a line longer than 1 MiB (skipped)',
      });
      this.pending = EMPTY;
      this.skipping = true;
    }
    return out;
  }

  end(): string {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    if (this.first) {
      this.first = false;
      return this.end2(rest.subarray(bomLength(rest, this.encoding)));
    }
    return this.end2(rest);
  }

  private end2(rest: Buffer): string {
    if (this.utf16) return this.decodeUtf16(rest, true);
    if (this.skipping) return '\n';
    return rest.length ? this.decodeLines(rest) : '';
  }

  private decodeUtf16(buf: Buffer, final: boolean): string {
    try {
      return this.textDecoder!.decode(buf, { stream: !final });
    } catch {
      const enc = this.encoding === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE';
      throw new InputError(
        { zh: `文件不是有效的 ${enc}`, en: `the file is not valid ${enc}` },
        { zh: '检查一下文件,或用 --encoding 指定别的编码', en: 'check the file or pass another --encoding' },
      );
    }
  }

  /** Decode whole lines; on failure decode line by line and blank out the bad ones. */
  private decodeLines(block: Buffer): string {
    const whole = this.tryDecode(block);
    if (whole !== null) {
      this.linesBefore += countNewlines(block);
      return whole;
    }
    let out = '';
    let start = 0;
    while (start < block.length) {
      const nl = block.indexOf(0x0a, start);
      const end = nl < 0 ? block.length : nl + 1;
      const piece = block.subarray(start, end);
      this.linesBefore += 1;
      const text = this.tryDecode(piece);
      if (text === null) {
        this.onBadLine({ line: this.linesBefore, raw: escapeBytes(piece).replace(/\r?\n$/, '') });
        // Keep the line's own ending: a lone \n in a CRLF file would join the blank line to the next record.
        out += nl < 0 ? '' : nl > start && block[nl - 1] === 0x0d ? '\r\n' : '\n';
      } else out += text;
      start = end;
    }
    if (block[block.length - 1] !== 0x0a) this.linesBefore -= 1;
    return out;
  }

  private tryDecode(buf: Buffer): string | null {
    if (this.textDecoder) {
      try {
        return this.textDecoder.decode(buf);
      } catch {
        return null;
      }
    }
    const text = iconv.decode(buf, this.encoding);
    return text.includes('\uFFFD') ? null : text;
  }
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(0x0a);
  while (i >= 0) {
    n++;
    i = buf.indexOf(0x0a, i + 1);
  }
  return n;
}
