/**
 * The one list of what the renderer may ask of the main process. Every transport (Electron IPC,
 * the harness' loopback, the CLI's direct calls), the preload bridge, the handler map and the
 * typed client are derived from it; none of them names a call on its own.
 */
import { z } from 'zod';
import { AnalysisRun, CustomerDetail, CustomerFilter, CustomerPage, ExportList } from '../domain/analysis';
import { ExportWords, TableToSave } from '../domain/export';
import { AppSettings } from '../domain/app-settings';
import { BacktestRun, ModelFitSummary, PurchaseModelName, TimeUnitSchema } from '../domain/models';
import { ReportRequest, ReportResult } from '../domain/report';
import { AnalysisSettings } from '../domain/settings';
import { ImportIssue, ImportLogEntry, ImportOptions, ImportPreview, ImportResult, ImportSummary } from '../domain/import';
import { AnonymisedCopyResult, Password, RecentWorkspace, SampleName, TableName, WorkspaceSummary } from '../domain/workspace';
import { SavedScenario, ScenarioName, ScenarioSchema, WhatIfBaselineReply, WhatIfResultSchema } from '../domain/whatif';

/**
 * What a path in a call's input is used for. In the desktop app the renderer may only name a path
 * the main process handed it (a native dialog, a dropped file, the recent list) for that use.
 */
export const PATH_USES = ['workspace', 'create', 'read', 'save'] as const;
export type PathUse = (typeof PATH_USES)[number];

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** What the call does, for people reading the contract and for `value-ladder --help`. */
  doc: string;
  input: I;
  output: O;
  /** A long job: it reports progress through `job.progress` and can be cancelled with `job.cancel`. */
  job: boolean;
  /** The input fields that are file paths, and what each is used for. */
  paths?: Readonly<Record<string, PathUse>>;
}

function call<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O, paths?: Record<string, PathUse>): CallSpec<I, O> {
  return { doc, input, output, job: false, ...(paths ? { paths } : {}) };
}
function job<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O, paths?: Record<string, PathUse>): CallSpec<I, O> {
  return { doc, input, output, job: true, ...(paths ? { paths } : {}) };
}

const NoInput = z.object({}).strict();
const FilePath = z.string().trim().min(1, 'A file path is required.').max(4096);

export const FILE_PURPOSES = ['openWorkspace', 'createWorkspace', 'importFile', 'saveTable', 'saveCalendar', 'savePdf'] as const;
export const FilePurpose = z.enum(FILE_PURPOSES);
export type FilePurpose = z.infer<typeof FilePurpose>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host carries the contract: the desktop app, the browser harness or the CLI. */
  host: z.enum(['electron', 'harness', 'cli']),
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SortSpec = z.object({ column: z.string().min(1).max(64), direction: z.enum(['asc', 'desc']) }).strict();

export const TableColumn = z.object({
  key: z.string(),
  type: z.enum(['text', 'number', 'money', 'date', 'integer']),
});
export type TableColumn = z.infer<typeof TableColumn>;

export const TablePage = z.object({
  table: TableName,
  columns: z.array(TableColumn),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type TablePage = z.infer<typeof TablePage>;

/** One quadrant's points of the Strategies scatter (a sample of them; see shared/analytics/scatter-sample.ts). */
export const ScatterSeries = z.object({
  quadrant: z.enum(['reward', 'manage', 'develop', 'exit']),
  /** Current profit and future profit of each point: x0, y0, x1, y1, … */
  points: z.array(z.number()),
  /** The customer (id as shown) of each point, for the tooltip. */
  customers: z.array(z.string()),
});
export const ScatterReply = z.object({
  runId: z.number().int(),
  /** Reward, manage, develop, exit, in that order. */
  quadrants: z.array(ScatterSeries),
  /** A view leaving out the farthest 0.5 % on each side (rounded out); the person can zoom out. */
  view: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }),
  /** Points drawn. */
  shown: z.number().int().nonnegative(),
  /** Customers with both profits and a quadrant (all of them could be drawn). */
  plotted: z.number().int().nonnegative(),
  /** Customers in the analysis. */
  total: z.number().int().nonnegative(),
});
export type ScatterReply = z.infer<typeof ScatterReply>;

