/** File names from user data (core/shared/filenames.ts): hostile ids stay one plain name inside the folder. */
import { describe, expect, it } from 'vitest';
import { posix, win32 } from 'node:path';
import { safeFileName, uniqueFileNames } from '../../src/core/shared/filenames.js';

const HOSTILE = [
  'x/../../../PWNED_A',
  '..\\..\\PWNED_B',
  '..',
  '.',
  '',
  ' ',
  '../',
  'a/b',
  'C:\\Windows\\x',
  'CON',
  'nul',
  'Com1.txt',
  'LPT9',
  'a\u0000b',
  '\u001b[31mred\u001b[0m',
  'abc\u202Egnp.exe',
  'x'.repeat(300),
  '会'.repeat(300),
  'trailing. ',
  '.hidden',
];

describe('safeFileName', () => {
  it.each([
    ['M00123', 'M00123'],
    ['会员-01', '会员-01'],
    ['u_f5b1f8f86c', 'u_f5b1f8f86c'],
  ])('keeps an ordinary id: %s', (id, name) => {
    expect(safeFileName(id)).toBe(name);
  });

  it.each(HOSTILE)('%j gives one plain name that stays inside the folder', (id) => {
    const name = safeFileName(id);
    expect(name).not.toBe('');
    expect(name).not.toMatch(/[/\\:*?"<>|\x00-\x1f\x7f\u202e]/);
    expect(name.startsWith('.')).toBe(false);
    expect(/[. ]$/.test(name)).toBe(false);
    expect(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)).toBe(false);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(130);
    for (const p of [posix, win32]) expect(p.dirname(p.join('/out', `script-${name}.txt`))).toBe(p === posix ? '/out' : '\\out');
  });

  it('two ids that clean to the same text still get different names', () => {
    expect(safeFileName('a/b')).not.toBe(safeFileName('a\\b'));
    expect(safeFileName('x'.repeat(300))).not.toBe(safeFileName('x'.repeat(301)));
  });
});

describe('uniqueFileNames', () => {
  it('makes names unique without regard to case', () => {
    expect(uniqueFileNames(['M1', 'm1', 'M1'])).toEqual(['M1', 'm1-2', 'M1-3']);
  });
});
