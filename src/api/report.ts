/** `tuan report` as a function: the data of the HTML report (stages, migration, RFM, 8 classes, KPIs, commission, members to act on). */
import { loadReportInput } from '../adapters/report-data.js';
import { buildReport, type ReportData, type ReportInput } from '../core/report/index.js';
import { maskName } from '../core/shared/index.js';
import { configOf, maskContacts, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import type { ScopeOptions } from './segment.js';
import { anomalies, cohorts } from './products.js';
import type { ProductsSection } from '../render/report-products.js';

export type { ReportData };

export interface ReportOptions extends BaseOptions, MaskOptions, ScopeOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the first date of the stage migration, before asOf */
  from: string;
  /** `(done, total)` after each read: large databases take seconds per step */
  onStep?: (done: number, total: number) => void;
}

export interface ReportResult {
  data: ReportData;
  /** names (masked unless unmask) and communities of the known leaders */
  leaders: ReportInput['leaders'];
  /** for a trainer: the scope's product anomalies and member cohorts up to asOf (tuan products, tuan cohorts) */
  products: ProductsSection;
}

/** Everything the report shows, computed; members in the action lists masked unless unmask. */
export function report(db: DbInput, o: ReportOptions): ReportResult {
  const scope = { leader: o.leader, region: o.region };
  const { input, products } = withDb(db, (h) => ({
    input: loadReportInput(h, configOf(o), { asOf: o.asOf, from: o.from, ...scope, unmask: o.unmask === true }, o.onStep),
    products: {
      anomalies: anomalies(h, { config: o.config, asOf: o.asOf, by: 'category', ...scope }),
      cohorts: cohorts(h, { asOf: o.asOf, ...scope }),
    },
  }));
  const leaders = o.unmask ? input.leaders : input.leaders.map((l) => ({ ...l, name: maskName(l.name) }));
  return maskOutput(
    { data: buildReport({ ...input, leaders, contacts: maskContacts(input.contacts, o.unmask) }), leaders, products },
    o.unmask,
  );
}
