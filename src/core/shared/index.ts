/** Public surface of core/shared: what other folders may import. */
export {
  addMonths,
  clipPeriod,
  lastMonth,
  monthEnd,
  monthOf,
  monthRange,
  monthStart,
  parseMonth,
  parsePeriod,
  parseWeek,
  weekDates,
} from './calendar.js';
export type { EffectivePeriod, IsoWeek } from './calendar.js';
export { cleanForPeople, escapeJsonText, neutraliseFormula } from './clean.js';
export { addDays, businessDate, businessDateTime, daysBetween, isoWeekday, parseDateTime, parseIsoDate } from './dates.js';
export { uniqueFileNames } from './filenames.js';
export type { LeaderInfo } from './leader-info.js';
export {
  isMadeUpMemberId,
  maskContact,
  maskName,
  maskPhone,
  maskPhonesDeep,
  maskPhonesInText,
  maskReason,
  maskRecordCells,
  maskWords,
  personalColumns,
  phoneTail,
  stringsIn,
} from './mask.js';
export type { Contact, PersonalColumns } from './mask.js';
export { applyBp, divRoundHalfUp, formatFen, formatYuan, parseFen, parseScaled } from './money.js';
export { compareRatio, fixed, ratio, scaled, toDecimal, whole } from './ratio.js';
export type { Ratio } from './ratio.js';
