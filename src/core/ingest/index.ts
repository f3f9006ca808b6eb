/** Public surface of core/ingest: what other folders may import. */
export { FIELDS, HEADER_ALIASES, headerScore, mapHeaders, normalizeHeader } from './headers.js';
export type { Field, MappingProblem } from './headers.js';
export type { ImportSummary, LeadersSummary, Sniffed, WorkbookSheet } from './import-types.js';
export {
  cellRef,
  columnIndex,
  isDateFormat,
  isoCellToText,
  moneyCellText,
  moneyToText,
  numberCellText,
  numberToText,
  serialToText,
  sheetCell,
  unescapeXstring,
} from './cells.js';
export { analyzeMapping, fieldsToShow, nextCommands, setColumn, unknownStatusWords } from './init-plan.js';
export type { MappingView, Overrides, SampleState } from './init-plan.js';
export { LEADER_FIELDS, LEADER_FIELD_LABELS, LEADER_FIELD_NAMES, judgeLeadersHeader, leaderColumns, planLeaders } from './leaders.js';
export type { LeaderRecord, LeaderRow } from './leaders.js';
export { DEFAULT_LINE_LIMITS, chooseLayout, normalizeRecord, repeatIdentity, requiredFields } from './normalize.js';
export type { Layout, LineLimits, NormalizeOptions } from './normalize.js';
export { rejectFieldText, rejectReasonText, rejectSummaryText } from './reject-text.js';
export { DEFAULT_STATUS_WORDS, STATUSES } from './status.js';
export type { Status } from './status.js';
