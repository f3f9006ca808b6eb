import { describe, expect, it } from 'vitest';
import { memberIdFromBuyer } from '../../src/core/ingest/normalize.js';
import { isMadeUpMemberId, phoneTail } from '../../src/core/shared/mask.js';

describe('a member reference for lists (#16)', () => {
  it('recognises exactly the IDs tuan makes up for exports without one (快团团)', () => {
    expect(isMadeUpMemberId(memberIdFromBuyer('4栋 万姐', '186****9846'))).toBe(true);
    expect(isMadeUpMemberId('M00001')).toBe(false);
    expect(isMadeUpMemberId('u123')).toBe(false);
    expect(isMadeUpMemberId('uABCDEF1234')).toBe(false); // generated IDs are lower-case hex
  });

  it('the last four digits of a phone, masked or not', () => {
    expect(phoneTail('186****9846')).toBe('9846');
    expect(phoneTail('13812345678')).toBe('5678');
    expect(phoneTail('')).toBe('');
    expect(phoneTail('12')).toBe('');
  });
});
