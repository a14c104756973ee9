/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for
 * Customer Base Analysis"; Colombo & Jiang 1999): a customer's transaction values are
 * Gamma(p, ν) around their mean p/ν, with ν ~ Gamma(q, γ) across customers. Fitted on the repeat
 * customers' (x, mean repeat spend m̄) with the density of m̄:
 *   f(m̄ | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^{px} m̄^{px−1} / (γ + x m̄)^{px+q}.
 * The model assumes spend is independent of frequency: `fitGammaGamma` reports their correlation.
 */
import { maximizeLikelihood, unfittedReport, type FitOptions, type FitReport } from './fit-report';
import { distinctIndex, mixDouble } from './rows';
import { digamma, lgamma } from './special';

/** Gamma-Gamma parameters as in the paper: transaction value ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Parameter order of the optimiser and of `FitOptions.starts`. */
export const GAMMA_GAMMA_PARAM_NAMES = ['p', 'q', 'gamma'] as const;

/** A Gamma-Gamma fit with the frequency–spend independence check. */
export interface GammaGammaFit extends FitReport<GammaGammaParams> {
  /** Pearson correlation between frequency and mean spend among the repeat customers (weighted). */
  correlation: number;
  /** Words when |correlation| > 0.3 (the independence assumption is doubtful), else null. */
  warning: string | null;
  /** Weighted mean of the repeat customers' mean spend (used when the model has no finite mean). */
  meanSpend: number;
}

/** Weighted unique (x, m̄) rows of the repeat customers, grouped by x. */
export interface SpendRows {
  count: number;
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
  /** ln m̄ per row. */
  lnM: Float64Array;
  /** Rows of the k-th distinct x: [xStart[k], xStart[k+1]). */
  xStart: Int32Array;
  /** Per distinct x: Σ w, Σ w ln m̄. */
  groupW: Float64Array;
  groupLnM: Float64Array;
  totalWeight: number;
}

/**
 * The spend rows: customers with weight > 0, x > 0 and m̄ > 0 (a transaction value must be
 * positive), identical (x, m̄) merged with their weights summed.
 */
export function spendRows(frequency: Float64Array, monetary: Float64Array, weight?: Float64Array | Uint8Array): SpendRows {
  const n = frequency.length;
  if (monetary.length !== n || (weight && weight.length !== n)) throw new RangeError('frequency, monetary (and weight) must have the same length');
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  let ux: Float64Array = new Float64Array(1024);
  let um: Float64Array = new Float64Array(1024);
  let uw: Float64Array = new Float64Array(1024);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? (weight[i] as number) : 1;
    const x = frequency[i] as number;
    const m = monetary[i] as number;
    if (!(w > 0 && x > 0 && m > 0 && Number.isFinite(m) && Number.isFinite(x))) continue;
    let slot = mixDouble(mixDouble(0x1b873593, x), m) & mask;
    for (;;) {
      const r = table[slot] as number;
      if (r < 0) {
        if (count === ux.length) {
          const grow = (a: Float64Array): Float64Array => {
            const b = new Float64Array(a.length * 2);
            b.set(a);
            return b;
          };
          ux = grow(ux);
          um = grow(um);
          uw = grow(uw);
        }
        table[slot] = count;
        ux[count] = x;
        um[count] = m;
        uw[count] = w;
        count++;
        break;
      }
      if (ux[r] === x && um[r] === m) {
        uw[r] = (uw[r] as number) + w;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Group by x: a counting sort over the ranks of the distinct x values.
  const xr = distinctIndex(ux, count);
  const groups = xr.values.length;
  const offsets = new Int32Array(groups + 1);
  for (let i = 0; i < count; i++) {
    const g = (xr.index[i] as number) + 1;
    offsets[g] = (offsets[g] as number) + 1;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const xStart = offsets.slice();
  const x = new Float64Array(count);
  const m = new Float64Array(count);
  const w = new Float64Array(count);
  const lnM = new Float64Array(count);
  const groupW = new Float64Array(groups);
  const groupLnM = new Float64Array(groups);
  let totalWeight = 0;
  for (let i = 0; i < count; i++) {
    const g = xr.index[i] as number;
    const k = offsets[g] as number;
    offsets[g] = k + 1;
    const wi = uw[i] as number;
    const lm = Math.log(um[i] as number);
    x[k] = ux[i] as number;
    m[k] = um[i] as number;
    w[k] = wi;
    lnM[k] = lm;
    groupW[g] = (groupW[g] as number) + wi;
    groupLnM[g] = (groupLnM[g] as number) + wi * lm;
    totalWeight += wi;
  }
  return { count, x, m, w, lnM, xStart, groupW, groupLnM, totalWeight };
}

/**
 * Log-likelihood Σ w · ln f(m̄ | x) (see the file comment) and, when `grad` is given, its gradient
 * with respect to (ln p, ln q, ln γ).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: SpendRows, grad?: Float64Array): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0) || !Number.isFinite(p + q + gamma)) {
    grad?.fill(Number.NaN);
    return Number.NaN;
  }
  const lnGamma = Math.log(gamma);
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  let ll = 0;
  let gP = 0;
  let gQ = 0;
  let gG = 0;
  const groups = rows.xStart.length - 1;
  for (let g = 0; g < groups; g++) {
    const start = rows.xStart[g] as number;
    const end = rows.xStart[g + 1] as number;
    const x = rows.x[start] as number;
    const px = p * x;
    const pxq = px + q;
    const sw = rows.groupW[g] as number;
    const slnM = rows.groupLnM[g] as number;
    const lnX = Math.log(x);
    let sLog = 0;
    let sInv = 0;
    for (let i = start; i < end; i++) {
      const v = gamma + x * (rows.m[i] as number);
      const wi = rows.w[i] as number;
      sLog += wi * Math.log(v);
      if (grad) sInv += wi / v;
    }
    ll += sw * (lgamma(pxq) - lgamma(px) - lgQ + q * lnGamma + px * lnX) + (px - 1) * slnM - pxq * sLog;
    if (grad) {
      const psiPxq = digamma(pxq);
      gP += x * (sw * (psiPxq - digamma(px) + lnX) + slnM - sLog);
      gQ += sw * (psiPxq - psiQ + lnGamma) - sLog;
      gG += (sw * q) / gamma - pxq * sInv;
    }
  }
  if (grad) {
    grad[0] = p * gP;
    grad[1] = q * gQ;
    grad[2] = gamma * gG;
  }
  return ll;
}

/** Weighted Pearson correlation of x and m̄ over the spend rows. */
function correlation(rows: SpendRows): { r: number; meanM: number } {
  let sw = 0;
  let sx = 0;
  let sm = 0;
  for (let i = 0; i < rows.count; i++) {
    const w = rows.w[i] as number;
    sw += w;
    sx += w * (rows.x[i] as number);
    sm += w * (rows.m[i] as number);
  }
  if (sw === 0) return { r: 0, meanM: 0 };
  const mx = sx / sw;
  const mm = sm / sw;
  let cxx = 0;
  let cmm = 0;
  let cxm = 0;
  for (let i = 0; i < rows.count; i++) {
    const w = rows.w[i] as number;
    const dx = (rows.x[i] as number) - mx;
    const dm = (rows.m[i] as number) - mm;
    cxx += w * dx * dx;
    cmm += w * dm * dm;
    cxm += w * dx * dm;
  }
  const r = cxx > 0 && cmm > 0 ? cxm / Math.sqrt(cxx * cmm) : 0;
  return { r, meanM: mm };
}

/**
 * Maximum-likelihood fit of p, q, γ on the repeat customers (x > 0, m̄ > 0), with the
 * frequency–spend correlation check.
 */
export function fitGammaGamma(frequency: Float64Array, monetary: Float64Array, weight?: Float64Array | Uint8Array, options: FitOptions = {}): GammaGammaFit {
  const rows = spendRows(frequency, monetary, weight);
  return fitGammaGammaRows(rows, options);
}

/** fitGammaGamma on prepared spend rows. */
export function fitGammaGammaRows(rows: SpendRows, options: FitOptions = {}): GammaGammaFit {
  const { r, meanM } = correlation(rows);
  const warning = Math.abs(r) > 0.3
    ? `Frequency and mean spend are correlated (r = ${r.toFixed(2)}): the Gamma-Gamma model assumes they are independent, so its spend predictions are doubtful.`
    : null;
  const starts = options.starts ?? [
    [1, 1, 1],
    [2, 3, Math.max(meanM, 1e-6)],
    [5, 5, Math.max(meanM, 1e-6) * 2],
  ];
  if (rows.totalWeight < 2) {
    const unfitted = unfittedReport(GAMMA_GAMMA_PARAM_NAMES, starts[0] ?? [1, 1, 1], rows.totalWeight, 0, 0, 'fewer than two customers with repeat purchases and positive spend: the spend model cannot be estimated');
    return { ...unfitted, correlation: r, warning, meanSpend: meanM };
  }
  const report = maximizeLikelihood(GAMMA_GAMMA_PARAM_NAMES, gammaGammaLogLikelihood, rows, starts, options, { gradientTolerance: 1e-8, maxIterations: 300 });
  return { ...report, correlation: r, warning, meanSpend: meanM };
}

/**
 * E[M | p, q, γ, m̄, x] = p (γ + x m̄) / (p x + q − 1): the customer's expected spend per
 * transaction, a weighted mean of the population mean pγ/(q−1) and their own m̄. A customer
 * without repeat purchases (or with m̄ ≤ 0, left out of the fit) gets the population mean. When
 * px + q ≤ 1 (no finite mean) it falls back to m̄ for repeat customers, else to `fallback`.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, meanSpend: number, fallback = 0): number {
  const { p, q, gamma } = params;
  const xe = x > 0 && meanSpend > 0 ? x : 0;
  const den = p * xe + q - 1;
  if (den > 0) return (p * (gamma + xe * meanSpend)) / den;
  return xe > 0 ? meanSpend : fallback;
}

/** Expected spend per transaction of every customer (0 for weight 0). */
export function gammaGammaExpectedSpendCustomers(params: GammaGammaParams, frequency: Float64Array, monetary: Float64Array, weight?: Float64Array | Uint8Array, fallback = 0): Float64Array {
  const n = frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (weight && !((weight[i] as number) > 0)) continue;
    out[i] = gammaGammaExpectedSpend(params, frequency[i] as number, monetary[i] as number, fallback);
  }
  return out;
}
