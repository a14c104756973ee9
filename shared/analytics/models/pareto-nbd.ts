/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987): while alive a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α) and dies after an exponential lifetime with rate
 * μ ~ Gamma(s, β). Likelihood as in Fader, Hardie & Lee, "A Note on Implementing the Pareto/NBD
 * Model in MATLAB" (2005):
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^{−(r+x)} (β+T)^{−s} + s/(r+s+x) · A₀ ],
 * with A₀ a difference of Gauss hypergeometric functions whose form depends on α ≥ β or α < β.
 * Here A₀ · s/(r+s+x) = s·(G(t_x) − G(T)), G(y) = ∫_y^∞ (α+u)^{−(r+x)} (β+u)^{−(s+1)} du, and
 *   α ≥ β: G(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) / ((r+s+x)(α+y)^{r+s+x})
 *   α < β: G(y) = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+y)) / ((r+s+x)(β+y)^{r+s+x}),
 * each evaluated after Euler's transformation as a series of positive, decreasing terms
 * (₂F₁(1, p; q; z) with q > p, z ∈ [0, 1)), in log space, with its derivatives with respect to
 * r, s, α, β accumulated term by term: the gradient is analytic.
 */
import { maximizeLikelihood, paramsFromLog, unfittedReport, type FitOptions, type FitReport } from './fit-report';
import { expandRows, hasRepeatPurchase, NO_REPEAT_REASON, purchaseTotals, singleRow, type RfmRows } from './rows';
import { digamma, lgamma, oneMinusExpOver } from './special';

/** Pareto/NBD parameters as in the paper: λ ~ Gamma(r, α), μ ~ Gamma(s, β); α, β in the data's time unit. */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Parameter order of the optimiser and of `FitOptions.starts`. */
export const PARETO_PARAM_NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** A Pareto/NBD fit: parameters and convergence report. */
export type ParetoNbdFit = FitReport<ParetoNbdParams>;

const MAX_TERMS = 1_000_000;

/**
 * ln G(y) and its partial derivatives (see the file comment), given ln(α+y) and ln(β+y), written
 * to out[offset … offset+4] = [ln G, ∂/∂r, ∂/∂s, ∂/∂α, ∂/∂β]. With derivatives = false only the
 * first is written.
 */
function logG(r: number, s: number, alpha: number, beta: number, x: number, y: number, lnAy: number, lnBy: number, out: Float64Array, offset: number, derivatives: boolean): void {
  const rsx = r + s + x;
  const q = rsx + 1;
  const alphaGeBeta = alpha >= beta;
  // Series S = Σ_k (p)_k/(q)_k z^k, with ∂S/∂p, ∂S/∂q and dS/dz.
  const p = alphaGeBeta ? r + x : s + 1;
  const z = alphaGeBeta ? (alpha - beta) / (alpha + y) : (beta - alpha) / (beta + y);
  // z = 0 (α = β) stops after the first term, which still gives dS/dz = p/q.
  const tail = 1e-16 * (1 - z);
  let term = 1;
  let sum = 1;
  let sumP = 0;
  let sumQ = 0;
  let sumZ = 0;
  if (derivatives) {
    let dP = 0; // Σ_{j≤k} 1/(p+j) = ∂ ln c_{k+1} / ∂p
    let dQ = 0; // Σ_{j≤k} 1/(q+j) = −∂ ln c_{k+1} / ∂q
    for (let k = 0; k < MAX_TERMS; k++) {
      const pk = p + k;
      const iq = 1 / (q + k);
      // c_{k+1} z^k; d/dz of c_{k+1} z^{k+1} is (k+1) times this.
      const cz = term * pk * iq;
      sumZ += (k + 1) * cz;
      dP += 1 / pk;
      dQ += iq;
      term = cz * z;
      sum += term;
      sumP += term * dP;
      sumQ += term * dQ;
      if (term <= tail * sum) break;
    }
  } else {
    for (let k = 0; k < MAX_TERMS; k++) {
      term *= ((p + k) * z) / (q + k);
      sum += term;
      if (term <= tail * sum) break;
    }
  }
  const lnS = Math.log(sum);
  if (alphaGeBeta) {
    out[offset] = -(r + x) * lnAy - s * lnBy - Math.log(rsx) + lnS;
  } else {
    out[offset] = (1 - r - x) * lnAy - (s + 1) * lnBy - Math.log(rsx) + lnS;
  }
  if (!derivatives) return;
  const invRsx = 1 / rsx;
  const ay = alpha + y;
  const by = beta + y;
  const invSum = 1 / sum;
  const sP = sumP * invSum;
  const sQ = sumQ * invSum;
  const sZ = sumZ * invSum;
  if (alphaGeBeta) {
    // p = r+x, q = r+s+x+1: ∂/∂r hits p and q, ∂/∂s only q. z = (α−β)/(α+y).
    out[offset + 1] = -lnAy - invRsx + sP - sQ;
    out[offset + 2] = -lnBy - invRsx - sQ;
    out[offset + 3] = -(r + x) / ay + (sZ * by) / (ay * ay);
    out[offset + 4] = -s / by - sZ / ay;
  } else {
    // p = s+1, q = r+s+x+1: ∂/∂r hits q only, ∂/∂s both. z = (β−α)/(β+y).
    out[offset + 1] = -lnAy - invRsx - sQ;
    out[offset + 2] = -lnBy - invRsx + sP - sQ;
    out[offset + 3] = (1 - r - x) / ay - sZ / by;
    out[offset + 4] = -(s + 1) / by + (sZ * ay) / (by * by);
  }
}

