import { z } from 'zod';

/**
 * The analysis settings of a workspace, with their defaults — the one place where a "default"
 * of DOMAIN.md is written down. Saved with the workspace; every analysis records the settings
 * that produced it.
 */
export const AnalysisSettings = z
  .object({
    /** Analysis date (ISO); null means the last transaction date. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
    /** "Current profit" is contribution over this many months before the analysis date. */
    currentWindowMonths: z.number().int().min(1).max(60).default(12),
    /** Gross margin as a share of revenue where the data has no cost of goods. */
    defaultMarginRate: z.number().min(0).max(1).default(0.3),
    /** Cost to serve added per order, on top of the service costs table. */
    costPerOrder: z.number().min(0).default(0),
    /** MVC: the top customers who together bring this share of positive profit. */
    mvcProfitShare: z.number().gt(0).max(1).default(0.8),
    /** MGC: this share of the remaining profitable customers, by growth potential. */
    mgcShare: z.number().min(0).max(1).default(0.2),
    /** Inactivity window in days; null derives it from the data (a percentile of inter-purchase gaps). */
    inactivityDays: z.number().int().min(1).max(3650).nullable().default(null),
    inactivityPercentile: z.number().min(0.5).max(0.99).default(0.9),
    /** Use the latest fitted lifetime-value model for future profit (else the simple projection). */
    useModel: z.boolean().default(true),
    /** Future profit and CLV horizon. */
    horizonMonths: z.number().int().min(1).max(120).default(12),
    /** Yearly discount rate for CLV. */
    discountRateYearly: z.number().min(0).max(1).default(0.1),
    /**
     * Current × future quadrant thresholds (profit over the window / the horizon). The future one,
     * null, is the average profit of one order in the current window: a customer expected to bring
     * less than one more order's profit is not profitable in the future.
     */
    currentThreshold: z.number().default(0),
    futureThreshold: z.number().nullable().default(null),
    cohortPeriod: z.enum(['month', 'quarter']).default('month'),
    /** Cross-sell: the segments compared, and whether products or categories make the profile. */
    crossSellSegment: z.enum(['tier', 'region', 'industry']).default('tier'),
    crossSellLevel: z.enum(['category', 'product']).default('category'),
    /** An item belongs to a segment's ideal profile when this share of its best customers buys it. */
    idealProfileAdoption: z.number().gt(0).max(1).default(0.5),
    /** Contact plan: call this many days before the expected next purchase, at most `contactCap` times in `contactCapYears`. */
    contactLeadDays: z.number().int().min(0).max(365).default(7),
    contactCap: z.number().int().min(1).max(1000).default(36),
    contactCapYears: z.number().min(0.25).max(10).default(3),
    /** Migration tables compare with the analysis this many months earlier. */
    comparisonMonths: z.number().int().min(1).max(36).default(3),
    /** How money is shown: an ISO 4217 code, or null for plain numbers. */
    currency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
    /** The report's cover: the client's name, the author, and a logo image file (PNG, JPEG, WebP or SVG); null: none given. */
    reportClient: z.string().trim().max(200).nullable().default(null),
    reportAuthor: z.string().trim().max(200).nullable().default(null),
    reportLogoPath: z.string().max(4096).nullable().default(null),
  })
  .strict();
export type AnalysisSettings = z.infer<typeof AnalysisSettings>;

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = AnalysisSettings.parse({});
