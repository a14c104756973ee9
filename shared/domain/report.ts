import { z } from 'zod';
import { Locale } from './app-settings';

/**
 * The PDF report a consultant hands to a client: which sections it has, its page size, and what
 * making one returns. The analyst chooses the sections; they always appear in this order.
 */
export const REPORT_SECTIONS = ['cover', 'summary', 'ladder', 'strategies', 'clv', 'channels', 'cohorts', 'whatif', 'actions', 'methods'] as const;
export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

export const REPORT_PAGE_SIZES = ['A4', 'Letter'] as const;
export const ReportPageSize = z.enum(REPORT_PAGE_SIZES);
export type ReportPageSize = z.infer<typeof ReportPageSize>;

/** A name on the cover (client, author): one line of plain text. */
const CoverText = z.string().trim().max(200).regex(/^[^\r\n]*$/, 'One line of text.');

export const ReportRequest = z
  .object({
    /** Where the PDF is written (replaced when it exists). */
    path: z.string().trim().min(1, 'A file path is required.').max(4096),
    locale: Locale,
    sections: z.array(ReportSection).min(1, 'Choose at least one section.').max(REPORT_SECTIONS.length),
    pageSize: ReportPageSize,
    /** Client and author on the cover; the workspace's report settings (else its name) when not given. */
    client: CoverText.optional(),
    author: CoverText.optional(),
  })
  .strict();
export type ReportRequest = z.infer<typeof ReportRequest>;

export const ReportResult = z.object({ path: z.string(), pages: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() });
export type ReportResult = z.infer<typeof ReportResult>;

/** Projected totals of a what-if scenario or of its baseline, over the scenario's horizon. */
export interface ReportScenarioTotals {
  profit: number;
  customerEquity: number;
  revenue: number;
  /** Contribution in the first year (profit per year, before campaign costs). */
  firstYearContribution: number;
}

/**
 * A what-if scenario as the report shows it against the baseline: the saved scenarios marked for
 * the report, projected by the what-if service.
 */
export interface ReportScenario {
  name: string;
  /** What the plans are given for: "tier", "quadrant" or "strategy". */
  grouping: string;
  horizonYears: number;
  discountRate: number;
  baseline: ReportScenarioTotals;
  scenario: ReportScenarioTotals;
  deltaProfit: number;
  /** Relative to the baseline's profit; null when that is 0. */
  deltaProfitPercent: number | null;
  campaignCost: number;
  /** (incremental profit − campaign cost) / campaign cost; null without a campaign cost. */
  roi: number | null;
  groups: { group: string; strategy: string | null; dropped: boolean; customers: number; incrementalProfit: number; campaignCost: number; roi: number | null }[];
  /** The lever whose change moves profit most (the top of the sensitivity ranking). */
  topLever: { group: string; lever: string } | null;
}
