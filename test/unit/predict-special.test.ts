/**
 * ₂F₁ (stdlib's hyp2f1) against published values over the parameter ranges of the BG/NBD conditional
 * expectation (core/predict/bgnbd.ts): closed forms from Abramowitz & Stegun 15.1 / DLMF 15.4, Euler's
 * transformation (DLMF 15.8.1) between the two forms the model can use, and a plain series summed here.
 */
import { describe, expect, it } from 'vitest';
import { hyp2f1, stdlibHyp2f1 } from '../../src/core/predict/special.js';
import { nelderMead } from '../../src/core/predict/nelder-mead.js';
import { bfgs } from '../../src/core/predict/bfgs.js';

const close = (got: number, want: number, rel = 1e-12) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));

/** Σ (a)_n (b)_n / ((c)_n n!) zⁿ until the terms stop mattering (|z| < 1): slow, independent of stdlib. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum) && n > 10) break;
  }
  return sum;
}

describe('₂F₁ against closed forms', () => {
  it('2F1(1,1;2;z) = −ln(1−z)/z (A&S 15.1.3), on both paths', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.7, 0.9, 0.99]) {
      close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z);
      close(stdlibHyp2f1(1, 1, 2, z), -Math.log1p(-z) / z);
    }
  });

  it('2F1(a,b;b;z) = (1−z)^−a (A&S 15.1.8), a as r + x of the model', () => {
    for (const a of [0.243, 2.243, 10.243]) for (const z of [0.2, 0.47, 0.8, 0.92]) close(hyp2f1(a, 3.2, 3.2, z), (1 - z) ** -a, 1e-11);
  });

  it('2F1(a,½+a;½;z²) = ½[(1+z)^−2a + (1−z)^−2a] (A&S 15.1.9)', () => {
    for (const a of [0.3, 1.7])
      for (const z of [0.3, 0.7, 0.9]) close(hyp2f1(a, 0.5 + a, 0.5, z * z), ((1 + z) ** (-2 * a) + (1 - z) ** (-2 * a)) / 2, 1e-11);
  });

  it('2F1(a,1−a;3/2;sin²ζ) = sin((2a−1)ζ)/((2a−1)sin ζ) (A&S 15.1.15)', () => {
    for (const a of [0.21, 0.793, 2.4])
      for (const s of [0.4, 1.0, 1.3])
        close(hyp2f1(a, 1 - a, 1.5, Math.sin(s) ** 2), Math.sin((2 * a - 1) * s) / ((2 * a - 1) * Math.sin(s)), 1e-11);
  });
});

describe('₂F₁ over the BG/NBD ranges (r ≈ 0.1–2, a ≈ 0.3–3, b ≈ 0.5–5, x = 0–60, z = t/(α+T+t) up to 0.95)', () => {
  const grid: [number, number, number, number, number][] = [];
  for (const [r, a, b] of [
    [0.243, 0.793, 2.426],
    [0.6, 1.8, 4.5],
    [1.5, 0.4, 0.9],
  ] as const)
    for (const x of [0, 1, 2, 7, 25, 60]) for (const z of [0.05, 0.474, 0.8, 0.95]) grid.push([r, a, b, x, z]);

  it('Euler’s transformation: (1−z)^(r+x) F(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) F(a+b−1−r, a−1; a+b+x−1; z)', () => {
    for (const [r, a, b, x, z] of grid) {
      const c = a + b + x - 1;
      close((1 - z) ** (r + x) * hyp2f1(r + x, b + x, c, z), (1 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, c, z), 1e-9);
    }
  });

  it('the series path (|z| ≤ 0.75) agrees with stdlib’s hyp2f1 on the transformed form', () => {
    for (const [r, a, b, x, z] of grid) {
      if (z > 0.75) continue;
      const c = a + b + x - 1;
      close(hyp2f1(a + b - 1 - r, a - 1, c, z), stdlibHyp2f1(a + b - 1 - r, a - 1, c, z), 1e-13);
    }
  });

  it('the transformed form (the one the model evaluates) equals the plain series', () => {
    for (const [r, a, b, x, z] of grid) {
      const c = a + b + x - 1;
      close(hyp2f1(a + b - 1 - r, a - 1, c, z), series(a + b - 1 - r, a - 1, c, z), 1e-12);
    }
  });
});

describe('Nelder–Mead', () => {
  it('finds the minimum of Rosenbrock’s function and says it converged', () => {
    const r = nelderMead(([x, y]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });

  it('says it did not converge when the iterations run out', () => {
    const r = nelderMead(([x, y]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2, [-1.2, 1], { maxIterations: 10 });
    expect(r.converged).toBe(false);
  });
});

describe('BFGS', () => {
  const rosen = ([x, y]: number[]) => ({
    f: 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2,
    g: [-400 * x! * (y! - x! * x!) - 2 * (1 - x!), 200 * (y! - x! * x!)],
  });

  it('finds the minimum of Rosenbrock’s function with its gradient', () => {
    const r = bfgs(rosen, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('says it did not converge when the iterations run out', () => {
    expect(bfgs(rosen, [-1.2, 1], { maxIterations: 3 }).converged).toBe(false);
  });
});
