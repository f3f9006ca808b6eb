import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

describe('tuan import: old Mac line endings (CR only)', () => {
  it('reads every row, with title rows skipped', async () => {
    const cwd = workdir();
    writeFileSync(
      join(cwd, 'cr.csv'),
      '订单导出\r订单号,下单时间,会员ID,实付金额\r1,2026-10-01 08:00:00,M1,10.00\r2,2026-10-02 08:00:00,M2,20.00\r',
    );
    const r = await runTuan(['import', 'cr.csv'], { cwd });
    expect(r.code).toBe(0);
    const s = await runTuan(['status', '--format', 'json'], { cwd });
    expect(JSON.parse(s.stdout)).toMatchObject({ lines: 2, orders: 2, members: 2, spend_fen: 3000 });
  });
});
