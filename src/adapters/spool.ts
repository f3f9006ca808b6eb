/**
 * Standard input (`-`), FIFOs and other streams cannot be read twice (the importer sniffs, hashes and
 * parses): they are copied to a private temporary file first, which is removed afterwards.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readFailure } from './csv.js';

export interface Spooled {
  /** a regular file to read; a copy keeps the name (`stdin` for `-`), so messages and records show it */
  path: string;
  cleanup(): void;
}

const NOTHING = () => {};

/** `-` or a path that is not a regular file (a FIFO, /dev/stdin): copied to a temporary file. */
export async function spoolIfStream(path: string, given: string): Promise<Spooled> {
  if (given !== '-') {
    let regular = true;
    try {
      const st = statSync(path);
      regular = st.isFile() || st.isDirectory(); // a folder is refused later, with its own message
    } catch {
      return { path, cleanup: NOTHING }; // a missing file is reported by the importer
    }
    if (regular) return { path, cleanup: NOTHING };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tuan-stdin-'));
  const tmp = join(dir, given === '-' ? 'stdin' : basename(path));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await pipeline(given === '-' ? process.stdin : createReadStream(path), createWriteStream(tmp, { mode: 0o600 }));
  } catch (e) {
    cleanup();
    throw readFailure(given === '-' ? 'stdin' : path, e);
  }
  return { path: tmp, cleanup };
}