function validParams(p: ParetoNbdParams): boolean {
  return p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0 && Number.isFinite(p.r + p.alpha + p.s + p.beta);
}

/**
 * Log-likelihood Σ w·ℓ of the rows (see the file comment for ℓ) and, when `grad` is given, its
 * gradient with respect to (ln r, ln α, ln s, ln β).
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, rows: RfmRows, grad?: Float64Array): number {
  if (!validParams(params)) {
    grad?.fill(Number.NaN);
    return Number.NaN;
  }
  const { r, alpha, s, beta } = params;
  const { tValues, txValues, tIndex, xtStart, x: xs, w, tx: txs } = rows;
  const nt = tValues.length;
  const ntx = txValues.length;
  const lnAT = new Float64Array(nt);
  const lnBT = new Float64Array(nt);
  for (let k = 0; k < nt; k++) {
    lnAT[k] = Math.log(alpha + (tValues[k] as number));
    lnBT[k] = Math.log(beta + (tValues[k] as number));
  }
  const lnAtx = new Float64Array(ntx);
  const lnBtx = new Float64Array(ntx);
  for (let k = 0; k < ntx; k++) {
    lnAtx[k] = Math.log(alpha + (txValues[k] as number));
    lnBtx[k] = Math.log(beta + (txValues[k] as number));
  }
  const deriv = grad !== undefined;
  // G(t_x) once per distinct (x, t_x) pair; G(T) once per distinct (x, T).
  const { pairX, pairTxIndex, pairIndex } = rows;
  const nPairs = pairX.length;
  const gPairs = new Float64Array(5 * nPairs);
  for (let k = 0; k < nPairs; k++) {
    const j = pairTxIndex[k] as number;
    logG(r, s, alpha, beta, pairX[k] as number, txValues[j] as number, lnAtx[j] as number, lnBtx[j] as number, gPairs, 5 * k, deriv);
  }
  const gT = new Float64Array(5);
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const lnS = Math.log(s);
  const invS = 1 / s;
  const lgR = lgamma(r);
  const psiR = digamma(r);
  let ll = 0;
  let gR = 0;
  let gAlpha = 0;
  let gS = 0;
  let gBeta = 0;
  let lastX = Number.NaN;
  let cX = 0;
  let dRX = 0;
  const groups = xtStart.length - 1;
  for (let g = 0; g < groups; g++) {
    const start = xtStart[g] as number;
    const end = xtStart[g + 1] as number;
    const x = xs[start] as number;
    if (x !== lastX) {
      lastX = x;
      cX = lgamma(r + x) - lgR;
      dRX = deriv ? digamma(r + x) - psiR : 0;
    }
    const ti = tIndex[start] as number;
    const T = tValues[ti] as number;
    const lAT = lnAT[ti] as number;
    const lBT = lnBT[ti] as number;
    logG(r, s, alpha, beta, x, T, lAT, lBT, gT, 0, deriv);
    const lGT = gT[0] as number;
    const l1 = -(r + x) * lAT - s * lBT;
    const dl1Alpha = -(r + x) / (alpha + T);
    const dl1Beta = -s / (beta + T);
    let sumW = 0;
    let k1Sum = 0;
    for (let i = start; i < end; i++) {
      const wi = w[i] as number;
      sumW += wi;
      if ((txs[i] as number) === T) {
        // Alive for sure: the bracket is its first term.
        ll += wi * l1;
        k1Sum += wi;
        continue;
      }
      const o = 5 * (pairIndex[i] as number);
      const lGtx = gPairs[o] as number;
      // bracket = e^{l1} + s e^{lGtx} − s e^{lGT}, scaled by e^{−m}.
      const m = Math.max(l1, lnS + lGtx);
      const e1 = Math.exp(l1 - m);
      const eTx = Math.exp(lnS + lGtx - m);
      const eT = Math.exp(lnS + lGT - m);
      const bracket = e1 + eTx - eT;
      ll += wi * (m + Math.log(bracket));
      if (deriv) {
        const inv = wi / bracket;
        const kTx = eTx * inv;
        const kT = eT * inv;
        k1Sum += e1 * inv;
        gR += kTx * (gPairs[o + 1] as number) - kT * (gT[1] as number);
        gS += kTx * ((gPairs[o + 2] as number) + invS) - kT * ((gT[2] as number) + invS);
        gAlpha += kTx * (gPairs[o + 3] as number) - kT * (gT[3] as number);
        gBeta += kTx * (gPairs[o + 4] as number) - kT * (gT[4] as number);
      }
    }
    ll += sumW * (cX + r * lnAlpha + s * lnBeta);
    if (deriv) {
      gR += sumW * (dRX + lnAlpha) - k1Sum * lAT;
      gAlpha += (sumW * r) / alpha + k1Sum * dl1Alpha;
      gS += sumW * lnBeta - k1Sum * lBT;
      gBeta += (sumW * s) / beta + k1Sum * dl1Beta;
    }
  }
  if (grad) {
    grad[0] = r * gR;
    grad[1] = alpha * gAlpha;
    grad[2] = s * gS;
    grad[3] = beta * gBeta;
  }
  return ll;
}

/** Default starting points: lifetimes' (1, 1, 1, 1), and two set from the data's purchase rate and mean age. */
function defaultStarts(rows: RfmRows): number[][] {
  const { rate, meanT } = purchaseTotals(rows);
  return [
    [1, 1, 1, 1],
    [0.5, 0.5 / rate, 0.5, meanT],
    [0.5, 0.25 / rate, 1, 2 * meanT],
  ];
}

