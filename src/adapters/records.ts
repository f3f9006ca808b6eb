/**
 * Physical lines -> whole CSV records, before PapaParse sees them, so that one bad quote cannot eat
 * the file. Line endings are made `\n` (a CRLF header over LF rows, or CR-only files, read the same),
 * and a quoted cell may span lines only within bounds no real export reaches: when a quote opened
 * on a line is still open MAX_RECORD_LINES lines or MAX_RECORD_CHARS characters later, that one line
 * is rejected (blanked, so line numbers hold) and reading resumes on the next line; so is a quote
 * whose cell holds whole rows (inner lines with a row's worth of delimiters), or that spans lines and
 * "closes" on a quote with text right after it (the next record's opening quote). An unclosed quote
 * at the end of the file is handled the same way. Work per character is bounded: nothing is re-read
 * more than MAX_RECORD_LINES times, so a huge cell costs linear time.
 */

/** A quoted cell spanning more lines than this is a stray quote (快团团 商品 cells hold a few dozen). */
export const MAX_RECORD_LINES = 100;
/** …or more characters than this (a record of 16 cells at the 64 KiB cell bound). */
export const MAX_RECORD_CHARS = 16 * 64 * 1024;
/** Rejected text kept for `tuan rejects` (the rest is cut with a note). */
export const MAX_RAW_CHARS = 2_000;

export interface SkippedLine {
  /** file line */
  line: number;
  raw: string;
  /** a quote opened on this line that never closes as a real cell would; or a line over MAX_RECORD_CHARS */
  why: 'stray_quote' | 'long_line';
}

const QUOTE = 34;
const NL = 10;

/** Cut text kept for a rejected row to MAX_RAW_CHARS. */
export function clipRaw(raw: string): string {
  return raw.length <= MAX_RAW_CHARS ? raw : `${raw.slice(0, MAX_RAW_CHARS)}…(${raw.length} chars)`;
}

export class RecordAssembler {
  /** text of the open record, from its first line */
  private carry = '';
  /** a `\r` at the end of the last push, whose `\n` may come next */
  private pendingCr = false;
  /** inside a line too long to keep: dropped up to its newline */
  private skipping = false;
  /** the record just scanned closed a quote with text right after it (not a delimiter or line end) */
  private badClose = false;

  /**
   * @param delimiter one character
   * @param columns cells in the header row
   * @param line file line of the first line pushed
   * @param onSkip called for every line rejected (an unclosed quote, or too long)
   */
  constructor(
    private readonly delimiter: string,
    private readonly columns: number,
    private line: number,
    private readonly onSkip: (q: SkippedLine) => void,
  ) {}

  /**
   * Take decoded text; return the text of the whole records it completes (lines end in `\n`; a
   * rejected line is an empty line). With `final`, everything left is returned.
   */
  push(text: string, final: boolean): string {
    if (this.pendingCr) text = `\r${text}`;
    this.pendingCr = !final && text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (this.skipping) {
      const nl = text.indexOf('\n');
      if (nl < 0) return '';
      this.skipping = false;
      text = text.slice(nl + 1);
    }
    let s = this.carry + text;
    const d = this.delimiter.charCodeAt(0);
    let recStart = 0; // start of the record being read
    let recLine = this.line; // its file line
    let i = 0;
    for (;;) {
      // Fast path: no quote ahead and not inside a quoted cell: every complete line is a record.
      const q = s.indexOf('"', i);
      if (q < 0) {
        const last = s.lastIndexOf('\n');
        if (last >= i) {
          recLine += countNewlines(s, recStart, last + 1);
          recStart = last + 1;
        }
        break;
      }
      const lineStart = s.lastIndexOf('\n', q - 1) + 1; // the line holding the quote
      if (lineStart > recStart) {
        recLine += countNewlines(s, recStart, lineStart);
        recStart = lineStart;
      }
      // Scan the record from its start with a small state machine (a quote opens only at a field start).
      const end = this.scanRecord(s, recStart, d);
      const stop = end >= 0 ? end : s.length;
      const lines = countNewlines(s, recStart, stop);
      const runaway =
        lines > MAX_RECORD_LINES ||
        stop - recStart > MAX_RECORD_CHARS ||
        (end >= 0 && lines > 1 && (this.badClose || this.swallowsRecords(s, recStart, end, d)));
      if (end >= 0 && !runaway) {
        recLine += lines;
        recStart = end;
        i = end;
        continue;
      }
      if (end < 0 && !runaway && !final) break; // the record may close in the next chunk
      // A stray quote: reject the line that opened it (blanked, so line numbers hold) and read on.
      const nl = s.indexOf('\n', recStart);
      if (nl < 0 && !final) break; // one line so far: see below
      this.onSkip({ line: recLine, raw: clipRaw(s.slice(recStart, nl < 0 ? s.length : nl)), why: 'stray_quote' });
      s = `${s.slice(0, recStart)}\n${s.slice(nl < 0 ? s.length : nl + 1)}`;
      recLine += 1;
      recStart += 1;
      i = recStart;
      if (recStart >= s.length) break;
    }
    if (!final && s.length - recStart > MAX_RECORD_CHARS && s.indexOf('\n', recStart) < 0) {
      // One line longer than any record: reject it now and drop the rest of it as it comes.
      this.onSkip({ line: recLine, raw: clipRaw(s.slice(recStart)), why: 'long_line' });
      s = `${s.slice(0, recStart)}\n`; // the line counts as one, blank
      this.skipping = true;
      recLine += 1;
      recStart = s.length;
    }
    const done = final ? s : s.slice(0, recStart);
    this.carry = final ? '' : s.slice(recStart);
    this.line = recLine;
    return done;
  }

  /**
   * A quoted cell whose inner lines (neither the first nor the last line of the record) each hold
   * as many delimiters as a whole row is not a cell: it swallowed records.
   */
  private swallowsRecords(s: string, start: number, end: number, d: number): boolean {
    const first = s.indexOf('\n', start) + 1;
    const last = s.lastIndexOf('\n', end - 2) + 1; // start of the record's last line
    if (first >= last) return false;
    const need = Math.max(2, this.columns - 1);
    let delimiters = 0;
    for (let j = first; j < last; j++) {
      const c = s.charCodeAt(j);
      if (c === d) delimiters++;
      else if (c === NL) {
        if (delimiters >= need) return true;
        delimiters = 0;
      }
    }
    return false;
  }

  /**
   * Read one record from `start` (a line start): the index just after its closing newline, or -1
   * when the text ends inside it.
   */
  private scanRecord(s: string, start: number, d: number): number {
    this.badClose = false;
    let inQuote = false;
    let fieldStart = true;
    for (let j = start; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (inQuote) {
        if (c === QUOTE) {
          const next = s.charCodeAt(j + 1);
          if (next === QUOTE) j++;
          else {
            inQuote = false;
            // A real closing quote ends its cell; `,"麒麟…` inside a quote is the next record's quote.
            if (j + 1 < s.length && next !== d && next !== NL) this.badClose = true;
          }
        }
      } else if (c === NL) {
        return j + 1;
      } else if (c === QUOTE && fieldStart) {
        inQuote = true;
        fieldStart = false;
      } else {
        fieldStart = c === d;
      }
    }
    return -1;
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
