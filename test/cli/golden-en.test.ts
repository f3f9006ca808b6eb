/**
 * Every table a person reads, in both languages, against golden files (the Chinese ones are the
 * defaults; `--lang en` must give the same content in English). Machine formats are not here: they
 * do not change with the language (tested in each command's own file).
 */
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const AS_OF = ['--as-of', '2026-10-31'];
const CASES: [string, string[]][] = [
  ['stages', ['stages', '--from', '2026-07-31', '--to', '2026-10-31']],
  ['members', ['members', '--sort', 'spend', ...AS_OF]],
  ['kpi', ['kpi', '--period', '2026-10', '--kpi', 'gmv,orders,aov,repurchase_rate,wakeup_rate', ...AS_OF]],
  ['commission', ['commission', '--month', '2026-10', ...AS_OF]],
  ['leaders', ['leaders', '--month', '2026-10', ...AS_OF]],
  ['config', ['config']],
];

describe('tables for people, in Chinese and in English', () => {
  for (const [name, args] of CASES) {
    it(`tuan ${args.join(' ')}`, async () => {
      const cwd = workdir(['segment/small.csv']);
      expect((await runTuan(['import', 'small.csv'], { cwd })).code).toBe(0);
      const zh = await runTuan(args, { cwd });
      const en = await runTuan(['--lang', 'en', ...args], { cwd });
      expect([zh.code, en.code]).toEqual([0, 0]);
      await expect(zh.stdout).toMatchFileSnapshot(`../golden/lang/${name}.txt`);
      await expect(en.stdout).toMatchFileSnapshot(`../golden/lang/${name}-en.txt`);
      // the English table carries no Chinese besides the data itself (stage names come in English)
      if (name !== 'config') expect(en.stdout).not.toMatch(/引入期|成长期|成熟期|沉默期|流失期|团长|会员/);
    });
  }

  it('the import summary and the rejected rows', async () => {
    const cwd = workdir(['orders/bad-amount.csv']);
    const zh = await runTuan(['import', 'bad-amount.csv', '--max-reject-rate', '1'], { cwd });
    const en = await runTuan(['--lang', 'en', 'import', 'bad-amount.csv', '--max-reject-rate', '1'], {
      cwd: workdir(['orders/bad-amount.csv']),
    });
    await expect(zh.stdout).toMatchFileSnapshot('../golden/lang/import.txt');
    await expect(en.stdout).toMatchFileSnapshot('../golden/lang/import-en.txt');
    const rz = await runTuan(['rejects'], { cwd });
    const re = await runTuan(['--lang', 'en', 'rejects'], { cwd });
    await expect(rz.stdout).toMatchFileSnapshot('../golden/lang/rejects.txt');
    await expect(re.stdout).toMatchFileSnapshot('../golden/lang/rejects-en.txt');
  });
});