/** Maximum-likelihood fit of the Pareto/NBD (BFGS over log-parameters, analytic gradient, several starting points). */
export function fitParetoNbd(rows: RfmRows, options: FitOptions = {}): ParetoNbdFit {
  const starts = options.starts ?? defaultStarts(rows);
  const start = starts[0] ?? [1, 1, 1, 1];
  if (rows.totalWeight === 0) return unfittedReport(PARETO_PARAM_NAMES, start, 0, 0, 1, 'there are no customers to fit');
  if (!hasRepeatPurchase(rows)) {
    const ll = paretoNbdLogLikelihood(paramsFromLog(PARETO_PARAM_NAMES, start.map(Math.log)), rows);
    return unfittedReport(PARETO_PARAM_NAMES, start, rows.totalWeight, ll, 1, NO_REPEAT_REASON);
  }
  return maximizeLikelihood(PARETO_PARAM_NAMES, paretoNbdLogLikelihood, rows, starts, options, { gradientTolerance: 1e-7, maxIterations: 300 });
}

/** ln of the odds of being dead, s(G(t_x) − G(T)) / ((α+T)^{−(r+x)} (β+T)^{−s}); −∞ when t_x = T. */
function logDeadOdds(params: ParetoNbdParams, x: number, tx: number, T: number, scratch: Float64Array): number {
  if (tx >= T) return Number.NEGATIVE_INFINITY;
  const { r, alpha, s, beta } = params;
  const lAT = Math.log(alpha + T);
  const lBT = Math.log(beta + T);
  logG(r, s, alpha, beta, x, T, lAT, lBT, scratch, 0, false);
  const lGT = scratch[0] as number;
  logG(r, s, alpha, beta, x, tx, Math.log(alpha + tx), Math.log(beta + tx), scratch, 0, false);
  const lGtx = scratch[0] as number;
  const l1 = -(r + x) * lAT - s * lBT;
  // ln[s (e^{lGtx} − e^{lGT})] − l1
  return Math.log(s) + lGtx + Math.log(-Math.expm1(lGT - lGtx)) - l1;
}

