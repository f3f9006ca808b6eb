/** What an import reports (types only): the sniffed layout of a file and the summaries of an orders or leaders import. */
import type { LeaderChange, LeaderField } from './leaders.js';
import type { Field } from './headers.js';
import type { Layout } from './normalize.js';
import type { Encoding } from './encodings.js';

export interface Sniffed {
  encoding: Encoding;
  delimiter: string;
  /** 1-based file line of the header row */
  headerLine: number;
  headers: string[];
  gzip: boolean;
  /** record separator seen after the header row */
  newline: '\r\n' | '\n' | '\r';
  /** a spreadsheet workbook (not text): which sheet is read; headerLine is then the sheet's row number */
  workbook?: WorkbookSheet;
}

/** The sheet of a workbook an import reads, and how to read it (plain data: it crosses to the worker thread). */
export interface WorkbookSheet {
  format: 'xlsx' | 'xls';
  /** the sheet read */
  sheet: string;
  /** the other visible sheets, not read */
  skipped: string[];
  /** position of the sheet among all sheets of the workbook (0-based) */
  index: number;
  /** column indexes of money fields: numbers there are rounded half-up to 2 decimals */
  money: number[];
}

export interface ImportSummary {
  importId: number;
  file: string;
  sha256: string;
  encoding: string;
  delimiter: string;
  layout: Layout;
  headerLine: number;
  mapping: Partial<Record<Field, string>>;
  unusedHeaders: string[];
  rowsRead: number;
  linesAccepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** lines identical in identity to an earlier line of the same order in this file, kept with #n */
  repeated: number;
  rejected: number;
  topReasons: { reason: string; count: number }[];
  /** only for a workbook: its format, the sheet read and the other sheets skipped */
  workbook?: { format: 'xlsx' | 'xls'; sheet: string; skippedSheets: string[] };
}

export interface LeadersSummary {
  file: string;
  /** distinct leader IDs in the file */
  leaders: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** rows repeating an earlier row of the same leader with the same values (counted once) */
  duplicateRows: number;
  /** the columns the file has (and so updates) */
  fields: LeaderField[];
  /** field changes of existing leaders (a name is personal data: the api layer masks it) */
  changes: LeaderChange[];
  rejected: number;
}
