/**
 * Unconstrained minimisation for the model fits: BFGS with a strong-Wolfe line search
 * (Nocedal & Wright, Algorithms 3.5–3.6 with safeguarded cubic interpolation), a multi-start
 * driver, and the numerical Hessian (central differences of the analytic gradient) used for
 * standard errors. The models optimise over log-parameters, so every coordinate is unbounded.
 */

/** f(x) to minimise; fills `grad` with ∇f(x). May return a non-finite value where f is undefined. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Settings of a BFGS run. */
export interface MinimizeOptions {
  /** Stop when ‖∇f‖∞ ≤ this (f is a mean over customers, so this is per customer). */
  gradientTolerance: number;
  maxIterations: number;
  /** A coordinate beyond ±maxAbs means a parameter runs off to 0 or ∞ (log scale): stop. */
  maxAbs: number;
  /** Largest change of any coordinate in one step (log scale: 3 ≈ a factor of 20). */
  maxStep: number;
  /** Names of the coordinates, for reasons in words. */
  names: readonly string[];
}

/** Where a BFGS run ended and why. */
export interface MinimizeResult {
  x: Float64Array;
  f: number;
  grad: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it did not converge, in words; null when it did. */
  reason: string | null;
  /** The final BFGS approximation of the inverse Hessian (row-major), to continue from. */
  inverseHessian: Float64Array;
  /** Whether inverseHessian holds curvature information (at least one update). */
  curvature: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] as number) * (v[i] as number);
  return s;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN when it has none. */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

interface LineState {
  x0: Float64Array;
  p: Float64Array;
  xt: Float64Array;
  gt: Float64Array;
  f0: number;
  d0: number;
  evaluations: number;
}

function evalAt(fn: Objective, s: LineState, alpha: number): { f: number; d: number } {
  const n = s.x0.length;
  for (let i = 0; i < n; i++) s.xt[i] = (s.x0[i] as number) + alpha * (s.p[i] as number);
  s.evaluations++;
  const f = fn(s.xt, s.gt);
  if (!Number.isFinite(f)) return { f: Number.POSITIVE_INFINITY, d: Number.NaN };
  const d = dot(s.gt, s.p);
  return { f, d: Number.isFinite(d) ? d : Number.NaN };
}

/**
 * Strong-Wolfe line search along p from x0; on success s.xt/s.gt hold the accepted point and its
 * gradient and the return value is f there; null when no acceptable step was found.
 */
function lineSearch(fn: Objective, s: LineState, alphaInit: number, alphaMax: number): { alpha: number; f: number } | null {
  // Decreases below this are indistinguishable from rounding in f (approximate Wolfe).
  const slack = 1e-14 * Math.abs(s.f0);
  let aPrev = 0;
  let fPrev = s.f0;
  let dPrev = s.d0;
  let alpha = Math.min(alphaInit, alphaMax);
  for (let i = 0; i < 40; i++) {
    const { f, d } = evalAt(fn, s, alpha);
    if (!Number.isFinite(f) || !Number.isFinite(d) || f > s.f0 + C1 * alpha * s.d0 + slack || (i > 0 && f >= fPrev)) {
      return zoom(fn, s, aPrev, fPrev, dPrev, alpha, f, d, slack);
    }
    if (Math.abs(d) <= -C2 * s.d0) return { alpha, f };
    if (d >= 0) return zoom(fn, s, alpha, f, d, aPrev, fPrev, dPrev, slack);
    if (alpha >= alphaMax) return { alpha, f };
    aPrev = alpha;
    fPrev = f;
    dPrev = d;
    alpha = Math.min(2 * alpha, alphaMax);
  }
  return null;
}

function zoom(fn: Objective, s: LineState, lo: number, fLo: number, dLo: number, hi: number, fHi: number, dHi: number, slack: number): { alpha: number; f: number } | null {
  let best: { alpha: number; f: number } | null = null;
  for (let j = 0; j < 40; j++) {
    const width = hi - lo;
    if (Math.abs(width) < 1e-14 * Math.max(1, Math.abs(lo))) break;
    let a = Number.isFinite(fHi) && Number.isFinite(dHi) ? cubicMin(lo, fLo, dLo, hi, fHi, dHi) : Number.NaN;
    const lowEnd = Math.min(lo, hi) + 0.1 * Math.abs(width);
    const highEnd = Math.max(lo, hi) - 0.1 * Math.abs(width);
    if (!Number.isFinite(a) || a < lowEnd || a > highEnd) a = lo + 0.5 * width;
    const { f, d } = evalAt(fn, s, a);
    if (!Number.isFinite(f) || !Number.isFinite(d) || f > s.f0 + C1 * a * s.d0 + slack || f >= fLo) {
      hi = a;
      fHi = f;
      dHi = d;
    } else {
      if (Math.abs(d) <= -C2 * s.d0) return { alpha: a, f };
      // Sufficient decrease holds here: remember it in case the curvature condition never does.
      best = { alpha: a, f };
      if (d * (hi - lo) >= 0) {
        hi = lo;
        fHi = fLo;
        dHi = dLo;
      }
      lo = a;
      fLo = f;
      dLo = d;
    }
  }
  if (best) {
    // Re-evaluate so that s.xt / s.gt describe the returned point.
    const { f } = evalAt(fn, s, best.alpha);
    return { alpha: best.alpha, f };
  }
  return null;
}

