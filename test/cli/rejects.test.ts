/** `tuan rejects`: every rejected row with file, line, field, reason and raw text. In-process, one temp dir per case. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const F = (name: string) => `orders/${name}`;
const tuan = (dir: string, ...args: string[]) => runTuan(args, { cwd: dir });

/** A database with two imports that have rejected rows: 1 = missing-member.csv, 2 = unknown-status.csv. */
async function twoImports(): Promise<string> {
  const dir = workdir([F('missing-member.csv'), F('unknown-status.csv')]);
  expect((await tuan(dir, 'import', 'missing-member.csv', '--max-reject-rate', '0.5')).code).toBe(0);
  expect((await tuan(dir, 'import', 'unknown-status.csv', '--max-reject-rate', '0.5')).code).toBe(0);
  return dir;
}

describe('tuan rejects', () => {
  it('a missing database is exit 4', async () => {
    const dir = workdir();
    const r = await tuan(dir, '--lang', 'en', 'rejects');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `tuan: database ${join(dir, 'tuan.db')} does not exist\nhint: import an export first: tuan import FILE (or pass --db)\n`,
    );
  });

  it('no rejected rows', async () => {
    const dir = workdir([F('basic.csv')]);
    expect((await tuan(dir, 'import', 'basic.csv')).code).toBe(0);
    const r = await tuan(dir, 'rejects');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('没有拒收的行。\n');
    const json = await tuan(dir, 'rejects', '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('JSON: every row with import, file, line, field, reason and raw text; phones masked', async () => {
    const dir = await twoImports();
    const r = await tuan(dir, 'rejects', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        import_id: 1,
        file_name: 'missing-member.csv',
        line: 3,
        field: 'member_id',
        reason: 'missing member',
        raw: 'N2,2026-10-01 09:00:00,,138****5678,大米,20.00,0.00,已完成',
      },
      {
        import_id: 1,
        file_name: 'missing-member.csv',
        line: 4,
        field: 'member_id',
        reason: 'missing member',
        raw: 'N3,2026-10-01 10:00:00,  ,139****4321,牛奶,30.00,0.00,已完成',
      },
      {
        import_id: 2,
        file_name: 'unknown-status.csv',
        line: 3,
        field: 'status',
        reason: 'unknown status "处理中" (add it to status_words in the config)',
        raw: 'S2,2026-10-01 09:00:00,M2,大米,20.00,0.00,处理中',
      },
    ]);
  });

  it('--unmask shows the phone numbers as imported', async () => {
    const dir = await twoImports();
    const r = await tuan(dir, 'rejects', '--format', 'json', '--unmask', '--import', '1');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { raw: string }[]).map((x) => x.raw)).toEqual([
      'N2,2026-10-01 09:00:00,,13812345678,大米,20.00,0.00,已完成',
      'N3,2026-10-01 10:00:00,  ,13987654321,牛奶,30.00,0.00,已完成',
    ]);
  });

  it('--import ID keeps the rows of that import only', async () => {
    const dir = await twoImports();
    const two = await tuan(dir, 'rejects', '--import', '2', '--format', 'json');
    expect(two.code).toBe(0);
    expect((JSON.parse(two.stdout) as { import_id: number; line: number }[]).map((x) => [x.import_id, x.line])).toEqual([[2, 3]]);
    const none = await tuan(dir, 'rejects', '--import', '99');
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('没有拒收的行。\n');
  });

  it('CSV: a header and one row per rejected row, quoted where needed', async () => {
    const dir = await twoImports();
    const r = await tuan(dir, 'rejects', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'import_id,file_name,line,field,reason,raw\n' +
        '1,missing-member.csv,3,member_id,missing member,"N2,2026-10-01 09:00:00,,138****5678,大米,20.00,0.00,已完成"\n' +
        '1,missing-member.csv,4,member_id,missing member,"N3,2026-10-01 10:00:00,  ,139****4321,牛奶,30.00,0.00,已完成"\n' +
        '2,unknown-status.csv,3,status,"unknown status ""处理中"" (add it to status_words in the config)","S2,2026-10-01 09:00:00,M2,大米,20.00,0.00,处理中"\n',
    );
  });

  it('--out writes the file and says so on stderr', async () => {
    const dir = await twoImports();
    const r = await tuan(dir, 'rejects', '--format', 'csv', '--out', 'out/rejects.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('已写入 out/rejects.csv\n');
    expect(readFileSync(join(dir, 'out/rejects.csv'), 'utf8').split('\n')).toHaveLength(5);
  });

  it('golden: the table (raw text shortened)', async () => {
    const dir = workdir([F('bad-amount.csv')]);
    expect((await tuan(dir, 'import', 'bad-amount.csv', '--max-reject-rate', '1')).code).toBe(0);
    const r = await tuan(dir, 'rejects', '--as-of', '2026-11-01', '--no-color');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../golden/rejects/bad-amount.txt');
  });

  it('undecodable bytes are listed as escapes, never as replacement characters', async () => {
    const dir = workdir([F('bad-bytes-gbk.csv')]);
    expect((await tuan(dir, 'import', 'bad-bytes-gbk.csv', '--max-reject-rate', '0.25')).code).toBe(0);
    const r = await tuan(dir, 'rejects', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        import_id: 1,
        file_name: 'bad-bytes-gbk.csv',
        line: 3,
        field: '(encoding)',
        reason: 'bytes that are not valid gb18030',
        raw: 'E2,2026-10-01 09:00:00,M2,\\xce\\xe5\\xb3\\xa3\\xff\\xb4\\xf3\\xc3\\xd7,20.00,0.00,\\xd2\\xd1\\xcd\\xea\\xb3\\xc9',
      },
    ]);
  });

  it.each([['x'], ['1.5']])('--import %s is a usage error', async (id) => {
    const dir = await twoImports();
    const r = await tuan(dir, 'rejects', '--import', id);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tuan: --import "${id}" 应是导入编号(见 tuan status)\n`);
    const en = await tuan(dir, 'rejects', '--import', id, '--lang', 'en');
    expect(en.stderr).toBe(`tuan: --import "${id}" must be an import number\n`);
  });
});

describe('tuan rejects: personal data in the raw text', () => {
  it('masks the name, address and phone columns unless --unmask', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const cwd = workdir();
    writeFileSync(
      join(cwd, 'p.csv'),
      '订单号,下单时间,会员ID,会员昵称,手机号,详细地址,实付金额,订单状态\n' +
        'A1,2026-10-01 08:00:00,M1,张丽,13812345678,枫林湾5栋301,10.00,已作废\nA2,2026-10-01 09:00:00,M2,王五,13912345678,翠湖2栋,20.00,已完成\n',
    );
    expect((await runTuan(['import', 'p.csv', '--max-reject-rate', '0.9'], { cwd })).code).toBe(0);
    for (const format of ['table', 'csv', 'json']) {
      const r = await runTuan(['rejects', '--format', format], { cwd });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('138****567');
      expect(r.stdout).not.toMatch(/13812345678|张丽|枫林湾5栋301/);
    }
    const csv = await runTuan(['rejects', '--format', 'csv'], { cwd });
    expect(csv.stdout).toContain('M1,张*,138****5678,枫***,10.00,已作废');
    const open = await runTuan(['rejects', '--format', 'csv', '--unmask'], { cwd });
    expect(open.stdout).toContain('M1,张丽,13812345678,枫林湾5栋301,10.00,已作废');
  });
});