export const contract = {
  'app.info': call('Name, version and host of the running app.', NoInput, AppInfo),
  'app.settings': call('The app settings (language, theme).', NoInput, AppSettings),
  'app.updateSettings': call('Change some app settings; returns all of them.', AppSettings.partial().strict(), AppSettings),
  'app.logError': call(
    "Write an error of the renderer (a part of a screen that failed) to the app's log, with its stack.",
    z.object({ area: z.string().min(1).max(200), message: z.string().max(4000), stack: z.string().max(20_000).optional() }).strict(),
    z.null(),
  ),

  'workspace.recent': call('Recently opened workspaces, newest first.', NoInput, z.array(RecentWorkspace)),
  'workspace.current': call('The open workspace, or null.', NoInput, WorkspaceSummary.nullable()),
  'workspace.open': call(
    'Open a workspace file (it becomes the current one); a protected one needs its password.',
    z.object({ path: FilePath, password: Password.optional() }).strict(),
    WorkspaceSummary,
    { path: 'workspace' },
  ),
  'workspace.create': call(
    'Create an empty workspace file and open it, protected with a password when one is given.',
    z.object({ path: FilePath, password: Password.optional() }).strict(),
    WorkspaceSummary,
    { path: 'create' },
  ),
  'workspace.setPassword': job(
    'Protect the open workspace with a password, change it, or (null) remove it: the file is re-encrypted in place.',
    z.object({ password: Password.nullable() }).strict(),
    WorkspaceSummary,
  ),
  'workspace.createSample': job(
    'Create a workspace filled with a built-in sample and open it; without a path it goes to the app data folder.',
    z.object({ sample: SampleName, path: FilePath.optional(), replace: z.boolean().optional() }).strict(),
    WorkspaceSummary,
    { path: 'create' },
  ),
  'workspace.openSample': job(
    'Open a built-in sample from the app data folder, creating it there the first time.',
    z.object({ sample: SampleName }).strict(),
    WorkspaceSummary,
  ),
  'workspace.close': call('Close the open workspace.', NoInput, z.null()),
  'workspace.anonymise': job(
    'Write an anonymised copy of the open workspace to share: ids become keyed hashes (the key stays in this workspace), names and personal or free-text attributes are dropped (unless kept), the import log keeps counts only; amounts and dates stay (dates optionally moved by one random number of weeks), so the copy\'s analysis matches.',
    z.object({ path: FilePath, keepAttributes: z.array(z.string().min(1).max(200)).max(200).default([]), shiftDates: z.boolean().default(false) }).strict(),
    AnonymisedCopyResult,
    { path: 'create' },
  ),
  'workspace.forget': call('Remove a workspace from the recent list (the file stays).', z.object({ path: FilePath }).strict(), z.array(RecentWorkspace), { path: 'workspace' }),

  'data.page': call(
    'A page of rows of one table of the open workspace.',
    z
      .object({
        table: TableName,
        offset: z.number().int().nonnegative().max(1e9),
        limit: z.number().int().min(1).max(10_000),
        sort: SortSpec.optional(),
      })
      .strict(),
    TablePage,
  ),

  'analysis.settings': call('The analysis settings of the open workspace.', NoInput, AnalysisSettings),
  'analysis.updateSettings': call('Change some analysis settings of the open workspace; returns all of them.', AnalysisSettings.partial().strict(), AnalysisSettings, { reportLogoPath: 'read' }),
  'analysis.run': job(
    'Analyse the open workspace with its settings (asOf given here applies to this run only) and keep the result in it.',
    z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(), horizonMonths: z.number().int().min(1).max(120).optional() }).strict(),
    AnalysisRun,
  ),
  'analysis.latest': call('The last analysis kept in the open workspace (stale when the data changed since), or null.', NoInput, AnalysisRun.nullable()),
  'analysis.customers': call(
    'A page of the customers of the last analysis with every metric, tier, quadrant, strategy and reason, RFM segment and lifecycle stage; sorted and filtered. With `columns`, only those columns, in that order (keys the run does not have are left out; the reply says which came).',
    z
      .object({
        offset: z.number().int().nonnegative().max(1e9),
        limit: z.number().int().min(1).max(10_000),
        sort: SortSpec.optional(),
        filter: CustomerFilter.optional(),
        columns: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
      })
      .strict(),
    CustomerPage,
  ),
  'analysis.scatter': call(
    'The Strategies scatter of the last analysis: current against future profit per customer, by quadrant, sampled to at most 10,000 points (the outermost on each axis, then each quadrant in proportion); null when the run has no profits or quadrants.',
    NoInput,
    ScatterReply.nullable(),
  ),
  'analysis.customer': call('Everything about one customer of the last analysis: metrics, orders, strategy with reason, missing products, next contact.', z.object({ customer: z.string().min(1).max(200) }).strict(), CustomerDetail),
  'analysis.export': call(
    'Write a list of the last analysis for the customers passing the filter: customers, cross-sell offers, lifetime values, contact plan — as .xlsx or CSV by the file\'s extension (the contact plan also as iCalendar); with words, headers, codes and reasons in the person\'s language.',
    z.object({ list: ExportList, path: FilePath, filter: CustomerFilter.optional(), words: ExportWords.optional() }).strict(),
    z.object({ path: z.string(), rows: z.number().int() }),
    { path: 'save' },
  ),

  'models.fit': job(
    'Fit a lifetime-value model (BG/NBD or Pareto/NBD with Gamma-Gamma) on the open workspace; with a calibration end before the last date, validate on the holdout. The next analysis uses a converged fit for future profit.',
    z.object({ model: PurchaseModelName, unit: TimeUnitSchema, calibrationEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }).strict(),
    ModelFitSummary,
  ),
  'models.latest': call('The latest model fit of the open workspace, or null.', NoInput, ModelFitSummary.nullable()),
  'models.backtest': job(
    'Back-test the projections: analyse the open workspace as of a past date (by default the horizon before the last date) with the same engine the screens use, project the next months and compare with what the data shows happened — customers buying, purchases, revenue, profit, overall and per tier. Kept in the workspace.',
    z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), horizonMonths: z.number().int().min(1).max(60) }).strict(),
    BacktestRun,
  ),
  'models.latestBacktest': call('The latest back-test of the open workspace (stale when the data changed since), or null.', NoInput, BacktestRun.nullable()),

  'whatif.baseline': call(
    "The what-if baseline of the open workspace's latest analysis: per-customer columns (group codes, yearly revenue, margin, cost to serve, P(alive), yearly retention, cross-sell potential…) each as base64 of its typed array (codes one byte, values 8-byte floats; baselineFromPacked reads them), the group labels and the analysis settings it came from. The renderer projects scenarios from it with shared/analytics/whatif.ts.",
    NoInput,
    WhatIfBaselineReply,
  ),
  'whatif.compute': call(
    'Project a what-if scenario against the baseline of the latest analysis: profit per year, customer equity, customers per tier at the end, incremental profit and ROI per group, the profit waterfall and the sensitivity ranking.',
    z.object({ scenario: ScenarioSchema }).strict(),
    WhatIfResultSchema,
  ),
  'whatif.list': call('The what-if scenarios saved in the open workspace, oldest first.', NoInput, z.array(SavedScenario)),
  'whatif.save': call(
    'Save a what-if scenario in the open workspace: with an id over that one (renaming it), else over the one with the same name, else as a new one.',
    z.object({ id: z.number().int().positive().optional(), name: ScenarioName, scenario: ScenarioSchema, forReport: z.boolean().optional() }).strict(),
    SavedScenario,
  ),
  'whatif.delete': call('Delete a saved what-if scenario; returns the ones left.', z.object({ id: z.number().int().positive() }).strict(), z.array(SavedScenario)),
  'whatif.duplicate': call('Copy a saved what-if scenario under a free name ("… (copy)"), not included in the report.', z.object({ id: z.number().int().positive() }).strict(), SavedScenario),

  'report.create': job(
    'Write the PDF report of the open workspace for a client: the chosen sections of its last analysis (one is made when there is none), in the client\'s language with the workspace\'s currency.',
    ReportRequest,
    ReportResult,
    { path: 'save' },
  ),

  'report.show': call(
    'Open the last report written in this session with the system\'s PDF viewer, or show it in its folder.',
    z.object({ how: z.enum(['open', 'folder']) }).strict(),
    z.null(),
  ),

  'dialog.chooseFile': call(
    'Ask the person for a file (a workspace to open or create, an export to import, where to save a table, a calendar or a PDF); null when they cancel.',
    z.object({ purpose: FilePurpose, suggestedName: z.string().max(255).optional() }).strict(),
    z.string().nullable(),
  ),
  'file.stage': call(
    'Keep a file dropped on the window (its bytes, base64) in the app data folder; returns its path for import.',
    z.object({ name: z.string().trim().min(1).max(255), base64: z.string().max(700_000_000) }).strict(),
    z.object({ path: z.string() }),
  ),
  'file.unstage': call('Let go of a dropped file the import no longer needs: its copy in the app data folder is deleted (any other path is left alone).', z.object({ path: FilePath }).strict(), z.null()),

  'import.preview': job(
    'Read an export and show what was detected: encoding, delimiter, header, kind, column mapping, number and date formats, first rows.',
    z.object({ path: FilePath, options: ImportOptions }).strict(),
    ImportPreview,
    { path: 'read' },
  ),
  'import.check': job('Validate every row of an export with the given options without importing anything.', z.object({ path: FilePath, options: ImportOptions }).strict(), ImportSummary, { path: 'read' }),
  'import.run': job(
    'Import an export into the open workspace in one transaction; rejected rows are logged, the valid ones committed (none with strict, none while warnings wait for acceptWarnings).',
    z.object({ path: FilePath, options: ImportOptions, onPreviousImport: z.enum(['replace', 'skip']), strict: z.boolean(), acceptWarnings: z.boolean().optional() }).strict(),
    ImportResult,
    { path: 'read' },
  ),
  'import.log': call('The imports of the open workspace, newest first.', NoInput, z.array(ImportLogEntry)),
  'import.issues': call(
    'The rejected, skipped and duplicate rows of one import, by line.',
    z.object({ importId: z.number().int().positive(), kind: z.enum(['rejected', 'skipped', 'duplicate']).optional() }).strict(),
    z.array(ImportIssue.extend({ kind: z.string(), of: z.number().int().nullable() })),
  ),
  'import.forgetValues': call(
    'Clear the values of rejected cells from the import log, of one import or (importId null) of all; line, column and reason stay. The freed space is overwritten.',
    z.object({ importId: z.number().int().positive().nullable() }).strict(),
    z.object({ issues: z.number().int() }),
  ),
  'table.save': call(
    'Write a table a screen shows (cohorts, what-if figures, an import\'s issues, …) as .xlsx or CSV by the file\'s extension, with typed cells in the workspace\'s currency.',
    z.object({ path: FilePath, table: TableToSave }).strict(),
    z.object({ path: z.string(), rows: z.number().int() }),
    { path: 'save' },
  ),
  'import.exportLog': call(
    'Write the log of one import (its file, counts and every issue) as a CSV file.',
    z.object({ importId: z.number().int().positive(), path: FilePath }).strict(),
    z.object({ path: z.string(), rows: z.number().int() }),
    { path: 'save' },
  ),
  'shell.openExternal': call(
    'Open an https or mailto link in the system browser (nothing else is allowed).',
    z.object({ url: z.string().url().max(2048) }).strict(),
    z.null(),
  ),

  'job.cancel': call('Cancel a running job; false when it had already finished.', z.object({ jobId: z.string().min(1).max(64) }).strict(), z.boolean()),
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallArgs<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export const JobProgress = z.object({
  jobId: z.string(),
  call: z.string(),
  /** A short stage name ("reading", "writing"); the renderer translates it. */
  stage: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** Commands the desktop menu sends to the renderer (the renderer's own shortcuts run the same ones). */
export const APP_COMMANDS = ['home', 'newWorkspace', 'openWorkspace', 'closeWorkspace', 'openDemo', 'openCdnow', 'settings', 'glossary'] as const;
export const AppCommand = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof AppCommand>;

/** Messages the main process pushes to the renderer. */
export const events = {
  'app.command': z.object({ command: AppCommand }),
  'job.progress': JobProgress,
  'workspace.changed': z.object({ current: WorkspaceSummary.nullable() }),
  /** A workspace asked for from outside the window (the command line, a second start) is protected: ask for its password. */
  'workspace.needsPassword': z.object({ path: z.string() }),
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
