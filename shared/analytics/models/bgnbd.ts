/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a customer
 * buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop out with
 * probability p ~ Beta(a, b). Fitted by maximum likelihood on the weighted unique rows of
 * (x, t_x, T); all quantities in log space so that x in the thousands, x = 0, T = 0 and t_x = T
 * stay finite.
 */
import { maximizeLikelihood, paramsFromLog, unfittedReport, type FitOptions, type FitReport } from './fit-report';
import { expandRows, hasRepeatPurchase, NO_REPEAT_REASON, purchaseTotals, singleRow, type RfmRows } from './rows';
import { digamma, lgamma, oneMinusExpOver } from './special';

/** BG/NBD parameters as in the paper: λ ~ Gamma(shape r, rate α), dropout p ~ Beta(a, b); α in the data's time unit. */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Parameter order of the optimiser and of `FitOptions.starts`. */
export const BGNBD_PARAM_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** A BG/NBD fit: parameters and convergence report. */
export type BgNbdFit = FitReport<BgNbdParams>;

/**
 * Log-likelihood Σ w·ℓ of the rows, where (FHL 2005, eq. 6)
 *   ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *       + ln[ (α+T)^{−(r+x)} + δ_{x>0} a/(b+x−1) · (α+t_x)^{−(r+x)} ],
 * and, when `grad` is given, its gradient with respect to (ln r, ln α, ln a, ln b).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, rows: RfmRows, grad?: Float64Array): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Number.isFinite(r + alpha + a + b)) {
    grad?.fill(Number.NaN);
    return Number.NaN;
  }
  const { tValues, txValues, tIndex, txIndex, xStart, x: xs, w } = rows;
  const nt = tValues.length;
  const ntx = txValues.length;
  // ln(α+T), 1/(α+T) per distinct T and per distinct t_x.
  const lnAT = new Float64Array(nt);
  const invAT = new Float64Array(nt);
  for (let k = 0; k < nt; k++) {
    const v = alpha + (tValues[k] as number);
    lnAT[k] = Math.log(v);
    invAT[k] = 1 / v;
  }
  const lnAtx = new Float64Array(ntx);
  const invAtx = new Float64Array(ntx);
  for (let k = 0; k < ntx; k++) {
    const v = alpha + (txValues[k] as number);
    lnAtx[k] = Math.log(v);
    invAtx[k] = 1 / v;
  }
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const lgR = lgamma(r);
  const lgB = lgamma(b);
  const lgAB = lgamma(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  let ll = 0;
  let gR = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  const groups = xStart.length - 1;
  for (let g = 0; g < groups; g++) {
    const start = xStart[g] as number;
    const end = xStart[g + 1] as number;
    const x = xs[start] as number;
    const rx = r + x;
    let sumW = 0;
    let rowLl = 0;
    let rowR = 0;
    let rowAlpha = 0;
    let rowA = 0;
    let rowB = 0;
    if (x > 0) {
      const lnRatio = lnA - Math.log(b + x - 1);
      const invBx1 = 1 / (b + x - 1);
      for (let i = start; i < end; i++) {
        const wi = w[i] as number;
        const ti = tIndex[i] as number;
        const ji = txIndex[i] as number;
        const lT = lnAT[ti] as number;
        const lTx = lnAtx[ji] as number;
        // ln of the bracket = A3 + ln(1 + e^u), u = A4 − A3 ≥ ln a − ln(b+x−1).
        const u = lnRatio + rx * (lT - lTx);
        let log1pe: number;
        let p4: number;
        if (u > 0) {
          const e = Math.exp(-u);
          log1pe = u + Math.log1p(e);
          p4 = 1 / (1 + e);
        } else {
          const e = Math.exp(u);
          log1pe = Math.log1p(e);
          p4 = e / (1 + e);
        }
        const p3 = 1 - p4;
        sumW += wi;
        rowLl += wi * (log1pe - rx * lT);
        rowR -= wi * (p3 * lT + p4 * lTx);
        rowAlpha -= wi * (p3 * (invAT[ti] as number) + p4 * (invAtx[ji] as number));
        rowA += wi * p4;
        rowB -= wi * p4;
      }
      rowAlpha *= rx;
      rowA /= a;
      rowB *= invBx1;
    } else {
      for (let i = start; i < end; i++) {
        const wi = w[i] as number;
        const ti = tIndex[i] as number;
        sumW += wi;
        rowLl -= wi * (lnAT[ti] as number);
        rowR -= wi * (lnAT[ti] as number);
        rowAlpha -= wi * (invAT[ti] as number);
      }
      rowLl *= rx;
      rowAlpha *= rx;
    }
    // Terms that depend on x only.
    const c1 = lgamma(rx) - lgR + r * lnAlpha + (x > 0 ? lgAB + lgamma(b + x) - lgB - lgamma(a + b + x) : 0);
    ll += rowLl + sumW * c1;
    if (grad) {
      const psiABx = x > 0 ? digamma(a + b + x) : psiAB;
      gR += rowR + sumW * ((x > 0 ? digamma(rx) - psiR : 0) + lnAlpha);
      gAlpha += rowAlpha + (sumW * r) / alpha;
      gA += rowA + sumW * (psiAB - psiABx);
      gB += rowB + sumW * (psiAB + (x > 0 ? digamma(b + x) - psiB : 0) - psiABx);
    }
  }
  if (grad) {
    grad[0] = r * gR;
    grad[1] = alpha * gAlpha;
    grad[2] = a * gA;
    grad[3] = b * gB;
  }
  return ll;
}

/** Default starting points: lifetimes' (1, 1, 1, 1), and two set from the data's purchase rate. */
function defaultStarts(rows: RfmRows): number[][] {
  const { rate } = purchaseTotals(rows);
  return [
    [1, 1, 1, 1],
    [0.5, 0.5 / rate, 1, 3],
    [0.25, 0.25 / (2 * rate), 0.5, 2],
  ];
}

