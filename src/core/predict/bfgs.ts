/**
 * BFGS with a backtracking (Armijo) line search: minimises a smooth f given its gradient. Converged when the
 * largest gradient component is below `gTolerance`, or when a step no longer changes f by more than
 * `fTolerance` relative to |f| and the gradient is small relative to the problem. Stops early, not converged,
 * when a coordinate leaves [−bound, bound].
 */
export interface GradientResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** a coordinate left [−bound, bound]: the optimum is at infinity (e.g. no heterogeneity left to fit) */
  diverged: boolean;
}

export interface BfgsOptions {
  maxIterations?: number;
  /** stop (not converged) once a coordinate leaves [−bound, bound]; default ∞ */
  bound?: number;
  gTolerance?: number;
  fTolerance?: number;
}

const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, ui, i) => s + ui * v[i]!, 0);

export function bfgs(fg: (x: number[]) => { f: number; g: number[] }, x0: readonly number[], o: BfgsOptions = {}): GradientResult {
  const n = x0.length;
  const maxIterations = o.maxIterations ?? 200;
  const gTol = o.gTolerance ?? 1e-6;
  const fTol = o.fTolerance ?? 1e-13;
  const bound = o.bound ?? Number.POSITIVE_INFINITY;
  let diverged = false;
  let x = [...x0];
  let { f, g } = fg(x);
  let evaluations = 1;
  // inverse Hessian approximation, identity at first
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (!Number.isFinite(f)) break;
    if (Math.max(...g.map(Math.abs)) <= gTol) {
      converged = true;
      break;
    }
    let d = H.map((row) => -dot(row, g));
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // not a descent direction: restart from steepest descent
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((v) => -v);
      slope = dot(g, d);
    }
    // keep the first trial step within a unit box (log-parameters: a factor e at most)
    let step = Math.min(1, 1 / Math.max(...d.map(Math.abs)));
    let next: { f: number; g: number[] } | null = null;
    let xn = x;
    for (let k = 0; k < 60; k++) {
      xn = x.map((v, i) => v + step * d[i]!);
      const t = fg(xn);
      evaluations++;
      if (Number.isFinite(t.f) && t.f <= f + 1e-4 * step * slope) {
        next = t;
        break;
      }
      step /= 2;
    }
    if (!next) break;
    const s = xn.map((v, i) => v - x[i]!);
    const y = next.g.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    const small = Math.abs(f - next.f) <= fTol * Math.max(1, Math.abs(f));
    x = xn;
    f = next.f;
    g = next.g;
    if (x.some((v) => Math.abs(v) > bound)) {
      diverged = true;
      break;
    }
    if (sy > 1e-300) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      H = H.map((row, i) => row.map((h, j) => h - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!));
    }
    if (small && Math.max(...g.map(Math.abs)) <= Math.sqrt(gTol)) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { x, fx: f, iterations, evaluations, converged, diverged };
}
