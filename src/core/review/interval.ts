/**
 * A 95% interval for the difference of two proportions: Newcombe's hybrid score interval without continuity
 * correction (method 10 of R. G. Newcombe, "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17:873–890, 1998), built from the two
 * Wilson score intervals. It stays inside [−1, 1] and behaves at 0 and at n (where the Wald interval collapses).
 * Pure.
 */

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
export const Z95 = 1.959963984540054;

/** Wilson's score interval for x successes out of n (n > 0). */
export function wilson(x: number, n: number, z = Z95): [number, number] {
  const p = x / n;
  const centre = 2 * x + z * z;
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - p));
  const den = 2 * (n + z * z);
  return [Math.max(0, (centre - spread) / den), Math.min(1, (centre + spread) / den)];
}

/** Newcombe's hybrid score interval for p1 − p2 = x1/n1 − x2/n2 (n1, n2 > 0). */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z = Z95): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}
