/** Shared setup of the activity CLI tests: the hand-written fixture test/fixtures/activity/ imported into a fresh temp dir. */
import { expect } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

export const AS_OF = ['--as-of', '2026-10-31'];

export async function activityDir(extra: string[] = []): Promise<string> {
  const cwd = workdir(['activity/orders.csv', 'activity/leaders.csv', ...extra]);
  const r = await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd });
  expect(r.code).toBe(0);
  return cwd;
}
