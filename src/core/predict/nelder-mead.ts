/**
 * Nelder–Mead downhill simplex (Lagarias et al. 1998 coefficients, as scipy's `minimize(method='Nelder-Mead')`
 * that `lifetimes` uses): minimises f over ℝⁿ without derivatives. Converged when both the simplex's spread
 * in x and in f are below the tolerances (scipy's xatol/fatol rule) before `maxIterations`.
 */
export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface MinimizeOptions {
  maxIterations?: number;
  xTolerance?: number;
  fTolerance?: number;
  /** relative size of the first simplex's steps (0.05 as scipy; 0.00025 for a zero coordinate) */
  step?: number;
}

const guard = (v: number) => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], o: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIterations = o.maxIterations ?? 200 * n;
  const xTol = o.xTolerance ?? 1e-8;
  const fTol = o.fTolerance ?? 1e-10;
  const step = o.step ?? 0.05;
  let evaluations = 0;
  const fx = (x: number[]) => {
    evaluations++;
    return guard(f(x));
  };
  const simplex: { x: number[]; f: number }[] = [{ x: [...x0], f: fx([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i] !== 0 ? x[i]! * (1 + step) : 0.00025;
    simplex.push({ x, f: fx(x) });
  }
  const along = (c: number[], w: number[], t: number) => c.map((ci, i) => ci + t * (w[i]! - ci));
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.f - q.f);
    const best = simplex[0]!;
    const spreadX = Math.max(...simplex.slice(1).map((p) => Math.max(...p.x.map((v, i) => Math.abs(v - best.x[i]!)))));
    const spreadF = Math.max(...simplex.slice(1).map((p) => Math.abs(p.f - best.f)));
    if (spreadX <= xTol && spreadF <= fTol) {
      converged = true;
      break;
    }
    const worst = simplex[n]!;
    const c = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) c[i]! += simplex[j]!.x[i]! / n;
    const r = along(c, worst.x, -1);
    const fr = fx(r);
    if (fr < best.f) {
      const e = along(c, worst.x, -2);
      const fe = fx(e);
      simplex[n] = fe < fr ? { x: e, f: fe } : { x: r, f: fr };
    } else if (fr < simplex[n - 1]!.f) {
      simplex[n] = { x: r, f: fr };
    } else {
      const outside = fr < worst.f;
      const k = outside ? along(c, worst.x, -0.5) : along(c, worst.x, 0.5);
      const fk = fx(k);
      if (fk < (outside ? fr : worst.f)) simplex[n] = { x: k, f: fk };
      else
        for (let j = 1; j <= n; j++) {
          const x = along(best.x, simplex[j]!.x, 0.5);
          simplex[j] = { x, f: fx(x) };
        }
    }
  }
  simplex.sort((p, q) => p.f - q.f);
  return { x: simplex[0]!.x, fx: simplex[0]!.f, iterations, evaluations, converged };
}