/** Maximum-likelihood fit of the BG/NBD (BFGS over log-parameters from several starting points). */
export function fitBgNbd(rows: RfmRows, options: FitOptions = {}): BgNbdFit {
  const starts = options.starts ?? defaultStarts(rows);
  const start = starts[0] ?? [1, 1, 1, 1];
  if (rows.totalWeight === 0) return unfittedReport(BGNBD_PARAM_NAMES, start, 0, 0, 1, 'there are no customers to fit');
  if (!hasRepeatPurchase(rows)) {
    const ll = bgnbdLogLikelihood(paramsFromLog(BGNBD_PARAM_NAMES, start.map(Math.log)), rows);
    return unfittedReport(BGNBD_PARAM_NAMES, start, rows.totalWeight, ll, 1, NO_REPEAT_REASON);
  }
  return maximizeLikelihood(BGNBD_PARAM_NAMES, bgnbdLogLikelihood, rows, starts, options, { gradientTolerance: 1e-7, maxIterations: 200 });
}

/**
 * Expected purchases in (T, T+t] of a customer who is alive at T (FHL 2005, eq. 10 without the
 * P(alive) factor), via Euler's transformation of its 2F1:
 *   (a+b+x−1)/(a−1) · [1 − (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; a+b+x−1; z)],  z = t/(α+T+t),
 * computed as C·(1 − (1−z)^{B})/B − (1−z)^{B}·Σ_{k≥1} (A)_k (B+1)_{k−1} z^k / ((C+1)_{k−1} k!)
 * with A = a+b−1−r, B = a−1, C = a+b+x−1: finite at a = 1 and for a + b ≤ 1.
 */
export function bgnbdExpectedIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const A = a + b - 1 - r;
  const B = a - 1;
  const C = a + b + x - 1;
  const l = -Math.log1p(t / (alpha + T)); // ln(1 − z)
  const z = t / (alpha + T + t);
  let term = A * z;
  let sum = term;
  for (let k = 1; k < 1_000_000; k++) {
    const ratio = ((A + k) * (B + k) * z) / ((C + k) * (k + 1));
    term *= ratio;
    sum += term;
    const rho = Math.max(Math.abs(ratio), z);
    if (rho < 1 && Math.abs(term) <= 1e-17 * (1 - rho) * Math.abs(sum)) break;
    if (term === 0) break;
  }
  const value = C * oneMinusExpOver(B, l) - Math.exp(B * l) * sum;
  return value > 0 ? value : 0;
}

/** E[X(t)]: expected number of repeat purchases of a new customer in (0, t] (FHL 2005, eq. 9). */
export function bgnbdExpectedPurchases(params: BgNbdParams, t: number): number {
  return bgnbdExpectedIfAlive(params, 0, 0, t);
}

