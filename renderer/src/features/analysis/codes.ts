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
import { LIFECYCLE_COLORS, QUADRANT_COLORS, RFM_COLORS, STRATEGY_COLORS, TIER_COLORS } from '../../../../shared/domain/colors';
export { LIFECYCLE_COLORS, QUADRANT_COLORS, RFM_COLORS, STRATEGY_COLORS, TIER_COLORS };

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

/** The colour of a code of the given kind (grey when unknown). */
export function codeColor(kind: string, code: string): string {
  const table: Record<string, string> | undefined =
    kind === 'tier' ? TIER_COLORS : kind === 'quadrant' ? QUADRANT_COLORS : kind === 'strategy' ? STRATEGY_COLORS : kind === 'lifecycle' ? LIFECYCLE_COLORS : kind === 'rfmSegment' ? RFM_COLORS : undefined;
  return table?.[code] ?? '#8b98a9';
}

export function isReason(code: unknown): code is Reason {
  return typeof code === 'string' && (REASONS as readonly string[]).includes(code);
}
