/**
 * What-if scenarios as files, contract calls and saved entries: the zod schemas, with a message
 * in words for every bad field. The projection itself is shared/analytics/whatif.ts (no zod there).
 */
import { z } from 'zod';
import {
  BASELINE_CODE_COLUMNS,
  BASELINE_VALUE_COLUMNS,
  GROUP_LABELS,
  GROUPINGS,
  MAX_HORIZON_YEARS,
  SCENARIO_STRATEGIES,
  TORNADO_LEVERS,
  WATERFALL_STEPS,
  type BaselineColumnName,
  type Scenario,
  type WhatIfBaselinePacked,
  type WhatIfResult,
} from '../analytics/whatif';
import { AnalysisSettings } from './settings';

const LEVER_FIELDS = [
  'retentionChange',
  'frequencyChange',
  'spendChange',
  'marginChange',
  'costToServeChange',
  'crossSellUptake',
  'dropCustomers',
  'campaignCostPerCustomer',
  'campaignCostFixed',
] as const;

const list = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/** "is required: …" when the field is missing, else "must be …". */
const needed = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `is required: ${what}` : `must be ${what}`);

/** A number in [min, max]; one message for every way of getting it wrong. */
function range(min: number, max: number, meaning: string) {
  const message = `must be a number from ${min} to ${max}: ${meaning}`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export const GroupPlanSchema = z.strictObject(
  {
    strategy: z.enum(SCENARIO_STRATEGIES, { error: needed(`one of ${list(SCENARIO_STRATEGIES)}`) }),
    retentionChange: range(-1, 1, 'percentage points of yearly retention as a fraction (0.05 = 5 points more)').optional(),
    frequencyChange: range(-1, 10, 'relative change of the number of orders (0.1 = 10 % more orders)').optional(),
    spendChange: range(-1, 10, 'relative change of the spend per order (0.1 = 10 % more)').optional(),
    marginChange: range(-1, 1, 'percentage points of gross margin rate as a fraction (0.02 = 2 points more)').optional(),
    costToServeChange: range(-1, 10, 'relative change of cost to serve (-0.2 = 20 % less)').optional(),
    crossSellUptake: range(0, 1, "the share of the customer's cross-sell potential profit realised per year").optional(),
    dropCustomers: z.boolean({ error: "must be true or false: true lets the group's customers go (Terminate/Exit), with their revenue and their costs" }).optional(),
    campaignCostPerCustomer: range(0, 1e9, 'campaign cost per customer of the group, spent once at the start').optional(),
    campaignCostFixed: range(0, 1e12, 'campaign cost for the group as a whole, spent once at the start').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `is not a field of a group's plan: use "strategy" and the levers ${list(LEVER_FIELDS)}`
        : 'must be an object: { "strategy": …, and levers such as "retentionChange": 0.05 }',
  },
);

export const ScenarioSchema = z
  .strictObject(
    {
      grouping: z.enum(GROUPINGS, { error: needed(`one of ${list(GROUPINGS)}: what the plans are given for`) }),
      groups: z.record(z.string(), GroupPlanSchema, { error: needed('an object with a plan per group, e.g. { "mvc": { "strategy": "retain", "retentionChange": 0.05 } }') }),
      horizonYears: z
        .number({ error: `must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}` })
        .int({ error: `must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}` })
        .min(1, { error: `must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}` })
        .max(MAX_HORIZON_YEARS, { error: `must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}` })
        .optional(),
      discountRate: range(0, 1, "the yearly discount rate as a fraction (0.1 = 10 %); null or left out: the analysis' rate").nullable().optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `is not a field of a scenario: use "grouping", "groups", "horizonYears" and "discountRate"`
          : 'must be an object: { "grouping": "tier", "groups": { … }, "horizonYears": 3 }',
    },
  )
  .superRefine((scenario, context) => {
    for (const error of unknownGroups(scenario)) context.addIssue({ code: 'custom', path: ['groups', error.group], message: error.message });
  });

/** Plans for groups the grouping does not have. */
function unknownGroups(scenario: { grouping: unknown; groups: unknown }): { group: string; message: string }[] {
  const grouping = GROUPINGS.find((name) => name === scenario.grouping);
  if (!grouping || typeof scenario.groups !== 'object' || scenario.groups === null) return [];
  const labels = GROUP_LABELS[grouping];
  return Object.keys(scenario.groups)
    .filter((key) => !labels.includes(key))
    .map((group) => ({ group, message: `is not a ${grouping}: use ${list(labels)}` }));
}

// The schema's output is a Scenario as the projection reads it.
export type _ScenarioMatches = z.output<typeof ScenarioSchema> extends Scenario ? true : never;
const _scenarioMatches: _ScenarioMatches = true;
void _scenarioMatches;

export interface ScenarioError {
  /** Where, e.g. "groups.mvc.retentionChange"; "(scenario)" for the whole. */
  path: string;
  message: string;
}

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Checks a scenario (parsed JSON): the scenario, or one error per bad field. */
export function validateScenario(json: unknown): ScenarioValidation {
  const parsed = ScenarioSchema.safeParse(json);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const errors: ScenarioError[] = [];
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
    for (const key of keys) {
      const path = [...issue.path.map(String), ...(key === null ? [] : [key])];
      errors.push({ path: path.join('.') || '(scenario)', message: issue.message });
    }
  }
  // Group names are checked once the rest parses: say now which are wrong (instead of what is inside them).
  let result = errors;
  if (typeof json === 'object' && json !== null) {
    for (const { group, message } of unknownGroups(json as { grouping: unknown; groups: unknown })) {
      const path = `groups.${group}`;
      result = result.filter((error) => error.path !== path && !error.path.startsWith(`${path}.`));
      result.push({ path, message });
    }
  }
  return { ok: false, errors: result };
}