/** BFGS from x0, optionally continuing from an inverse-Hessian approximation of an earlier run. */
export function minimizeBfgs(fn: Objective, x0: ArrayLike<number>, options: MinimizeOptions, initialInverseHessian?: Float64Array): MinimizeResult {
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const h = new Float64Array(n * n);
  const p = new Float64Array(n);
  const sVec = new Float64Array(n);
  const yVec = new Float64Array(n);
  const hy = new Float64Array(n);
  const state: LineState = { x0: x, p, xt: new Float64Array(n), gt: new Float64Array(n), f0: 0, d0: 0, evaluations: 1 };
  const resetH = (scale: number): void => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = scale;
  };
  let freshH = true;
  if (initialInverseHessian && initialInverseHessian.length === n * n) {
    h.set(initialInverseHessian);
    freshH = false;
  } else resetH(1);
  let f = fn(x, g);
  const result = (converged: boolean, reason: string | null, iterations: number): MinimizeResult => ({
    x, f, grad: g, iterations, evaluations: state.evaluations, converged, reason, inverseHessian: h, curvature: !freshH,
  });
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) return result(false, 'the likelihood cannot be evaluated at the starting point', 0);
  let stalls = 0;
  for (let iter = 0; iter < options.maxIterations; iter++) {
    const gNorm = maxAbs(g);
    if (gNorm <= options.gradientTolerance) return result(true, null, iter);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc -= (h[i * n + j] as number) * (g[j] as number);
      p[i] = acc;
    }
    let d0 = dot(g, p);
    if (!(d0 < 0)) {
      resetH(1);
      freshH = true;
      for (let i = 0; i < n; i++) p[i] = -(g[i] as number);
      d0 = dot(g, p);
    }
    const pNorm = maxAbs(p);
    const alphaMax = options.maxStep / pNorm;
    const alphaInit = freshH ? Math.min(1, 1 / pNorm) : 1;
    state.f0 = f;
    state.d0 = d0;
    const step = lineSearch(fn, state, alphaInit, alphaMax);
    if (!step) {
      if (!freshH) {
        resetH(1);
        freshH = true;
        continue;
      }
      if (gNorm <= 1e3 * options.gradientTolerance) return result(true, null, iter);
      return result(false, `the line search could not improve the likelihood (gradient norm ${gNorm.toExponential(2)}): the likelihood is flat or not smooth near this point`, iter);
    }
    for (let i = 0; i < n; i++) {
      sVec[i] = (state.xt[i] as number) - (x[i] as number);
      yVec[i] = (state.gt[i] as number) - (g[i] as number);
    }
    const fOld = f;
    x.set(state.xt);
    g.set(state.gt);
    f = step.f;
    stalls = Math.abs(fOld - f) <= 1e-15 * Math.max(1, Math.abs(f)) ? stalls + 1 : 0;
    if (stalls >= 3) {
      const gn = maxAbs(g);
      if (gn <= 1e3 * options.gradientTolerance) return result(true, null, iter + 1);
      return result(false, `the likelihood stopped improving (gradient norm ${gn.toExponential(2)}): it is flat in some direction`, iter + 1);
    }
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      if (Math.abs(xi) > options.maxAbs) {
        const name = options.names[i] ?? `parameter ${i + 1}`;
        return result(false, `${name} runs off to ${xi > 0 ? 'infinity' : 'zero'}: the data do not pin the model down (too few repeat purchases, or all customers alike)`, iter + 1);
      }
    }
    const sy = dot(sVec, yVec);
    if (sy > 1e-12 * Math.sqrt(dot(sVec, sVec) * dot(yVec, yVec))) {
      if (freshH) {
        resetH(sy / dot(yVec, yVec));
        freshH = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += (h[i * n + j] as number) * (yVec[j] as number);
        hy[i] = acc;
      }
      const yhy = dot(yVec, hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = sVec[i] as number;
          const sj = sVec[j] as number;
          h[i * n + j] = (h[i * n + j] as number) - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
        }
      }
    }
  }
  const gn = maxAbs(g);
  if (gn <= options.gradientTolerance) return result(true, null, options.maxIterations);
  return result(false, `no convergence after ${options.maxIterations} iterations (gradient norm ${gn.toExponential(2)})`, options.maxIterations);
}

/** One starting point of a multi-start run. */
export interface StartOutcome {
  /** The starting point, on the natural scale of the parameters. */
  start: number[];
  /** The log-likelihood reached from it in the screening phase. */
  logLikelihood: number;
}

/** A multi-start run: the final BFGS result and every start's screening outcome. */
export interface MultiStartResult extends MinimizeResult {
  starts: StartOutcome[];
}

