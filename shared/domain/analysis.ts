import { z } from 'zod';
import { AnalysisSettings } from './settings';

const Money = z.number();
const Cell = z.object({ customers: z.number().int(), profit: Money });
const Point = z.object({ x: z.number(), y: z.number() });
const Migration = z.object({ from: z.string(), labels: z.array(z.string()), matrix: z.array(z.array(z.number().int())) });

/** The summary of an analysis as the contract carries it (shared/analytics/analyze.ts computes it). */
export const AnalysisSummarySchema = z.object({
  asOf: z.string(),
  customers: z.number().int(),
  revenue: Money,
  profit: Money,
  customerEquity: Money,
  activeCustomers: z.number().int(),
  activeShare: z.number(),
  churnRate: z.number().nullable(),
  ampu: Money,
  simpleLtv: Money.nullable(),
  inactivityDays: z.number(),
  futureSource: z.string(),
  ladder: z.object({ mvc: Cell, mgc: Cell, middle: Cell, belowZero: Cell }),
  paretoShare: z.number(),
  gini: z.number(),
  whaleCurve: z.array(Point),
  whalePeak: Point,
  quadrants: z.object({
    reward: Cell.extend({ futureProfit: Money }),
    manage: Cell.extend({ futureProfit: Money }),
    develop: Cell.extend({ futureProfit: Money }),
    exit: Cell.extend({ futureProfit: Money }),
  }),
  strategies: z.object({ retain: z.number().int(), redesign: z.number().int(), enhance: z.number().int(), harvest: z.number().int(), terminate: z.number().int(), winBack: z.number().int(), start: z.number().int() }),
  rfmSegments: z.record(z.string(), z.number().int()),
  channels: z.array(
    z.object({ channel: z.string(), customers: z.number().int(), cac: Money.nullable(), ltv: Money, ltvToCac: z.number().nullable(), paybackMonths: z.number().nullable(), spend: Money }),
  ),
  churnByMonth: z.array(z.object({ month: z.string(), active: z.number(), lost: z.number(), rate: z.number().nullable() })),
  equityTrend: z.array(z.object({ asOf: z.string(), equity: Money, customers: z.number().int() })),
  ladderMigration: Migration,
  cohorts: z.object({
    period: z.enum(['month', 'quarter']),
    labels: z.array(z.string()),
    periodIndex: z.array(z.number().int()),
    size: z.array(z.number().int()),
    active: z.array(z.array(z.number())),
    retention: z.array(z.array(z.number())),
    revenue: z.array(z.array(z.number())),
    revenuePerCustomer: z.array(z.array(z.number())),
    margin: z.array(z.array(z.number())),
    marginPerCustomer: z.array(z.array(z.number())),
    cumulativeMarginPerCustomer: z.array(z.array(z.number())),
    lastPeriodComplete: z.boolean(),
    averageRetention: z.array(z.number()),
    lifetime: z.object({
      customers: z.number().int(),
      inactivityDays: z.number(),
      observedMeanDays: z.number(),
      observedMeanYears: z.number(),
      survivalMeanDays: z.number(),
      survivalMeanYears: z.number(),
      survivalHorizonDays: z.number(),
      survivalAtHorizon: z.number(),
      survival: z.array(z.number()),
    }),
  }),
  lifecycle: z.record(z.string(), z.number().int()),
  lifecycleMigration: Migration,
});

export const AnalysisRun = z.object({
  runId: z.number().int().nullable(),
  createdAt: z.string(),
  /** The data changed since this analysis was made. */
  stale: z.boolean(),
  settings: AnalysisSettings,
  summary: AnalysisSummarySchema,
  durationMs: z.number(),
  timings: z.array(z.object({ stage: z.string(), ms: z.number() })),
  computedStages: z.array(z.string()),
});
export type AnalysisRun = z.infer<typeof AnalysisRun>;
