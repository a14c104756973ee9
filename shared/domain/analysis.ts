import { z } from 'zod';
import { AnalysisSettings } from './settings';

const Money = z.number();
const Cell = z.object({ customers: z.number().int(), profit: Money });
const Point = z.object({ x: z.number(), y: z.number() });
const Migration = z.object({ from: z.string(), labels: z.array(z.string()), matrix: z.array(z.array(z.number().int())) });

/** How the analysis' forward-looking numbers were made (shared/analytics/outlook.ts), and what they add up to. */
export const OutlookSchema = z.object({
  engine: z.enum(['model', 'observed', 'churn']),
  horizonMonths: z.number().int(),
  model: z
    .object({
      origin: z.enum(['fit', 'automatic']),
      fitId: z.number().int().nullable(),
      model: z.enum(['bgnbd', 'pareto-nbd']),
      unit: z.enum(['day', 'week', 'month']),
      params: z.record(z.string(), z.number()),
      spend: z.record(z.string(), z.number()),
      customers: z.number().int().nullable(),
      repeatCustomers: z.number().int().nullable(),
    })
    .nullable(),
  noModel: z.enum(['turnedOff', 'fewRepeat', 'shortHistory', 'notConverged']).nullable(),
  observed: z
    .object({
      from: z.string(),
      months: z.number().int(),
      groups: z.array(
        z.object({
          value: z.enum(['mvc', 'other', 'belowZero']),
          active: z.boolean(),
          customers: z.number().int(),
          rates: z.enum(['own', 'activity', 'everyone']),
          retained: z.number(),
          ordersRatio: z.number(),
          revenueRatio: z.number(),
        }),
      ),
    })
    .nullable(),
  projected: z.object({ activeCustomers: z.number(), purchases: z.number(), revenue: Money, profit: Money }),
});

/** The summary of an analysis as the contract carries it (shared/analytics/analyze.ts computes it). */
export const AnalysisSummarySchema = z.object({
  asOf: z.string(),
  customers: z.number().int(),
  revenue: Money,
  profit: Money,
  /** Cost to serve of the current window (service costs + cost per order): 0 when the data says nothing of it. */
  costToServe: Money,
  customerEquity: Money,
  activeCustomers: z.number().int(),
  activeShare: z.number(),
  churnRate: z.number().nullable(),
  ampu: Money,
  simpleLtv: Money.nullable(),
  inactivityDays: z.number(),
  outlook: OutlookSchema,
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
  thresholds: z.object({ current: Money, future: Money, orderProfit: Money }),
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
  crossSell: z.object({
    level: z.enum(['category', 'product']),
    segmentBy: z.enum(['tier', 'region', 'industry']),
    segments: z.array(
      z.object({
        segment: z.string(),
        buyers: z.number().int(),
        typicalProfit: z.number().nullable(),
        ideal: z.array(z.object({ label: z.string(), adoption: z.number(), margin: z.number(), score: z.number() })),
      }),
    ),
    customersWithGaps: z.number().int(),
    potentialProfit: z.number(),
    offers: z.number().int(),
    itemLabels: z.array(z.string()),
  }),
  lookalike: z.object({
    entries: z.array(
      z.object({ attribute: z.string(), label: z.string(), customers: z.number().int(), top: z.number().int(), shareTop: z.number(), shareAll: z.number(), lift: z.number(), supported: z.boolean() }),
    ),
    prospects: z.number().int(),
    startProspects: z.number().int(),
    threshold: z.number(),
  }),
  contacts: z.object({ planned: z.number().int(), customers: z.number().int(), horizonDays: z.number().int(), minSpacingDays: z.number() }),
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

/** Filters of the customers grid and of exports; each list keeps customers whose code is in it. */
export const CustomerFilter = z
  .object({
    tier: z.array(z.enum(['mvc', 'mgc', 'middle', 'belowZero'])).optional(),
    quadrant: z.array(z.enum(['reward', 'manage', 'develop', 'exit'])).optional(),
    strategy: z.array(z.enum(['retain', 'redesign', 'enhance', 'harvest', 'terminate', 'winBack', 'start'])).optional(),
    rfmSegment: z.array(z.string().max(40)).max(20).optional(),
    lifecycle: z.array(z.enum(['new', 'growing', 'stable', 'declining', 'lapsed', 'wonBack'])).optional(),
    active: z.boolean().optional(),
    /** Part of the customer id or name, any case. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type CustomerFilter = z.infer<typeof CustomerFilter>;

export const CustomerColumn = z.object({
  key: z.string(),
  type: z.enum(['text', 'code', 'money', 'number', 'integer', 'date', 'share', 'boolean']),
});

export const CustomerPage = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  columns: z.array(CustomerColumn),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  total: z.number().int(),
  offset: z.number().int(),
});
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CustomerDetail = z.object({
  customer: z.string(),
  name: z.string().nullable(),
  /** Column key → value, as in the customers grid. */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The reason's numbers (see describeReason), for writing it in the person's language. */
  reasonValues: z.record(z.string(), z.number()),
  /** Medians of the customer's tier for the same columns, for comparison. */
  tierMedians: z.record(z.string(), z.number()),
  orders: z.array(z.object({ date: z.string(), amount: z.number(), margin: z.number(), lines: z.number().int() })),
  missingItems: z.array(z.object({ item: z.string(), rank: z.number().int(), score: z.number() })),
  nextContact: z.string().nullable(),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const EXPORT_LISTS = ['customers', 'crosssell', 'contacts', 'contactsCalendar', 'clv'] as const;
export const ExportList = z.enum(EXPORT_LISTS);
export type ExportList = z.infer<typeof ExportList>;
