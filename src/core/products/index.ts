/** Public surface of core/products: what sells per product or category, and the weekly anomalies. */
export { findSteps } from './anomalies.js';
export type { AnomalyRule, WeekPoint } from './anomalies.js';
export { previousPeriod, productRows } from './products.js';
export type { ProductRow, ProductStats } from './products.js';
export { productAnomalies } from './weekly.js';
export type { Anomaly, GmvWeek, ProductWeek } from './weekly.js';
