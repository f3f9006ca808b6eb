/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive, a member
 * buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Fitted by maximum likelihood on each member's x (repeat purchase days), t_x (time of the last purchase day
 * since the first) and T (time since the first purchase day), all in one time unit. The optimiser works on
 * the logarithms of the parameters (so they stay positive), as `lifetimes` does.
 */
import { betaln, digamma, gammaln, hyp2f1 } from './special.js';
import { bfgs } from './bfgs.js';

/** A log-parameter beyond ±18 (a parameter above 6.6e7 or below 1.5e-8): the likelihood has no finite maximum. */
const LOG_BOUND = 18;
import { nelderMead } from './nelder-mead.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One member's calibration summary: x repeat purchase days, t_x and T in the time unit. */
export interface Rft {
  x: number;
  tx: number;
  T: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  n: number;
  converged: boolean;
  iterations: number;
}

/**
 * Distinct (x, t_x, T) with their counts: the likelihood is a weighted sum over them. Each row also points at
 * its distinct x, t_x and T, so that the terms that depend on one of them only are computed once per value.
 */
function compress(rows: readonly Rft[]) {
  const counts = new Map<string, { row: Rft; w: number }>();
  for (const row of rows) {
    const k = `${row.x}|${row.tx}|${row.T}`;
    const c = counts.get(k);
    if (c) c.w++;
    else counts.set(k, { row, w: 1 });
  }
  // sorted: the sum (and so the fit) does not depend on the order of the rows
  const keys = [...counts.values()].sort((p, q) => p.row.x - q.row.x || p.row.tx - q.row.tx || p.row.T - q.row.T);
  const distinct = (f: (r: Rft) => number) => {
    const values = [...new Set(keys.map((k) => f(k.row)))].sort((p, q) => p - q);
    const index = new Map(values.map((v, i) => [v, i]));
    return { values: Float64Array.from(values), at: Int32Array.from(keys, (k) => index.get(f(k.row))!) };
  };
  return {
    x: distinct((r) => r.x),
    tx: distinct((r) => r.tx),
    T: distinct((r) => r.T),
    w: Float64Array.from(keys, (k) => k.w),
  };
}

type Compressed = ReturnType<typeof compress>;

/** The log-likelihood and its gradient in (r, α, a, b). */
function logLikelihood(p: BgNbdParams, d: Compressed): { ll: number; grad: [number, number, number, number] } {
  const { r, alpha, a, b } = p;
  const base = gammaln(r) - r * Math.log(alpha) + betaln(a, b);
  const la = Math.log(a);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const xs = d.x.values;
  // per distinct x: the gamma and beta terms and their derivatives, r + x, and ln(a / (b + x − 1))
  const nx = xs.length;
  const perX = new Float64Array(nx);
  const dxr = new Float64Array(nx);
  const dxa = new Float64Array(nx);
  const dxb = new Float64Array(nx);
  const rx = new Float64Array(nx);
  const lOdds = new Float64Array(nx);
  const inv = new Float64Array(nx);
  for (let i = 0; i < nx; i++) {
    const x = xs[i]!;
    const psiABx = digamma(a + b + x);
    perX[i] = gammaln(r + x) + betaln(a, b + x) - base;
    dxr[i] = digamma(r + x) - psiR + Math.log(alpha);
    dxa[i] = psiAB - psiABx;
    dxb[i] = digamma(b + x) - psiABx - psiB + psiAB;
    rx[i] = r + x;
    lOdds[i] = x > 0 ? la - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    inv[i] = x > 0 ? 1 / (b + x - 1) : 0;
  }
  const lT = d.T.values.map((T) => Math.log(alpha + T));
  const iT = d.T.values.map((T) => 1 / (alpha + T));
  const lTx = d.tx.values.map((tx) => Math.log(alpha + tx));
  const iTx = d.tx.values.map((tx) => 1 / (alpha + tx));
  let ll = 0;
  let gr = 0;
  let gal = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < d.w.length; i++) {
    const w = d.w[i]!;
    const xi = d.x.at[i]!;
    const ti = d.T.at[i]!;
    const a3 = -rx[xi]! * lT[ti]!;
    let term = a3;
    let w4 = 0;
    if (xs[xi]! > 0) {
      const a4 = lOdds[xi]! - rx[xi]! * lTx[d.tx.at[i]!]!;
      // ln(e^a3 + e^a4), adding the smaller to the larger; w4 = e^a4 / (e^a3 + e^a4)
      if (a4 > a3) {
        const e = Math.exp(a3 - a4);
        term = a4 + Math.log1p(e);
        w4 = 1 / (1 + e);
      } else {
        const e = Math.exp(a4 - a3);
        term = a3 + Math.log1p(e);
        w4 = e / (1 + e);
      }
    }
    const w3 = 1 - w4;
    ll += w * (perX[xi]! + term);
    const txi = d.tx.at[i]!;
    gr += w * (dxr[xi]! - w3 * lT[ti]! - (w4 > 0 ? w4 * lTx[txi]! : 0));
    gal += w * (r / alpha - rx[xi]! * (w3 * iT[ti]! + (w4 > 0 ? w4 * iTx[txi]! : 0)));
    ga += w * (dxa[xi]! + w4 / a);
    gb += w * (dxb[xi]! - w4 * inv[xi]!);
  }
  return { ll, grad: [gr, gal, ga, gb] };
}

