/**
 * The colour of each tier, quadrant, strategy, lifecycle stage and RFM segment: one palette for
 * the app's screens and the PDF report, so that a client sees Reward in the same green in both.
 */
import type { CustomerFilter } from './analysis';

type Tier = NonNullable<CustomerFilter['tier']>[number];
type Quadrant = NonNullable<CustomerFilter['quadrant']>[number];
type Strategy = NonNullable<CustomerFilter['strategy']>[number];
type LifecycleStage = NonNullable<CustomerFilter['lifecycle']>[number];

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