/** ln of the odds of being dead: ln[a/(b+x−1)] + (r+x) ln[(α+T)/(α+t_x)], −∞ when x = 0. */
function logDeadOdds(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (!(x > 0)) return Number.NEGATIVE_INFINITY;
  const { r, alpha, a, b } = params;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive at T | x, t_x, T) = 1 / (1 + δ_{x>0} a/(b+x−1) · ((α+T)/(α+t_x))^{r+x}) (FHL 2005, eq. 13 / the 2008 note). */
export function bgnbdProbabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  const u = logDeadOdds(params, x, tx, T);
  return u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
}

/** E[Y(t) | x, t_x, T]: expected purchases in (T, T+t] of one customer (FHL 2005, eq. 10). */
export function bgnbdConditionalExpected(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  return bgnbdProbabilityAlive(params, x, tx, T) * bgnbdExpectedIfAlive(params, x, T, t);
}

/**
 * P(at least one purchase in (T, T+t] | x, t_x, T). A BG/NBD customer drops out only right after a
 * purchase, so one alive at T stays alive until the next purchase, which comes at rate λ; given
 * alive, λ ~ Gamma(r + x, α + T) (the alive part of the likelihood is λ^x e^{−λT}), and
 *   P = P(alive) · (1 − ((α+T) / (α+T+t))^{r+x}).
 */
export function bgnbdProbabilityActive(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha } = params;
  return bgnbdProbabilityAlive(params, x, tx, T) * -Math.expm1(-(r + x) * Math.log1p(t / (alpha + T)));
}

/** P(at least one purchase in the next t) per row. */
export function bgnbdProbabilityActiveRows(params: BgNbdParams, rows: RfmRows, t: number): Float64Array {
  const out = new Float64Array(rows.count);
  for (let i = 0; i < rows.count; i++) out[i] = bgnbdProbabilityActive(params, rows.x[i] as number, rows.tx[i] as number, rows.T[i] as number, t);
  return out;
}

/** P(alive) per row. */
export function bgnbdProbabilityAliveRows(params: BgNbdParams, rows: RfmRows): Float64Array {
  const out = new Float64Array(rows.count);
  for (let i = 0; i < rows.count; i++) out[i] = bgnbdProbabilityAlive(params, rows.x[i] as number, rows.tx[i] as number, rows.T[i] as number);
  return out;
}

/**
 * Cumulative conditional expected purchases per row at each horizon: entry [row · times.length + k]
 * is E[Y(times[k]) | x, t_x, T]. The alive part is computed once per distinct (x, T).
 */
export function bgnbdConditionalExpectedRowsAt(params: BgNbdParams, rows: RfmRows, times: Float64Array): Float64Array {
  const nt = times.length;
  const out = new Float64Array(rows.count * nt);
  const ifAlive = new Float64Array(nt);
  const { xtStart } = rows;
  for (let g = 0; g + 1 < xtStart.length; g++) {
    const start = xtStart[g] as number;
    const end = xtStart[g + 1] as number;
    const x = rows.x[start] as number;
    const T = rows.T[start] as number;
    for (let k = 0; k < nt; k++) ifAlive[k] = bgnbdExpectedIfAlive(params, x, T, times[k] as number);
    for (let i = start; i < end; i++) {
      const p = bgnbdProbabilityAlive(params, x, rows.tx[i] as number, T);
      for (let k = 0; k < nt; k++) out[i * nt + k] = p * (ifAlive[k] as number);
    }
  }
  return out;
}

/** Conditional expected purchases in (T, T+t] of every customer (0 for customers left out). */
export function bgnbdConditionalExpectedCustomers(params: BgNbdParams, rows: RfmRows, t: number): Float64Array {
  return expandRows(rows, bgnbdConditionalExpectedRowsAt(params, rows, Float64Array.of(t)));
}

/** P(alive) of every customer (0 for customers left out). */
export function bgnbdProbabilityAliveCustomers(params: BgNbdParams, rows: RfmRows): Float64Array {
  return expandRows(rows, bgnbdProbabilityAliveRows(params, rows));
}

/** Log-likelihood of a single customer (for tests and diagnostics). */
export function bgnbdCustomerLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  return bgnbdLogLikelihood(params, singleRow(x, tx, T));
}
