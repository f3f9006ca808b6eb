/** Physical lines -> whole records (adapters/records.ts): stray quotes, line endings, chunk boundaries. */
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, RecordAssembler, type SkippedLine } from '../../src/adapters/records.js';

/** Push `chunks`, the last one final; return the records' text and the skipped lines. */
function assemble(chunks: string[], columns = 3, delimiter = ','): { text: string; skipped: SkippedLine[] } {
  const skipped: SkippedLine[] = [];
  const a = new RecordAssembler(delimiter, columns, 2, (s) => skipped.push(s));
  const text = chunks.map((c, i) => a.push(c, i === chunks.length - 1)).join('');
  return { text, skipped };
}

const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `O${from + i},M${from + i},10.00`);

describe('RecordAssembler', () => {
  it('passes plain lines through and makes every line ending \\n (a CRLF header over LF rows, CR-only)', () => {
    expect(assemble(['a,b,c\r\nd,e,f\ng,h,i\r', '\nj,k,l\rm,n,o']).text).toBe('a,b,c\nd,e,f\ng,h,i\nj,k,l\nm,n,o');
  });

  it('keeps a real multi-line cell (快团团 商品) and a quote inside an unquoted cell', () => {
    const input = 'O1,"手工水饺(1kg)+2\n香蕉(5斤)+2",83.60\nO2,5"屏,1.00\nO3,"a ""b""",2.00\n';
    expect(assemble([input])).toEqual({ text: input, skipped: [] });
  });

  it('a stray quote that would swallow the rest of the file costs one line, not the file', () => {
    const lines = rows(300);
    lines[1] = 'O2,"M2,10.00'; // file line 3
    const { text, skipped } = assemble([lines.join('\n') + '\n']);
    expect(skipped).toEqual([{ line: 3, raw: 'O2,"M2,10.00', why: 'stray_quote' }]);
    const out = text.split('\n');
    expect(out[1]).toBe(''); // blanked: line numbers hold
    expect(out.filter((l) => l !== '')).toEqual([...rows(1), ...rows(298, 3)]);
  });

  it('a stray quote closed by another stray quote a few lines later does not swallow the rows between', () => {
    const lines = rows(10);
    lines[2] = 'O3,"M3,10.00';
    lines[6] = 'O7,M7",10.00';
    const { text, skipped } = assemble([lines.join('\n') + '\n']);
    expect(skipped.map((s) => s.line)).toEqual([4]);
    expect(text.split('\n')).toHaveLength(11);
    expect(text.split('\n')[2]).toBe('');
  });

  it('an unclosed quote at the end of the file rejects its line and keeps the lines after it', () => {
    const { text, skipped } = assemble(['O1,M1,1\nO2,"M2,2\nO3,M3,3\n']);
    expect(skipped.map((s) => [s.line, s.why])).toEqual([[3, 'stray_quote']]);
    expect(text).toBe('O1,M1,1\n\nO3,M3,3\n');
  });

  it('gives the same records however the text is cut into chunks', () => {
    const input = 'O1,"a\nb",1\r\nO2,"x,2\nO3,M3,3\r\nO4,"c ""d""",4\n';
    const whole = assemble([input]);
    for (let cut = 1; cut < input.length; cut++) {
      expect(assemble([input.slice(0, cut), input.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('a line longer than MAX_RECORD_CHARS is skipped as it streams in, in bounded memory', () => {
    const big = 'x'.repeat(MAX_RECORD_CHARS / 4);
    const chunks = ['O1,M1,1\nO2,', big, big, big, big, big, ',2\nO3,M3,3\n'];
    const { text, skipped } = assemble(chunks);
    expect(skipped.map((s) => [s.line, s.why])).toEqual([[3, 'long_line']]);
    expect(text).toBe('O1,M1,1\n\nO3,M3,3\n');
  });

  it('a quoted cell left open that "closes" on the next record\'s opening quote costs its line, not the next record', () => {
    const input = '4,a,"西瓜+1\n香蕉+2,56.80\n5,b,"麒麟+1\n香蕉+2",56.80\n';
    const { text, skipped } = assemble([input]);
    expect(skipped.map((s) => [s.line, s.why])).toEqual([[2, 'stray_quote']]);
    expect(text).toBe('\n香蕉+2,56.80\n5,b,"麒麟+1\n香蕉+2",56.80\n');
  });
});
