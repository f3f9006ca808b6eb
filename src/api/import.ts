/** `tuan import` as a function: order exports (and leaders.csv) into the database. */
import { resolve } from 'node:path';
import type { ImportSummary } from '../adapters/import-orders.js';
import type { LeadersSummary } from '../adapters/import-leaders.js';
import type { EncodingChoice } from '../adapters/encodings.js';
import type { DelimiterChoice } from '../adapters/csv.js';
import { beginWrite } from '../adapters/db.js';
import { columnOverrides, statusWords } from '../config.js';
import { maskName, maskPhonesDeep } from '../core/shared/index.js';
import { EXIT, TuanError } from '../errors.js';
import { configOf, withDbAsync, type BaseOptions, type DbInput, type MaskOptions } from './common.js';

export type { ImportSummary, LeadersSummary };

/** Progress of one file: `update(done, total)` while it is read, `done()` at the end. */
export interface FileProgress {
  update(done: number, total: number): void;
  done(): void;
}

export interface ImportOptions extends BaseOptions, MaskOptions {
  /** the directory relative file names are resolved against; default: the process's */
  cwd?: string | undefined;
  /** a leaders.csv to import first */
  leaders?: string | undefined;
  /** `field=header` overrides on top of the configuration's, e.g. `ordered_at=支付时间` */
  map?: string[] | undefined;
  /** text encoding of the files; default auto */
  encoding?: EncodingChoice | undefined;
  /** field delimiter; default auto */
  delimiter?: DelimiterChoice | undefined;
  /** refuse a file when more than this share of its rows is rejected; default: the configuration's import.max_reject_rate */
  maxRejectRate?: number | undefined;
  /** leader ID for every line of these files */
  leader?: string | undefined;
  /** leader ID for lines without one (快团团); default: the configuration's import.leader */
  leaderDefault?: string | undefined;
  /** the instant of the import, ISO with offset (stored with the import) */
  now: string;
  /** the sheet of a workbook to read, by name or 1-based number among the visible sheets; default: the first with a header */
  sheet?: string | undefined;
  /** one transaction for every file: a refused file imports none of them; default false: each file on its own */
  allOrNothing?: boolean | undefined;
  /** called once per order file (the name as given), for a progress bar */
  onFile?: (file: string) => FileProgress;
  /** called once when another tuan holds the database and this import waits for it */
  onWait?: () => void;
  /** @internal parse in a worker thread from this file size on; default 4 MiB (the test suite lowers it) */
  workerMinBytes?: number | undefined;
}

/** A file that was refused (an input error: nothing of it was imported). */
export interface FileFailure {
  file: string;
  error: TuanError;
}

export interface ImportResult {
  orders: ImportSummary[];
  leaders: LeadersSummary | null;
  /** files refused; with allOrNothing, any refusal rolls back every file and `orders` is empty */
  failed: FileFailure[];
  /** with allOrNothing and a refusal: the files that would have been imported and were rolled back */
  rolledBack: string[];
}

/**
 * Import order files and, first, a leaders file. Each order file is one transaction (re-importing
 * changes nothing). A file refused for its data (exit 3) is reported in `failed` and the others are
 * still imported; with `allOrNothing`, every file is in one transaction and one refusal imports none.
 * Database errors and bugs stop at once.
 */
export async function importFiles(db: DbInput, files: readonly string[], o: ImportOptions): Promise<ImportResult> {
  // Loaded here, not at start-up: `tuan segment` without files never needs the import machinery.
  const { importOrdersFile } = await import('../adapters/import-orders.js');
  const { importLeadersFile } = await import('../adapters/import-leaders.js');
  const { spoolIfStream } = await import('../adapters/spool.js');
  const config = configOf(o);
  const encoding = o.encoding ?? 'auto';
  return withDbAsync(
    db,
    async (handle) => {
      const opts = {
        encoding,
        delimiter: o.delimiter ?? 'auto',
        overrides: columnOverrides(config, o.map ?? []),
        leaderOverride: o.leader,
        leaderDefault: o.leaderDefault ?? config.import.leader,
        statusWords: statusWords(config),
        maxRejectRate: o.maxRejectRate ?? config.import.max_reject_rate,
        limits: { maxAmountFen: config.import.max_line_amount_yuan * 100, maxQuantity: config.import.max_line_quantity },
        now: o.now,
        workerMinBytes: o.workerMinBytes,
        sheet: o.sheet,
      };
      if (o.allOrNothing) beginWrite(handle); // waits (and says so) while another tuan imports
      try {
        const imported = o.leaders ? await importLeadersFile(handle, resolve(o.cwd ?? '', o.leaders), encoding, o.now) : null;
        // A changed leader name is personal data: masked here, unless unmask, like every name the api returns;
        // a phone typed into any field (or into a file name) is masked too.
        const leaders =
          imported && !o.unmask
            ? maskPhonesDeep({
                ...imported,
                changes: imported.changes.map((c) => (c.field === 'name' ? { ...c, from: maskName(c.from), to: maskName(c.to) } : c)),
              })
            : imported;
        const orders: ImportSummary[] = [];
        const failed: FileFailure[] = [];
        for (const f of files) {
          const progress = o.onFile?.(f);
          const input = await spoolIfStream(resolve(o.cwd ?? '', f), f);
          try {
            const s = await importOrdersFile(handle, input.path, progress ? { ...opts, onProgress: progress.update } : opts);
            // Reasons quote cells, which can hold a phone: masked (`tuan rejects` masks a shifted row's quoted names too).
            // A file may be named after a phone number too (the SHA-256, hex, is not text to mask).
            orders.push(o.unmask ? s : { ...maskPhonesDeep(s), sha256: s.sha256 });
          } catch (e) {
            if (!(e instanceof TuanError) || e.exitCode !== EXIT.input) throw e;
            failed.push({ file: f, error: e });
          } finally {
            input.cleanup();
            progress?.done();
          }
        }
        if (o.allOrNothing) {
          if (failed.length) {
            handle.exec('ROLLBACK');
            return { orders: [], leaders: null, failed, rolledBack: [...(leaders ? [leaders.file] : []), ...orders.map((s) => s.file)] };
          }
          handle.exec('COMMIT');
        }
        return { orders, leaders, failed, rolledBack: [] };
      } catch (e) {
        if (o.allOrNothing && handle.inTransaction) handle.exec('ROLLBACK');
        throw e;
      }
    },
    { onWait: o.onWait },
  );
}
