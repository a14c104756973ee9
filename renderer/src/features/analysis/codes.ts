/**
 * The codes an analysis speaks in (tiers, quadrants, strategies, lifecycle stages, RFM segments,
 * reasons), in the order people read them, with the colour each is drawn in. Their words are in
 * the catalogues under `codes.<kind>.<code>` and `reasons.short|full.<code>`.
 */
import type { CustomerFilter } from '../../../../shared/domain/analysis';

export type Tier = NonNullable<CustomerFilter['tier']>[number];
export type Quadrant = NonNullable<CustomerFilter['quadrant']>[number];
export type Strategy = NonNullable<CustomerFilter['strategy']>[number];
export type LifecycleStage = NonNullable<CustomerFilter['lifecycle']>[number];

// The lists themselves come from the analytics, so the two sides can never disagree.
export { TIERS } from '../../../../shared/analytics/ladder';
export { QUADRANTS } from '../../../../shared/analytics/quadrants';
import { REASONS, type Reason } from '../../../../shared/analytics/strategies';
export { STRATEGIES } from '../../../../shared/analytics/strategies';
export { REASONS, type Reason };
export { LIFECYCLE_STAGES } from '../../../../shared/analytics/lifecycle';
export { RFM_SEGMENTS } from '../../../../shared/analytics/rfm';

/** The kinds of code a customer column can hold, by column key. */
export const CODE_KINDS: Record<string, 'tier' | 'quadrant' | 'strategy' | 'lifecycle' | 'rfmSegment' | 'reason'> = {
  tier: 'tier',
  quadrant: 'quadrant',
  strategy: 'strategy',
  lifecycle: 'lifecycle',
  lifecycleStage: 'lifecycle',
  stage: 'lifecycle',
  rfmSegment: 'rfmSegment',
  segment: 'rfmSegment',
  reason: 'reason',
  strategyReason: 'reason',
};

export const TIER_COLORS: Record<Tier | 'none', string> = { mvc: '#0f766e', mgc: '#2563eb', middle: '#8b98a9', belowZero: '#dc2626', none: '#c4cbd5' };
export const QUADRANT_COLORS: Record<Quadrant, string> = { reward: '#15803d', manage: '#d97706', develop: '#2563eb', exit: '#dc2626' };
export const STRATEGY_COLORS: Record<Strategy, string> = {
  retain: '#0f766e',
  redesign: '#d97706',
  enhance: '#2563eb',
  harvest: '#64748b',
  terminate: '#dc2626',
  winBack: '#7c3aed',
  start: '#0891b2',
};
export const LIFECYCLE_COLORS: Record<LifecycleStage | 'none', string> = {
  new: '#0891b2',
  growing: '#15803d',
  stable: '#2563eb',
  declining: '#d97706',
  lapsed: '#8b98a9',
  wonBack: '#7c3aed',
  none: '#c4cbd5',
};
export const RFM_COLORS: Record<string, string> = {
  champions: '#0f766e',
  loyal: '#15803d',
  potentialLoyalist: '#2563eb',
  new: '#0891b2',
  atRisk: '#d97706',
  cantLose: '#dc2626',
  hibernating: '#8b98a9',
  lost: '#64748b',
};

/** The colour of a code of the given kind (grey when unknown). */
export function codeColor(kind: string, code: string): string {
  const table: Record<string, string> | undefined =
    kind === 'tier' ? TIER_COLORS : kind === 'quadrant' ? QUADRANT_COLORS : kind === 'strategy' ? STRATEGY_COLORS : kind === 'lifecycle' ? LIFECYCLE_COLORS : kind === 'rfmSegment' ? RFM_COLORS : undefined;
  return table?.[code] ?? '#8b98a9';
}

export function isReason(code: unknown): code is Reason {
  return typeof code === 'string' && (REASONS as readonly string[]).includes(code);
}
