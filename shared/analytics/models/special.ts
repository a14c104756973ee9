/**
 * Special functions the customer-base models need, in double precision and without allocation:
 * log-gamma, digamma, and the Gauss hypergeometric function 2F1 (series with Pfaff/Euler
 * transformations, summed with a running scale so that large values stay in log space).
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Stirling's series for ln Γ(x) (terms to x^−13), accurate to ~1e-16 for x ≥ 10. */
function lgammaStirling(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360 - inv2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
}

/**
 * ln Γ(x) for x > 0: Stirling's series after shifting x up to ≥ 10 with Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1)).
 * +∞ at x = 0, NaN for negative or non-finite x.
 */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x >= 10) return lgammaStirling(x);
  let product = 1;
  let y = x;
  while (y < 10) {
    product *= y;
    y += 1;
  }
  return lgammaStirling(y) - Math.log(product);
}

/** Digamma ψ(x) = d ln Γ(x) / dx for x > 0: recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(y) - 0.5 * inv - series;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
  if (u === Number.NEGATIVE_INFINITY) return v;
  if (v === Number.NEGATIVE_INFINITY) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** (1 − e^{b·l}) / b, continuous at b = 0 where it equals −l. */
export function oneMinusExpOver(b: number, l: number): number {
  const bl = b * l;
  if (Math.abs(bl) < 1e-8) return -l * (1 + 0.5 * bl);
  return -Math.expm1(bl) / b;
}

/** Result of a hypergeometric evaluation: the value is sign · e^{log}. */
export interface SignedLog {
  log: number;
  sign: number;
}

const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);
const MAX_TERMS = 2_000_000;

/**
 * Σ_k (a)_k (b)_k / ((c)_k k!) z^k for |z| < 1 with a running scale (so that growing terms never
 * overflow), stopping once the remaining tail, bounded geometrically, is below 1e-17 of the sum.
 */
function seriesSignedLog(a: number, b: number, c: number, z: number, out: SignedLog): SignedLog {
  let sum = 1;
  let term = 1;
  let logScale = 0;
  const absZ = Math.abs(z);
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    if (term === 0) break;
    const rho = Math.max(Math.abs(ratio), absZ);
    if (rho < 1 && Math.abs(term) * (rho / (1 - rho)) <= 1e-17 * Math.abs(sum) && k > 1) break;
  }
  out.sign = Math.sign(sum);
  out.log = Math.log(Math.abs(sum)) + logScale;
  return out;
}

/**
 * ln |2F1(a, b; c; z)| and its sign, for real a, b, c (c not a non-positive integer) and z < 1.
 * z < 0 goes through Pfaff's transformation 2F1(a,b;c;z) = (1−z)^{−a} 2F1(a, c−b; c; z/(z−1)),
 * whose argument is in [0, 1); for 0 ≤ z < 1 with c − a − b < 0 (the series grows towards z = 1)
 * Euler's transformation 2F1(a,b;c;z) = (1−z)^{c−a−b} 2F1(c−a, c−b; c; z) makes the terms decay.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number, out: SignedLog = { log: 0, sign: 1 }): SignedLog {
  if (!(z < 1) || !Number.isFinite(a + b + c + z) || (c <= 0 && Number.isInteger(c))) {
    out.log = Number.NaN;
    out.sign = Number.NaN;
    return out;
  }
  if (z === 0 || a === 0 || b === 0) {
    out.log = 0;
    out.sign = 1;
    return out;
  }
  if (z < 0) {
    // Pfaff: pick the numerator parameter that leaves the smaller |second parameter|.
    const w = z / (z - 1);
    const l1z = Math.log1p(-z);
    if (Math.abs(c - b) <= Math.abs(c - a)) {
      logHyp2f1(a, c - b, c, w, out);
      out.log -= a * l1z;
    } else {
      logHyp2f1(b, c - a, c, w, out);
      out.log -= b * l1z;
    }
    return out;
  }
  if (c - a - b < 0) {
    seriesSignedLog(c - a, c - b, c, z, out);
    out.log += (c - a - b) * Math.log1p(-z);
    return out;
  }
  return seriesSignedLog(a, b, c, z, out);
}

/** 2F1(a, b; c; z) for z < 1 (see logHyp2f1); ±∞ when it overflows a double. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1(a, b, c, z);
  return r.sign * Math.exp(r.log);
}
