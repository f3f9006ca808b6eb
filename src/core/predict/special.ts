/**
 * Special functions the models need: log-gamma, log-beta and digamma (the likelihood's gradient) from stdlib,
 * and the Gauss hypergeometric function ₂F₁: its plain series where it converges fast (|z| ≤ 0.75, at most a
 * few hundred terms to full precision), stdlib's hyp2f1 elsewhere. Both are checked against published
 * identities over the parameter ranges of the BG/NBD conditional expectation (test/unit/predict-special.test.ts).
 */
import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import stdlibHyp2f1 from '@stdlib/math-base-special-hyp2f1';

export { betaln, digamma, gammaln };

/** ₂F₁(a, b; c; z) for c > 0. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (Math.abs(z) > 0.75 || c <= 0) return stdlibHyp2f1(a, b, c, z);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 2000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && n > 2) return sum;
    if (term === 0) return sum;
  }
  return stdlibHyp2f1(a, b, c, z);
}

/** stdlib's ₂F₁ alone (tests compare the two paths). */
export { stdlibHyp2f1 };