const fromLog = (v: readonly number[]): BgNbdParams => ({
  r: Math.exp(v[0]!),
  alpha: Math.exp(v[1]!),
  a: Math.exp(v[2]!),
  b: Math.exp(v[3]!),
});

/** Log-likelihood of the rows under the parameters (the paper's LL, a sum over members). */
export function bgNbdLogLikelihood(p: BgNbdParams, rows: readonly Rft[]): number {
  return logLikelihood(p, compress(rows)).ll;
}

/**
 * Maximum-likelihood fit: BFGS with the analytic gradient on the log-parameters (the mean log-likelihood per
 * member, so that the tolerances do not depend on the number of members), from r = a = b = 1 and α at the
 * mean T (which fixes the scale of the time unit). Converged when the gradient vanishes (every component
 * below 1e-8 per member). Should BFGS stop short, Nelder–Mead (derivative-free, as lifetimes) goes on from
 * its point, and the fit is converged only if that meets its tolerances.
 */
export function fitBgNbd(rows: readonly Rft[]): BgNbdFit {
  const d = compress(rows);
  const n = Math.max(rows.length, 1);
  const fg = (v: number[]) => {
    const p = fromLog(v);
    const { ll, grad } = logLikelihood(p, d);
    const theta = [p.r, p.alpha, p.a, p.b];
    return { f: -ll / n, g: grad.map((gi, i) => (-gi * theta[i]!) / n) };
  };
  const meanT = rows.reduce((s, r) => s + r.T, 0) / n || 1;
  const first = bfgs(fg, [0, Math.log(meanT), 0, 0], { maxIterations: 500, gTolerance: 1e-8, bound: LOG_BOUND });
  const best =
    first.converged || first.diverged
      ? first
      : nelderMead((v) => fg(v).f, first.x, { maxIterations: 1000, step: 0.01, xTolerance: 1e-7, fTolerance: 1e-12 });
  const converged = best.converged && Number.isFinite(best.fx);
  return {
    params: fromLog(best.x),
    logLikelihood: -best.fx * n,
    n: rows.length,
    converged,
    iterations: first.iterations + (best === first ? 0 : best.iterations),
  };
}

/** P(alive | x, t_x, T): 1 for a member with no repeat purchase (x = 0). */
export function pAlive(p: BgNbdParams, m: Rft): number {
  if (m.x === 0) return 1;
  const { r, alpha, a, b } = p;
  const lnOdds = Math.log(a) - Math.log(b + m.x - 1) + (r + m.x) * (Math.log(alpha + m.T) - Math.log(alpha + m.tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t (the paper's eq. 10). ₂F₁ is evaluated after Euler's
 * transformation, (1−z)^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose value stays bounded however large x is (the untransformed one overflows for frequent buyers).
 */
export function conditionalExpected(p: BgNbdParams, m: Rft, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + m.T + t);
  const f = Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1(a + b - 1 - r, a - 1, a + b + m.x - 1, z);
  const num = ((a + b + m.x - 1) / (a - 1)) * (1 - f);
  if (m.x === 0) return num;
  const lnOdds = Math.log(a) - Math.log(b + m.x - 1) + (r + m.x) * (Math.log(alpha + m.T) - Math.log(alpha + m.tx));
  return num / (1 + Math.exp(lnOdds));
}

/** E[X(t)]: expected purchases in a period of length t by a member just acquired (eq. 9; x = t_x = T = 0). */
export function expectedNew(p: BgNbdParams, t: number): number {
  return conditionalExpected(p, { x: 0, tx: 0, T: 0 }, t);
}