/** P(alive at T | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^{r+x} (β+T)^s A₀). */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (!validParams(params)) return Number.NaN;
  const u = logDeadOdds(params, x, tx, T, new Float64Array(5));
  return u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
}

/**
 * Expected purchases in (T, T+t] of a customer alive at T:
 * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}], continuous at s = 1.
 */
export function paretoNbdExpectedIfAlive(params: ParetoNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, s, beta } = params;
  const l = -Math.log1p(t / (beta + T));
  return ((r + x) * (beta + T) * oneMinusExpOver(s - 1, l)) / (alpha + T);
}

/** E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^{s−1}]: expected repeat purchases of a new customer in (0, t]. */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  return paretoNbdExpectedIfAlive(params, 0, 0, t);
}

/** E[Y(t) | x, t_x, T] = P(alive) · expected purchases if alive. */
export function paretoNbdConditionalExpected(params: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  return paretoNbdProbabilityAlive(params, x, tx, T) * paretoNbdExpectedIfAlive(params, x, T, t);
}

/** P(alive) per row (G(T) computed once per distinct (x, T)). */
export function paretoNbdProbabilityAliveRows(params: ParetoNbdParams, rows: RfmRows): Float64Array {
  const out = new Float64Array(rows.count);
  if (!validParams(params)) return out.fill(Number.NaN);
  const { r, alpha, s, beta } = params;
  const scratch = new Float64Array(5);
  const lnS = Math.log(s);
  for (let g = 0; g + 1 < rows.xtStart.length; g++) {
    const start = rows.xtStart[g] as number;
    const end = rows.xtStart[g + 1] as number;
    const x = rows.x[start] as number;
    const T = rows.T[start] as number;
    const lAT = Math.log(alpha + T);
    const lBT = Math.log(beta + T);
    logG(r, s, alpha, beta, x, T, lAT, lBT, scratch, 0, false);
    const lGT = scratch[0] as number;
    const l1 = -(r + x) * lAT - s * lBT;
    for (let i = start; i < end; i++) {
      const tx = rows.tx[i] as number;
      if (tx >= T) {
        out[i] = 1;
        continue;
      }
      logG(r, s, alpha, beta, x, tx, Math.log(alpha + tx), Math.log(beta + tx), scratch, 0, false);
      const lGtx = scratch[0] as number;
      const u = lnS + lGtx + Math.log(-Math.expm1(lGT - lGtx)) - l1;
      out[i] = u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
    }
  }
  return out;
}

/** Intervals of the Simpson rule for the integral over the time of death (even). */
const ACTIVE_STEPS = 64;

