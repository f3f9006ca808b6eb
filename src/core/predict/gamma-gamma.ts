/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a member's purchase values are
 * Gamma(p, ν) around their own mean, ν ~ Gamma(q, γ) across members. Fitted on repeat buyers' number of
 * repeat purchases x and mean repeat-purchase value m; gives each member's expected average purchase value.
 */
import { gammaln } from './special.js';
import { nelderMead } from './nelder-mead.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendRow {
  /** repeat purchases (> 0 to enter the fit) */
  x: number;
  /** mean value of the repeat purchases */
  m: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  n: number;
  converged: boolean;
}

/** The rows as columns, with ln m and the distinct x (the gamma-function terms depend on x only). */
function prepare(rows: readonly SpendRow[]) {
  const xs = [...new Set(rows.map((r) => r.x))];
  const index = new Map(xs.map((x, i) => [x, i]));
  return {
    xs,
    xi: Int32Array.from(rows, (r) => index.get(r.x)!),
    x: Float64Array.from(rows, (r) => r.x),
    m: Float64Array.from(rows, (r) => r.m),
    lnM: Float64Array.from(rows, (r) => Math.log(r.m)),
  };
}

function logLikelihood({ p, q, gamma }: GammaGammaParams, d: ReturnType<typeof prepare>): number {
  const base = q * Math.log(gamma) - gammaln(q);
  const perX = d.xs.map((x) => gammaln(p * x + q) - gammaln(p * x) + p * x * Math.log(x) + base);
  let ll = 0;
  for (let i = 0; i < d.x.length; i++) {
    const px = p * d.x[i]!;
    ll += perX[d.xi[i]!]! + (px - 1) * d.lnM[i]! - (px + q) * Math.log(gamma + d.m[i]! * d.x[i]!);
  }
  return ll;
}

/** Fit on the rows with x > 0 and m > 0 (sorted first, so the row order does not matter). */
export function fitGammaGamma(all: readonly SpendRow[]): GammaGammaFit {
  const rows = all.filter((r) => r.x > 0 && r.m > 0).sort((u, v) => u.x - v.x || u.m - v.m);
  const meanM = rows.reduce((s, r) => s + r.m, 0) / Math.max(rows.length, 1) || 1;
  const from = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  const d = prepare(rows);
  const nll = (v: number[]) => -logLikelihood(from(v), d);
  const first = nelderMead(nll, [0, Math.log(2), Math.log(meanM)], { maxIterations: 3000 });
  const second = nelderMead(nll, first.x, { maxIterations: 3000 });
  const best = second.fx <= first.fx ? second : first;
  const params = from(best.x);
  // q ≤ 1 leaves the population mean spend γp/(q−1) undefined: no usable fit
  const converged = first.converged && second.converged && Math.abs(first.fx - second.fx) <= 1e-6 && params.q > 1;
  return { params, logLikelihood: -best.fx, n: rows.length, converged };
}

/** E[Z | x, m]: the member's expected average purchase value (the population mean γp/(q−1) when x = 0). */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
