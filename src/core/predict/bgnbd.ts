/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive, a member
 * buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Fitted by maximum likelihood on each member's x (repeat purchase days), t_x (time of the last purchase day
 * since the first) and T (time since the first purchase day), all in one time unit. The optimiser works on
 * the logarithms of the parameters (so they stay positive), as `lifetimes` does.
 */
import { betaln, gammaln, hyp2f1 } from './special.js';
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

/** Distinct (x, t_x, T) with their counts: the likelihood is a weighted sum over them. */
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
  const xs = [...new Set(keys.map((k) => k.row.x))];
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  return {
    xs,
    xi: Int32Array.from(keys, (k) => xIndex.get(k.row.x)!),
    x: Float64Array.from(keys, (k) => k.row.x),
    tx: Float64Array.from(keys, (k) => k.row.tx),
    T: Float64Array.from(keys, (k) => k.row.T),
    w: Float64Array.from(keys, (k) => k.w),
  };
}

type Compressed = ReturnType<typeof compress>;

function logLikelihood(p: BgNbdParams, d: Compressed): number {
  const { r, alpha, a, b } = p;
  const base = gammaln(r) - r * Math.log(alpha) + betaln(a, b);
  const perX = d.xs.map((x) => gammaln(r + x) + betaln(a, b + x) - base);
  const la = Math.log(a);
  let ll = 0;
  for (let i = 0; i < d.w.length; i++) {
    const x = d.x[i]!;
    const a3 = -(r + x) * Math.log(alpha + d.T[i]!);
    let term = a3;
    if (x > 0) {
      const a4 = la - Math.log(b + x - 1) - (r + x) * Math.log(alpha + d.tx[i]!);
      const m = Math.max(a3, a4);
      term = m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
    }
    ll += d.w[i]! * (perX[d.xi[i]!]! + term);
  }
  return ll;
}

const fromLog = (v: readonly number[]): BgNbdParams => ({
  r: Math.exp(v[0]!),
  alpha: Math.exp(v[1]!),
  a: Math.exp(v[2]!),
  b: Math.exp(v[3]!),
});

/** Log-likelihood of the rows under the parameters (the paper's LL, a sum over members). */
export function bgNbdLogLikelihood(p: BgNbdParams, rows: readonly Rft[]): number {
  return logLikelihood(p, compress(rows));
}

/**
 * Maximum-likelihood fit. Nelder–Mead on log-parameters from r = α = a = b = 1 (α at the mean T, which
 * fixes the scale of the time unit), then restarted once from its result: converged when both runs met the
 * tolerance and the restart did not move the log-likelihood by more than 1e-6.
 */
export function fitBgNbd(rows: readonly Rft[]): BgNbdFit {
  const d = compress(rows);
  const nll = (v: number[]) => -logLikelihood(fromLog(v), d);
  const meanT = rows.reduce((s, r) => s + r.T, 0) / Math.max(rows.length, 1) || 1;
  const first = nelderMead(nll, [0, Math.log(meanT), 0, 0], { maxIterations: 4000 });
  const second = nelderMead(nll, first.x, { maxIterations: 4000 });
  const best = second.fx <= first.fx ? second : first;
  const converged = first.converged && second.converged && Math.abs(first.fx - second.fx) <= 1e-6 && Number.isFinite(best.fx);
  return { params: fromLog(best.x), logLikelihood: -best.fx, n: rows.length, converged, iterations: first.iterations + second.iterations };
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
