/**
 * The levers of a group's plan as the editor shows them: the unit people read (points, per cent,
 * money) and the slider's range, with the factor between what is shown and what the scenario holds
 * (a retention change of 5 points is 0.05 in the scenario).
 */
import { GROUP_LABELS, SCENARIO_STRATEGIES, type GroupPlan, type Grouping, type Levers, type Scenario, type ScenarioStrategy } from '../../../../shared/analytics/whatif';

export type NumericLever = Exclude<keyof Levers, 'dropCustomers'>;

export interface LeverSpec {
  key: NumericLever;
  unit: 'points' | 'percent' | 'money';
  /** Shown value = scenario value × scale. */
  scale: number;
  /** Slider range in shown units (the number box accepts the scenario's whole range). */
  min: number;
  max: number;
  step: number;
  /** The scenario's allowed range, in shown units. */
  limitMin: number;
  limitMax: number;
}

/** Money sliders run to these, in the workspace's currency; the number box goes further. */
export interface MoneyRanges {
  perCustomer: number;
  fixed: number;
}

export function leverSpecs(money: MoneyRanges): LeverSpec[] {
  return [
    { key: 'retentionChange', unit: 'points', scale: 100, min: -20, max: 20, step: 0.5, limitMin: -100, limitMax: 100 },
    { key: 'frequencyChange', unit: 'percent', scale: 100, min: -50, max: 100, step: 1, limitMin: -100, limitMax: 1000 },
    { key: 'spendChange', unit: 'percent', scale: 100, min: -50, max: 100, step: 1, limitMin: -100, limitMax: 1000 },
    { key: 'marginChange', unit: 'points', scale: 100, min: -20, max: 20, step: 0.5, limitMin: -100, limitMax: 100 },
    { key: 'costToServeChange', unit: 'percent', scale: 100, min: -50, max: 100, step: 1, limitMin: -100, limitMax: 1000 },
    { key: 'crossSellUptake', unit: 'percent', scale: 100, min: 0, max: 100, step: 1, limitMin: 0, limitMax: 100 },
    { key: 'campaignCostPerCustomer', unit: 'money', scale: 1, min: 0, max: money.perCustomer, step: niceStep(money.perCustomer), limitMin: 0, limitMax: 1e9 },
    { key: 'campaignCostFixed', unit: 'money', scale: 1, min: 0, max: money.fixed, step: niceStep(money.fixed), limitMin: 0, limitMax: 1e12 },
  ];
}

/** A round number at least `value` (1, 2 or 5 × a power of ten). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

function niceStep(max: number): number {
  return Math.max(0.01, niceCeil(max) / 200);
}

/** Rounds away floating-point noise of shown × scale (0.07 × 100 = 7.000000000000001). */
export const toShown = (value: number, scale: number) => Math.round(value * scale * 1e6) / 1e6;
export const fromShown = (value: number, scale: number) => Math.round((value / scale) * 1e9) / 1e9;

/** The plan a group starts with when a lever is first moved: its own strategy when the group is one, else a custom plan. */
export function defaultStrategy(group: string): ScenarioStrategy {
  return (SCENARIO_STRATEGIES as readonly string[]).includes(group) ? (group as ScenarioStrategy) : 'custom';
}

/** Strategies that let the group go (Terminate/Exit). */
export const DROPPING: readonly ScenarioStrategy[] = ['terminate', 'exit'];

/** The levers of a plan that are not at their neutral value. */
export function leversInUse(plan: GroupPlan | undefined): string[] {
  if (!plan) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(plan)) {
    if (key === 'strategy') continue;
    if (key === 'dropCustomers' ? value === true : typeof value === 'number' && value !== 0) out.push(key);
  }
  return out;
}

export function emptyScenario(grouping: Grouping = 'tier'): Scenario {
  return { grouping, groups: {}, horizonYears: 3, discountRate: null };
}

/** The scenario with one group's plan changed (the plan removed when `plan` is null). */
export function withPlan(scenario: Scenario, group: string, plan: GroupPlan | null): Scenario {
  const groups = { ...scenario.groups };
  if (plan) groups[group] = plan;
  else delete groups[group];
  return { ...scenario, groups };
}

export function setLever(scenario: Scenario, group: string, key: keyof Levers, value: number | boolean): Scenario {
  const plan: GroupPlan = { ...(scenario.groups[group] ?? { strategy: defaultStrategy(group) }) };
  if (value === 0 || value === false) delete plan[key];
  else (plan as unknown as Record<string, number | boolean>)[key] = value;
  return withPlan(scenario, group, plan);
}

export const groupsOf = (grouping: Grouping) => GROUP_LABELS[grouping];