/**
 * P(no purchase in (T, T+t] | alive at T, x, T). Given alive, λ ~ Gamma(r + x, α + T) and
 * μ ~ Gamma(s, β + T), independent; a customer with rates λ, μ makes no purchase in t when it
 * lives through t without one, e^{−(λ+μ)t}, or dies at τ < t before one: ∫₀ᵗ μ e^{−(λ+μ)τ} dτ. With
 * L(τ) = E[e^{−λτ}] = ((α+T)/(α+T+τ))^{r+x} and M′(τ) = E[μ e^{−μτ}] = s/(β+T) · ((β+T)/(β+T+τ))^{s+1}:
 *   P(none) = L(t) M(t) + ∫₀ᵗ M′(τ) L(τ) dτ, M(t) = ((β+T)/(β+T+t))^s,
 * the integral by Simpson's rule (the integrand is smooth and decreasing).
 */
function paretoNbdNoPurchaseIfAlive(params: ParetoNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, s, beta } = params;
  const L = (tau: number) => Math.exp(-(r + x) * Math.log1p(tau / (alpha + T)));
  const dM = (tau: number) => (s / (beta + T)) * Math.exp(-(s + 1) * Math.log1p(tau / (beta + T)));
  const h = t / ACTIVE_STEPS;
  let integral = dM(0) * L(0) + dM(t) * L(t);
  for (let k = 1; k < ACTIVE_STEPS; k++) integral += (k % 2 === 1 ? 4 : 2) * dM(k * h) * L(k * h);
  integral *= h / 3;
  return L(t) * Math.exp(-s * Math.log1p(t / (beta + T))) + integral;
}

/** P(at least one purchase in (T, T+t] | x, t_x, T) = P(alive) · (1 − P(none | alive)). */
export function paretoNbdProbabilityActive(params: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  return paretoNbdProbabilityAlive(params, x, tx, T) * Math.max(0, 1 - paretoNbdNoPurchaseIfAlive(params, x, T, t));
}

/** P(at least one purchase in the next t) per row (the integral once per distinct (x, T)). */
export function paretoNbdProbabilityActiveRows(params: ParetoNbdParams, rows: RfmRows, t: number): Float64Array {
  const out = new Float64Array(rows.count);
  if (!(t > 0)) return out;
  const alive = paretoNbdProbabilityAliveRows(params, rows);
  for (let g = 0; g + 1 < rows.xtStart.length; g++) {
    const start = rows.xtStart[g] as number;
    const end = rows.xtStart[g + 1] as number;
    const some = Math.max(0, 1 - paretoNbdNoPurchaseIfAlive(params, rows.x[start] as number, rows.T[start] as number, t));
    for (let i = start; i < end; i++) out[i] = (alive[i] as number) * some;
  }
  return out;
}

/** Cumulative conditional expected purchases per row at each horizon: [row · times.length + k] = E[Y(times[k]) | x, t_x, T]. */
export function paretoNbdConditionalExpectedRowsAt(params: ParetoNbdParams, rows: RfmRows, times: Float64Array): Float64Array {
  const nt = times.length;
  const alive = paretoNbdProbabilityAliveRows(params, rows);
  const out = new Float64Array(rows.count * nt);
  for (let i = 0; i < rows.count; i++) {
    const p = alive[i] as number;
    for (let k = 0; k < nt; k++) out[i * nt + k] = p * paretoNbdExpectedIfAlive(params, rows.x[i] as number, rows.T[i] as number, times[k] as number);
  }
  return out;
}

/** Conditional expected purchases in (T, T+t] of every customer (0 for customers left out). */
export function paretoNbdConditionalExpectedCustomers(params: ParetoNbdParams, rows: RfmRows, t: number): Float64Array {
  return expandRows(rows, paretoNbdConditionalExpectedRowsAt(params, rows, Float64Array.of(t)));
}

/** P(alive) of every customer (0 for customers left out). */
export function paretoNbdProbabilityAliveCustomers(params: ParetoNbdParams, rows: RfmRows): Float64Array {
  return expandRows(rows, paretoNbdProbabilityAliveRows(params, rows));
}

/** Log-likelihood of a single customer. */
export function paretoNbdCustomerLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  return paretoNbdLogLikelihood(params, singleRow(x, tx, T));
}

