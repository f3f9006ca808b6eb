/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a member's purchase values are
 * Gamma(p, ν) around their own mean, ν ~ Gamma(q, γ) across members. Fitted on repeat buyers' number of
 * repeat purchases x and mean repeat-purchase value m; gives each member's expected average purchase value.
 */
import { digamma, gammaln } from './special.js';
import { bfgs } from './bfgs.js';

/** A log-parameter beyond ±25 (above 7e10, below 1.4e-11; γ is in fen): the likelihood has no finite maximum. */
const LOG_BOUND = 25;
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

/** The log-likelihood and its gradient in (p, q, γ). */
function logLikelihood({ p, q, gamma }: GammaGammaParams, d: ReturnType<typeof prepare>): { ll: number; grad: [number, number, number] } {
  const lg = Math.log(gamma);
  const base = q * lg - gammaln(q);
  const psiQ = digamma(q);
  const nx = d.xs.length;
  const perX = new Float64Array(nx);
  const dpX = new Float64Array(nx);
  const dqX = new Float64Array(nx);
  for (let i = 0; i < nx; i++) {
    const x = d.xs[i]!;
    const psiPxQ = digamma(p * x + q);
    perX[i] = gammaln(p * x + q) - gammaln(p * x) + p * x * Math.log(x) + base;
    dpX[i] = x * (psiPxQ - digamma(p * x) + Math.log(x));
    dqX[i] = psiPxQ + lg - psiQ;
  }
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]!;
    const xi = d.xi[i]!;
    const px = p * x;
    const s = gamma + d.m[i]! * x;
    const ls = Math.log(s);
    ll += perX[xi]! + (px - 1) * d.lnM[i]! - (px + q) * ls;
    gp += dpX[xi]! + x * (d.lnM[i]! - ls);
    gq += dqX[xi]! - ls;
    gg += q / gamma - (px + q) / s;
  }
  return { ll, grad: [gp, gq, gg] };
}

/**
 * Fit on the rows with x > 0 and m > 0 (sorted first, so the row order does not matter): BFGS on the
 * log-parameters with the analytic gradient, from p = 1, q = 2, γ = the mean m; Nelder–Mead goes on
 * should BFGS stop short. A fit with q ≤ 1 is not converged: the population mean γp/(q−1) is undefined.
 */
export function fitGammaGamma(all: readonly SpendRow[]): GammaGammaFit {
  const rows = all.filter((r) => r.x > 0 && r.m > 0).sort((u, v) => u.x - v.x || u.m - v.m);
  const n = Math.max(rows.length, 1);
  const meanM = rows.reduce((s, r) => s + r.m, 0) / n || 1;
  const from = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  const d = prepare(rows);
  const fg = (v: number[]) => {
    const t = from(v);
    const { ll, grad } = logLikelihood(t, d);
    const theta = [t.p, t.q, t.gamma];
    return { f: -ll / n, g: grad.map((gi, i) => (-gi * theta[i]!) / n) };
  };
  const first = bfgs(fg, [0, Math.log(2), Math.log(meanM)], { maxIterations: 500, gTolerance: 1e-8, bound: LOG_BOUND });
  const best =
    first.converged || first.diverged
      ? first
      : nelderMead((v) => fg(v).f, first.x, { maxIterations: 1000, step: 0.01, xTolerance: 1e-7, fTolerance: 1e-12 });
  const params = from(best.x);
  const converged = best.converged && Number.isFinite(best.fx) && params.q > 1;
  return { params, logLikelihood: -best.fx * n, n: rows.length, converged };
}

/** E[Z | x, m]: the member's expected average purchase value (the population mean γp/(q−1) when x = 0). */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