// ---------------------------------------------------------------------------------------------
// Contract shapes

export const ScenarioName = z.string().trim().min(1, { error: 'A scenario needs a name.' }).max(120, { error: 'A scenario name has at most 120 characters.' });

export const SavedScenario = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Included in the report. */
  forReport: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  scenario: ScenarioSchema,
});
export type SavedScenario = z.infer<typeof SavedScenario>;

/** A column as base64 of its typed array's bytes (see WhatIfBaselinePacked). */
const packed = z.string();
const baselineColumns = Object.fromEntries([...BASELINE_CODE_COLUMNS, ...BASELINE_VALUE_COLUMNS].map((name) => [name, packed])) as Record<BaselineColumnName, typeof packed>;

/** The baseline of the latest analysis, as whatif.ts reads it (baselineFromPacked), with where it came from. */
export const WhatIfBaselineReply = z.object({
  runId: z.number().int(),
  createdAt: z.string(),
  asOf: z.string(),
  /** The data changed since the analysis. */
  stale: z.boolean(),
  settings: AnalysisSettings,
  /** The analysis' outlook engine (outlook.ts): a fitted model, the observed retention of each group, or the monthly churn. */
  engine: z.enum(['model', 'observed', 'churn']),
  /** The yearly retention of the customers still buying, weighted by their chance to be. */
  yearlyRetention: z.number(),
  windowMonths: z.number().int(),
  discountRate: z.number(),
  customers: z.number().int(),
  labels: z.object({ tier: z.array(z.string()), quadrant: z.array(z.string()), strategy: z.array(z.string()) }),
  columns: z.object(baselineColumns),
});
export type WhatIfBaselineReply = z.infer<typeof WhatIfBaselineReply>;
export type _BaselineMatches = WhatIfBaselineReply extends WhatIfBaselinePacked ? true : never;
const _baselineMatches: _BaselineMatches = true;
void _baselineMatches;

const Year = z.object({ revenue: z.number(), grossMargin: z.number(), costToServe: z.number(), contribution: z.number(), customers: z.number() });
const Totals = z.object({ revenue: z.number(), grossMargin: z.number(), costToServe: z.number(), contribution: z.number(), customerEquity: z.number(), campaignCost: z.number(), profit: z.number() });
const Strategy = z.enum(SCENARIO_STRATEGIES);

export const WhatIfResultSchema = z.object({
  grouping: z.enum(GROUPINGS),
  horizonYears: z.number().int(),
  discountRate: z.number(),
  customers: z.number().int(),
  baseline: Totals,
  scenario: Totals,
  delta: z.object({
    profit: z.number(),
    profitPercent: z.number().nullable(),
    customerEquity: z.number(),
    customerEquityPercent: z.number().nullable(),
    revenue: z.number(),
    campaignCost: z.number(),
  }),
  years: z.array(z.object({ year: z.number().int(), discountFactor: z.number(), baseline: Year, scenario: Year })),
  groups: z.array(
    z.object({
      group: z.string(),
      strategy: Strategy.nullable(),
      dropped: z.boolean(),
      customers: z.number(),
      analysisFutureProfit: z.number(),
      baselineEquity: z.number(),
      scenarioEquity: z.number(),
      incrementalProfit: z.number(),
      campaignCost: z.number(),
      netIncrement: z.number(),
      roi: z.number().nullable(),
    }),
  ),
  strategies: z.array(
    z.object({ strategy: Strategy, groups: z.array(z.string()), customers: z.number(), incrementalProfit: z.number(), campaignCost: z.number(), netIncrement: z.number(), roi: z.number().nullable() }),
  ),
  tiersAtEnd: z.array(z.object({ tier: z.string(), customers: z.number(), aliveAtStart: z.number(), baseline: z.number(), scenario: z.number() })),
  waterfall: z.object({ baseline: z.number(), steps: z.array(z.object({ lever: z.enum(WATERFALL_STEPS), change: z.number(), profit: z.number() })), scenario: z.number() }),
  tornado: z.array(
    z.object({
      group: z.string(),
      lever: z.enum(TORNADO_LEVERS),
      value: z.number(),
      basis: z.enum(['relative', 'step']),
      low: z.object({ value: z.number(), change: z.number() }),
      high: z.object({ value: z.number(), change: z.number() }),
      swing: z.number(),
    }),
  ),
});
// The projection's result fits the contract's schema.
export type _ResultMatches = WhatIfResult extends z.output<typeof WhatIfResultSchema> ? true : never;
const _resultMatches: _ResultMatches = true;
void _resultMatches;
