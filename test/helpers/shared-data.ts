/**
 * The peer datasets in shared/data (outside the repository): ../shared beside the repository root (CI's
 * layout and the main checkout's), or ../../shared (a worktree one folder deeper). null when absent: tests skip.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './run-tuan.js';

export function sharedData(rel: string): string | null {
  for (const base of [resolve(ROOT, '..', 'shared'), resolve(ROOT, '..', '..', 'shared')]) {
    const f = join(base, 'data', rel);
    if (existsSync(f)) return f;
  }
  return null;
}