/**
 * Several starting points: each is run for `screenIterations` BFGS iterations, the best one is
 * then run to convergence. `toLogLikelihood` turns f into the log-likelihood for the report.
 */
export function minimizeMultiStart(
  fn: Objective,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions,
  screenIterations: number,
  toLogLikelihood: (f: number) => number,
): MultiStartResult {
  const outcomes: StartOutcome[] = [];
  let best: MinimizeResult | null = null;
  let evaluations = 0;
  let iterations = 0;
  for (const start of starts) {
    const x0 = start.map(Math.log);
    const screened = minimizeBfgs(fn, x0, { ...options, maxIterations: screenIterations });
    evaluations += screened.evaluations;
    outcomes.push({ start: [...start], logLikelihood: Number.isFinite(screened.f) ? toLogLikelihood(screened.f) : Number.NEGATIVE_INFINITY });
    if (Number.isFinite(screened.f) && (!best || screened.f < best.f)) {
      best = screened;
      iterations = screened.iterations;
    }
  }
  if (!best) {
    const x = Float64Array.from((starts[0] ?? []).map(Math.log));
    return { x, f: Number.NaN, grad: new Float64Array(x.length), iterations: 0, evaluations, converged: false, reason: 'the likelihood cannot be evaluated at any starting point', inverseHessian: new Float64Array(x.length * x.length), curvature: false, starts: outcomes };
  }
  // A screening run that stopped for a reason other than its iteration budget keeps that reason.
  const stoppedEarly = best.converged || (best.reason !== null && !best.reason.startsWith('no convergence after'));
  let final = best;
  if (!stoppedEarly) {
    // Continue from the best point with the inverse of a finite-difference Hessian (n gradient
    // evaluations) when it is positive definite: near the optimum this needs only a few steps.
    const n = best.x.length;
    const hess = numericalHessian(fn, best.x, 1e-5, best.grad);
    evaluations += n;
    const inverse = invertSpd(hess, n);
    final = minimizeBfgs(fn, best.x, options, inverse ?? (best.curvature ? best.inverseHessian : undefined));
    evaluations += final.evaluations;
    iterations += final.iterations;
  }
  return { ...final, iterations, evaluations, starts: outcomes };
}

/**
 * Hessian of f by differences of its gradient (step h in each coordinate), symmetrised: central
 * differences (2n gradient evaluations) or, given the gradient at x, forward differences (n).
 * Returns a row-major n × n array; non-finite entries when f cannot be evaluated nearby.
 */
export function numericalHessian(fn: Objective, x: Float64Array, h = 1e-4, gradientAtX?: Float64Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(n * n);
  const gPlus = new Float64Array(n);
  const gMinus = new Float64Array(n);
  const xt = Float64Array.from(x);
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    xt[j] = xj + h;
    fn(xt, gPlus);
    if (gradientAtX) {
      gMinus.set(gradientAtX);
    } else {
      xt[j] = xj - h;
      fn(xt, gMinus);
    }
    xt[j] = xj;
    const step = gradientAtX ? h : 2 * h;
    for (let i = 0; i < n; i++) out[i * n + j] = ((gPlus[i] as number) - (gMinus[i] as number)) / step;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * ((out[i * n + j] as number) + (out[j * n + i] as number));
      out[i * n + j] = m;
      out[j * n + i] = m;
    }
  }
  return out;
}

/** Inverse of a symmetric positive-definite n × n matrix (Cholesky); null when it is not positive definite. */
export function invertSpd(m: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / (l[j * n + j] as number);
      }
    }
  }
  // inv = L⁻ᵀ L⁻¹: invert L column by column.
  const li = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (li[k * n + c] as number);
      li[i * n + c] = s / (l[i * n + i] as number);
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (li[k * n + i] as number) * (li[k * n + j] as number);
      inv[i * n + j] = s;
    }
  }
  return inv;
}

/**
 * Standard errors on the natural scale from the Hessian of the mean objective f = −LL/W in
 * log-parameters φ (forward differences of the gradient when it is given at φ, else central): Cov(φ) = (W · ∇²f)⁻¹, and by the delta method SE(θᵢ) = θᵢ √Cov(φ)ᵢᵢ.
 * Null entries when the Hessian is not positive definite (a parameter is not identified).
 */
export function standardErrorsFromLogHessian(fn: Objective, phi: Float64Array, totalWeight: number, gradientAtPhi?: Float64Array): { se: (number | null)[]; positiveDefinite: boolean } {
  const n = phi.length;
  const hess = gradientAtPhi ? numericalHessian(fn, phi, 1e-5, gradientAtPhi) : numericalHessian(fn, phi);
  for (let i = 0; i < n * n; i++) hess[i] = (hess[i] as number) * totalWeight;
  const cov = invertSpd(hess, n);
  if (!cov) return { se: new Array<number | null>(n).fill(null), positiveDefinite: false };
  const se: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const v = cov[i * n + i] as number;
    const value = Math.exp(phi[i] as number) * Math.sqrt(v);
    se.push(Number.isFinite(value) ? value : null);
  }
  return { se, positiveDefinite: true };
}
