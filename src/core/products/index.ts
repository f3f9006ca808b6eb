/** Public surface of core/products: what sells per product or category, and the weekly anomalies. */
export { findSteps } from './anomalies.js';
export type { AnomalyMetric, AnomalyRule, Step, WeekPoint } from './anomalies.js';
export { measures, productRows } from './products.js';
export type { ProductChange, ProductMeasures, ProductRow, ProductStats } from './products.js';
export { productAnomalies } from './weekly.js';
export type { Anomaly, GmvWeek, RefundWeek } from './weekly.js';
