/**
 * `value-ladder` — the headless interface over the same services and contract as the app.
 * Each command is an entry of COMMANDS; `--json` prints machine-readable output on stdout,
 * errors go to stderr with a non-zero exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createApi, type Api } from '../../shared/ipc/client';
import { AppError } from '../../shared/ipc/errors';
import { SampleName, type WorkspaceSummary } from '../../shared/domain/workspace';
import { DATE_FORMATS, DateFormatSchema, describeWarning, IMPORT_FIELDS, ImportKind, NumberFormatSchema, type ImportOptions, type ImportPreview, type ImportResult } from '../../shared/domain/import';
import type { AnalysisRun, ExportList } from '../../shared/domain/analysis';
import type { BacktestRun } from '../../shared/domain/models';
import { LOCALES, Locale } from '../../shared/domain/app-settings';
import { REPORT_SECTIONS, ReportPageSize, type ReportSection } from '../../shared/domain/report';
import { plusFiveRetentionScenario, type WhatIfResult } from '../../shared/analytics/whatif';
import { validateScenario } from '../../shared/domain/whatif';
import { SOURCE_SAMPLES_DIR, packageVersion } from '../services/paths';
import { errorLogPath, fileErrorLog } from '../services/app/error-log';
// The services (and the libraries they load: SQLite, exceljs, ECharts, Playwright) are imported when
// a command runs, so that `--help` and `--version` answer at once.

interface CommandContext {
  api: Api;
  json: boolean;
  out: (text: string) => void;
  /** Progress on stderr for people; silent with --json or when stderr is not a terminal. */
  progress: (stage: string, done: number, total: number) => void;
}

interface Command {
  usage: string;
  summary: string;
  /** The worker the command's tasks run in, started with the command so that its start overlaps the opening of the workspace. */
  worker?: 'analysis' | 'tasks';
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Record<string, unknown>, context: CommandContext): Promise<void>;
}

class UsageError extends Error {}
/** The command ran and printed its report, but did not do what was asked (exit code 1, message on stderr). */
class CommandFailed extends Error {}

function requireArgs(positionals: string[], count: number, usage: string): void {
  if (positionals.length !== count) throw new UsageError(`usage: value-ladder ${usage}`);
}

function printSummary(summary: WorkspaceSummary, context: CommandContext): void {
  if (context.json) {
    context.out(JSON.stringify(summary, null, 2));
    return;
  }
  const rows: [string, string][] = [
    ['workspace', summary.path],
    ['schema version', String(summary.schemaVersion)],
    ['customers', summary.customers.toLocaleString('en')],
    ['transactions', summary.transactions.toLocaleString('en')],
    ['revenue', summary.revenue.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
    ['dates', summary.firstDate ? `${summary.firstDate} … ${summary.lastDate}` : '(no transactions)'],
    ['size', `${(summary.sizeBytes / 1_048_576).toFixed(1)} MB`],
    ['protected', summary.protected ? 'yes, with a password' : 'no'],
  ];
  for (const [table, count] of Object.entries(summary.tables)) rows.push([`  ${table}`, count.toLocaleString('en')]);
  const width = Math.max(...rows.map(([label]) => label.length));
  context.out(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
}

/** A file that holds the same sample already may be rebuilt without --replace: nothing of the person's is lost. */
async function holdsSample(path: string, sample: string): Promise<boolean> {
  const [{ inspectWorkspaceFile }, { readMeta }, { openSqlite }] = await Promise.all([import('../db/connection'), import('../db/queries'), import('../db/sqlite')]);
  try {
    inspectWorkspaceFile(path);
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    try {
      return readMeta(db, 'sample') === sample;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/**
 * Opens a workspace; a protected one with the password from VALUE_LADDER_PASSWORD, else asked on
 * the terminal. Never from an argument: arguments show in the process list and the shell's history.
 */
async function openWorkspace(context: CommandContext, path: string): Promise<WorkspaceSummary> {
  const target = resolve(path);
  try {
    return await context.api['workspace.open']({ path: target });
  } catch (error) {
    if (!(error instanceof AppError) || error.key !== 'workspaceLocked') throw error;
    return context.api['workspace.open']({ path: target, password: await passwordFor(target, PASSWORD_VARIABLE) });
  }
}

/** Opens the workspace, creating it first when the file does not exist (protected when VALUE_LADDER_PASSWORD is set). */
async function openOrCreate(context: CommandContext, path: string): Promise<WorkspaceSummary> {
  if (existsSync(path)) return openWorkspace(context, path);
  const password = process.env[PASSWORD_VARIABLE];
  return context.api['workspace.create']({ path, ...(password ? { password } : {}) });
}

const PASSWORD_VARIABLE = 'VALUE_LADDER_PASSWORD';
const NEW_PASSWORD_VARIABLE = 'VALUE_LADDER_NEW_PASSWORD';

/** A password from the environment variable, else typed on the terminal (twice when it is a new one). */
async function passwordFor(path: string, variable: string, confirm = false): Promise<string> {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new CommandFailed(`${basename(path)} needs ${confirm ? 'a new' : 'its'} password: set ${variable}, or run the command in a terminal to be asked for it`);
  }
  const password = await askHidden(confirm ? `New password for ${basename(path)}: ` : `Password for ${basename(path)}: `);
  if (confirm && (await askHidden('The same password again: ')) !== password) throw new CommandFailed('the two passwords differ; nothing was changed');
  return password;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolvePassword, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolvePassword(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish(null);
        if (character === '\u0003' || character === '\u0004') return finish(new CommandFailed('cancelled; nothing was changed'));
        if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += character;
      }
    };
    process.stderr.write(question);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

function importJson(result: ImportResult, headers: Map<number, string>, dryRun = false) {
  const mapping = Object.fromEntries(Object.entries(result.detected.mapping).flatMap(([field, column]) => (column === null ? [] : [[field, headers.get(column) ?? `column ${column + 1}`]])));
  return {
    accepted: result.accepted,
    // The reason in English, and its code for scripts that would rather not match words.
    rejected: result.rejected.map(({ line, column, value, reason, code }) => ({ line, column, value, reason, code })),
    skipped: result.skipped.map(({ line, reason, code }) => ({ line, reason, code })),
    duplicates: result.duplicates,
    total: result.total,
    committed: result.committed,
    dryRun,
    notCommittedReason: result.notCommittedReason,
    importId: result.importId,
    replacedImportId: result.replacedImportId,
    counts: { rejected: result.rejectedCount, skipped: result.skippedCount, duplicates: result.duplicateCount, possibleDuplicates: result.possibleDuplicateCount },
    profile: result.detected.profile,
    warnings: result.warnings.map((warning) => ({ ...warning, message: describeWarning(warning) })),
    refunds: result.refunds,
    unknownCustomer: result.unknownCustomer,
    detected: {
      kind: result.kind,
      encoding: result.detected.encoding,
      delimiter: result.detected.delimiter,
      decimal: result.detected.numberFormat.decimal,
      thousands: result.detected.numberFormat.thousands,
      currency: result.detected.currency,
      dateFormat: result.detected.dateFormat,
      dateAmbiguous: result.detected.dateAmbiguous,
      headerLine: result.detected.headerLine,
      mapping,
    },
  };
}

/** The import's report for people. */
function importText(result: ImportResult, report: ReturnType<typeof importJson>, fileName: string, dryRun: boolean): string[] {
  const status = dryRun ? 'checked (nothing imported)' : report.committed ? 'imported' : 'not imported';
  return [
    `${status}: ${result.accepted.toLocaleString('en')} ${result.kind} rows from ${fileName}` + (result.notCommittedReason ? ` — ${result.notCommittedReason}` : ''),
    ...(result.detected.profile ? [`recognised: ${result.detected.profile.label} (--profile ${result.detected.profile.name})`] : []),
    `detected: ${report.detected.encoding ?? 'xlsx'}, delimiter ${JSON.stringify(report.detected.delimiter)}, decimal "${report.detected.decimal}", dates ${report.detected.dateFormat ?? '—'}${report.detected.currency ? `, currency ${report.detected.currency}` : ''}`,
    `columns: ${Object.entries(report.detected.mapping).map(([field, header]) => `${field} ← ${header}`).join(', ')}`,
    `rejected ${result.rejectedCount}, skipped ${result.skippedCount}, duplicates ${result.duplicateCount}, possible duplicates kept ${result.possibleDuplicateCount}`,
    ...(result.refunds.count > 0 ? [`refunds netted: ${result.refunds.count} (${formatMoney(result.refunds.amount)})`] : []),
    ...(result.unknownCustomer.rows > 0 ? [`rows without a customer (kept under the unknown customer, out of the ladder): ${result.unknownCustomer.rows} (${formatMoney(result.unknownCustomer.amount)})`] : []),
    ...result.warnings.map((warning) => `warning: ${describeWarning(warning)}`),
    ...result.rejected.slice(0, 50).map((issue) => `  line ${issue.line}: ${issue.reason}${issue.value ? ` (${JSON.stringify(issue.value)})` : ''}`),
    ...result.duplicates.slice(0, 20).map((row) => `  line ${row.line}: ${row.kept ? 'possible duplicate (kept)' : 'duplicate'} of line ${row.of}`),
  ];
}

/** The import options the command line gives. */
function importOptionsOf(values: Record<string, unknown>): ImportOptions {
  const options: ImportOptions = {};
  if (values.as !== undefined) {
    const kind = ImportKind.safeParse(values.as);
    if (!kind.success) throw new UsageError(`--as must be one of ${ImportKind.options.join(', ')}`);
    options.kind = kind.data;
  }
  if (typeof values.profile === 'string') options.profile = values.profile;
  if (typeof values.encoding === 'string') options.encoding = values.encoding;
  if (values['date-format'] !== undefined) {
    const format = DateFormatSchema.safeParse(values['date-format']);
    if (!format.success) throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}`);
    options.dateFormat = format.data;
  }
  if (values['tax-shipping'] !== undefined) {
    if (values['tax-shipping'] !== 'exclude' && values['tax-shipping'] !== 'include') throw new UsageError('--tax-shipping must be exclude or include');
    options.taxShipping = values['tax-shipping'];
  }
  if (values['keep-duplicates'] === true) options.keepDuplicates = true;
  if (values['drop-possible-duplicates'] === true) options.dropPossibleDuplicates = true;
  return options;
}

/** The column of a header name (or 1-based number) in a preview; a usage error when there is none. */
function columnNamed(preview: ImportPreview, name: string): number {
  const byName = preview.columns.find((column) => column.header.trim().toLowerCase() === name.trim().toLowerCase());
  if (byName) return byName.index;
  const number = Number(name);
  if (Number.isInteger(number) && number >= 1 && number <= preview.columns.length) return number - 1;
  throw new UsageError(`the file has no column "${name}": its columns are ${preview.columns.map((column) => JSON.stringify(column.header)).join(', ')}`);
}

/**
 * The mapping of --mapping FILE.json ({"kind", "mapping": {field: column name}, "dateFormat",
 * "numberFormat"}) and --map field=column (laid over it and over what was detected); null when
 * neither is given.
 */
function mappingOf(values: Record<string, unknown>, preview: ImportPreview): Partial<ImportOptions> | null {
  const pairs = (values.map as string[] | undefined) ?? [];
  if (pairs.length === 0 && typeof values.mapping !== 'string') return null;
  const options: Partial<ImportOptions> = {};
  const mapping: Record<string, number | null> = { ...preview.detected.mapping };
  if (typeof values.mapping === 'string') {
    let saved: { kind?: unknown; mapping?: Record<string, unknown>; dateFormat?: unknown; numberFormat?: unknown };
    try {
      saved = JSON.parse(readFileSync(resolve(values.mapping), 'utf8').replace(/^\uFEFF/, '')) as typeof saved;
    } catch (error) {
      throw new UsageError(`cannot read the mapping file ${values.mapping}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const kind = ImportKind.safeParse(saved.kind);
    if (kind.success) options.kind = kind.data;
    for (const [field, column] of Object.entries(saved.mapping ?? {})) mapping[field] = column === null ? null : typeof column === 'number' ? column : columnNamed(preview, String(column));
    const dateFormat = DateFormatSchema.safeParse(saved.dateFormat);
    if (dateFormat.success && values['date-format'] === undefined) options.dateFormat = dateFormat.data;
    const numberFormat = NumberFormatSchema.safeParse(saved.numberFormat);
    if (numberFormat.success) options.numberFormat = numberFormat.data;
  }
  const fields = IMPORT_FIELDS[options.kind ?? preview.detected.kind] as Record<string, unknown>;
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--map takes field=column, not "${pair}"`);
    const field = pair.slice(0, at).trim();
    if (!(field in fields)) throw new UsageError(`--map: "${field}" is no field of ${options.kind ?? preview.detected.kind}: choose from ${Object.keys(fields).join(', ')}`);
    const column = pair.slice(at + 1);
    mapping[field] = column.trim() === '' || column.trim() === '-' ? null : columnNamed(preview, column);
  }
  // A mapping of one's own reads the file column by column.
  return { ...options, mapping, profile: 'none' };
}

function formatMoney(value: number): string {
  return value.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

function printAnalysis(run: AnalysisRun, context: CommandContext): void {
  const s = run.summary;
  if (context.json) {
    context.out(JSON.stringify({ runId: run.runId, ...s, settings: run.settings, durationMs: Math.round(run.durationMs) }, null, 2));
    return;
  }
  const lines = [
    `as of ${s.asOf}: ${s.customers.toLocaleString('en')} customers, revenue ${formatMoney(s.revenue)}, profit ${formatMoney(s.profit)} over ${run.settings.currentWindowMonths} months`,
    `active ${s.activeCustomers.toLocaleString('en')} (${percent(s.activeShare)}, inactive after ${s.inactivityDays} days), monthly churn ${percent(s.churnRate)}, simple LTV ${s.simpleLtv === null ? '—' : formatMoney(s.simpleLtv)}, customer equity ${formatMoney(s.customerEquity)}`,
    `value ladder (Pareto share ${percent(s.paretoShare)}, Gini ${s.gini.toFixed(3)}):`,
    ...Object.entries(s.ladder).map(([tier, cell]) => `  ${tier.padEnd(10)} ${String(cell.customers).padStart(8)} customers  profit ${formatMoney(cell.profit).padStart(14)}`),
    'current × future:',
    ...Object.entries(s.quadrants).map(([name, cell]) => `  ${name.padEnd(10)} ${String(cell.customers).padStart(8)} customers  profit ${formatMoney(cell.profit).padStart(14)}`),
    `strategies: ${Object.entries(s.strategies).map(([name, count]) => `${name} ${count}`).join(', ')}`,
    `next ${s.outlook.horizonMonths} months (${describeOutlook(s.outlook, s.asOf)}): ${Math.round(s.outlook.projected.activeCustomers).toLocaleString('en')} customers buying, ${Math.round(s.outlook.projected.purchases).toLocaleString('en')} purchases, revenue ${formatMoney(s.outlook.projected.revenue)}, profit ${formatMoney(s.outlook.projected.profit)}`,
  ];
  context.out(lines.join('\n'));
}

/** How the analysis' forward-looking numbers were made, in words. */
export function describeOutlook(outlook: Pick<AnalysisRun['summary']['outlook'], 'engine' | 'model' | 'noModel'>, asOf: string): string {
  if (outlook.model) {
    const name = outlook.model.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD';
    return outlook.model.origin === 'fit' ? `${name} + Gamma-Gamma, fit #${outlook.model.fitId}` : `${name} + Gamma-Gamma fitted on the data up to ${asOf}`;
  }
  const why = { turnedOff: 'models turned off', fewRepeat: 'too few repeat customers for a model', shortHistory: 'too short a history for a model', notConverged: 'the model did not converge' }[outlook.noModel ?? 'turnedOff'];
  return outlook.engine === 'observed' ? `observed retention of each group (${why})` : `monthly churn (${why}; too little history to observe a year)`;
}

function printBacktest(result: BacktestRun['result'], context: CommandContext): void {
  if (context.json) {
    context.out(JSON.stringify(result, null, 2));
    return;
  }
  const figure = (measure: keyof typeof result.projected, value: number) => (measure === 'revenue' || measure === 'profit' ? formatMoney(value) : Math.round(value).toLocaleString('en'));
  const names = { activeCustomers: 'customers buying', purchases: 'purchases', revenue: 'revenue', profit: 'profit' } as const;
  const lines = [
    `back-test: analysed as of ${result.asOf} (${describeOutlook(result.outlook, result.asOf)}), the next ${result.horizonMonths} months of ${result.customers.toLocaleString('en')} customers known then`,
    `  ${''.padEnd(18)} ${'projected'.padStart(14)} ${'actual'.padStart(14)} ${'error'.padStart(9)}`,
    ...(Object.keys(names) as (keyof typeof names)[]).map((measure) => `  ${names[measure].padEnd(18)} ${figure(measure, result.projected[measure]).padStart(14)} ${figure(measure, result.actual[measure]).padStart(14)} ${signedPercent(result.errors[measure]).padStart(9)}`),
    'per tier (customers buying, revenue):',
    ...result.byTier.map((tier) => `  ${tier.tier.padEnd(10)} ${String(tier.customers).padStart(8)} customers  ${signedPercent(tier.errors.activeCustomers).padStart(9)}  ${signedPercent(tier.errors.revenue).padStart(9)}`),
  ];
  context.out(lines.join('\n'));
}

function signedMoney(value: number): string {
  return `${value > 0 ? '+' : ''}${formatMoney(value)}`;
}

function signedPercent(value: number | null): string {
  return value === null ? '—' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
}

function printWhatIf(result: WhatIfResult, analysis: { runId: number | null; asOf: string; outlook: string }, context: CommandContext): void {
  if (context.json) {
    context.out(JSON.stringify({ analysis, ...result }, null, 2));
    return;
  }
  const b = result.baseline;
  const s = result.scenario;
  const table = (rows: string[][]) => {
    const widths = rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? '').length))) ?? [];
    return rows.map((row) => '  ' + row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0))).join('   '));
  };
  const lines = [
    `what-if by ${result.grouping} over ${result.horizonYears} years, discount ${(result.discountRate * 100).toFixed(1)} % a year, ${result.customers.toLocaleString('en')} customers (analysis as of ${analysis.asOf}, ${analysis.outlook})`,
    ...table([
      ['year', 'baseline revenue', 'scenario revenue', 'baseline contribution', 'scenario contribution', 'customers at end'],
      ...result.years.map((year) => [
        String(year.year),
        formatMoney(year.baseline.revenue),
        formatMoney(year.scenario.revenue),
        formatMoney(year.baseline.contribution),
        formatMoney(year.scenario.contribution),
        `${Math.round(year.baseline.customers).toLocaleString('en')} → ${Math.round(year.scenario.customers).toLocaleString('en')}`,
      ]),
    ]),
    `customer equity (discounted contribution): ${formatMoney(b.customerEquity)} → ${formatMoney(s.customerEquity)} (${signedMoney(result.delta.customerEquity)}, ${signedPercent(result.delta.customerEquityPercent)})`,
    `campaign cost ${formatMoney(s.campaignCost)}; profit ${formatMoney(b.profit)} → ${formatMoney(s.profit)} (${signedMoney(result.delta.profit)}, ${signedPercent(result.delta.profitPercent)})`,
    'groups:',
    ...table([
      ['group', 'strategy', 'customers', 'incremental profit', 'campaign cost', 'ROI'],
      ...result.groups.map((group) => [
        group.group,
        group.strategy === null ? '—' : `${group.strategy}${group.dropped ? ' (dropped)' : ''}`,
        group.customers.toLocaleString('en'),
        signedMoney(group.incrementalProfit),
        formatMoney(group.campaignCost),
        group.roi === null ? '—' : `${(group.roi * 100).toFixed(0)} %`,
      ]),
    ]),
    `waterfall: baseline ${formatMoney(result.waterfall.baseline)}, ${result.waterfall.steps.filter((step) => step.change !== 0).map((step) => `${step.lever} ${signedMoney(step.change)}`).join(', ') || 'no change'} → scenario ${formatMoney(result.waterfall.scenario)}`,
    ...(result.tornado.length > 0 ? ['most sensitive levers (±10 %, or ±0.01 when 0):', ...result.tornado.slice(0, 5).map((entry) => `  ${entry.group} ${entry.lever}: ${signedMoney(entry.low.change)} … ${signedMoney(entry.high.change)}`)] : []),
    `customers at the end by starting tier: ${result.tiersAtEnd.map((tier) => `${tier.tier} ${Math.round(tier.baseline).toLocaleString('en')} → ${Math.round(tier.scenario).toLocaleString('en')}`).join(', ')}`,
  ];
  context.out(lines.join('\n'));
}

const COMMANDS: Record<string, Command> = {
  analyze: {
    worker: 'analysis',
    usage: 'analyze <workspace> [--as-of YYYY-MM-DD] [--json]',
    summary: 'Analyse a workspace: profit per customer, the value ladder, current × future quadrants, strategies, activity and simple LTV.',
    options: { 'as-of': { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 1, this.usage);
      const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : undefined;
      if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('--as-of must be a date written YYYY-MM-DD');
      await openWorkspace(context, positionals[0] as string);
      const run = await context.api['analysis.run'](asOf === undefined ? {} : { asOf }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      printAnalysis(run, context);
    },
  },
  fit: {
    worker: 'analysis',
    usage: 'fit <workspace> --model bgnbd|pareto-nbd|gamma-gamma [--unit day|week|month] [--calibration-end YYYY-MM-DD] [--json]',
    summary: 'Fit a lifetime-value model: BG/NBD or Pareto/NBD for purchases, Gamma-Gamma for spend (fitted with BG/NBD).',
    options: { model: { type: 'string' }, unit: { type: 'string' }, 'calibration-end': { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 1, this.usage);
      const model = values.model;
      if (model !== 'bgnbd' && model !== 'pareto-nbd' && model !== 'gamma-gamma') throw new UsageError('--model must be bgnbd, pareto-nbd or gamma-gamma');
      const unit = (values.unit ?? 'week') as string;
      if (!['day', 'week', 'month'].includes(unit)) throw new UsageError('--unit must be day, week or month');
      const calibrationEnd = typeof values['calibration-end'] === 'string' ? values['calibration-end'] : null;
      if (calibrationEnd !== null && !/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd)) throw new UsageError('--calibration-end must be a date written YYYY-MM-DD');
      await openWorkspace(context, positionals[0] as string);
      const fit = await context.api['models.fit'](
        { model: model === 'gamma-gamma' ? 'bgnbd' : model, unit: unit as 'day' | 'week' | 'month', calibrationEnd },
        { onProgress: (p) => context.progress(p.stage, p.done, p.total) },
      );
      const part = model === 'gamma-gamma' ? fit.gammaGamma : fit.purchase;
      const result = {
        model,
        params: part.params,
        logLikelihood: part.logLikelihood,
        customers: part.customers,
        iterations: part.iterations,
        converged: part.converged,
        reason: part.reason,
        standardErrors: part.standardErrors,
        unit: fit.unit,
        calibrationEnd: fit.calibrationEnd,
        ...(model === 'gamma-gamma' ? { correlation: fit.gammaGamma.correlation, warning: fit.gammaGamma.warning } : { validation: fit.validation?.metrics ?? null }),
      };
      if (context.json) context.out(JSON.stringify(result, null, 2));
      else {
        const params = Object.entries(part.params).map(([name, value]) => `${name} = ${value.toPrecision(6)}${part.standardErrors[name] ? ` (± ${(part.standardErrors[name] as number).toPrecision(3)})` : ''}`);
        context.out([`${model} on ${part.customers.toLocaleString('en')} customers, ${fit.unit}s, calibration to ${fit.calibrationEnd}`, `  ${params.join(', ')}`, `  log-likelihood ${part.logLikelihood.toFixed(2)}, ${part.iterations} iterations, ${part.converged ? 'converged' : `not converged: ${part.reason ?? ''}`}`, ...(fit.gammaGamma.warning && model === 'gamma-gamma' ? [`  ${fit.gammaGamma.warning}`] : [])].join('\n'));
      }
      if (!part.converged) throw new CommandFailed(part.reason ?? 'The fit did not converge.');
    },
  },
  backtest: {
    worker: 'analysis',
    usage: 'backtest <workspace> [--as-of YYYY-MM-DD] [--horizon-months N] [--json]',
    summary: "Hold the projections against what happened: analyse as of a past date (by default the horizon before the last date) with the same engine as the analysis, project the next months (12 by default) and compare customers buying, purchases, revenue and profit with the data's own later months, overall and per tier.",
    options: { 'as-of': { type: 'string' }, 'horizon-months': { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 1, this.usage);
      const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : null;
      if (asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('--as-of must be a date written YYYY-MM-DD');
      const horizonMonths = Number(values['horizon-months'] ?? 12);
      if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 60) throw new UsageError('--horizon-months must be a whole number of months from 1 to 60');
      await openWorkspace(context, positionals[0] as string);
      const run = await context.api['models.backtest']({ asOf, horizonMonths }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      printBacktest(run.result, context);
    },
  },
  clv: {
    worker: 'analysis',
    usage: 'clv <workspace> --horizon-months N --out FILE [--json]',
    summary: "Per-customer predictions of the analysis' outlook (a fitted BG/NBD when the data supports one, else the observed retention of each customer's group): the chance of a purchase, expected purchases and revenue, P(alive), CLV and future profit, as .xlsx or CSV by the extension of --out.",
    options: { 'horizon-months': { type: 'string' }, out: { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 1, this.usage);
      const horizonMonths = Number(values['horizon-months'] ?? 12);
      if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 120) throw new UsageError('--horizon-months must be a whole number of months from 1 to 120');
      if (typeof values.out !== 'string') throw new UsageError(`usage: value-ladder ${this.usage}`);
      await openWorkspace(context, positionals[0] as string);
      const run = await context.api['analysis.run']({ horizonMonths }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      const result = await context.api['analysis.export']({ list: 'clv', path: resolve(values.out) });
      const outlook = describeOutlook(run.summary.outlook, run.summary.asOf);
      context.out(context.json ? JSON.stringify({ ...result, outlook: run.summary.outlook, horizonMonths }) : `wrote ${result.rows.toLocaleString('en')} customers' predictions (${outlook}, ${horizonMonths} months) to ${result.path}`);
    },
  },
  export: {
    worker: 'analysis',
    usage: 'export <workspace> customers|crosssell|contacts|calendar --out FILE [--json]',
    summary: 'Write a list of the last analysis: customers with metrics and strategies, cross-sell offers, the contact plan — as an Excel workbook (typed cells, frozen header, filters) when --out ends in .xlsx, else CSV; the calendar as iCalendar. Headers and codes are the stable keys scripts read.',
    options: { out: { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 2, this.usage);
      const lists: Record<string, ExportList> = { customers: 'customers', crosssell: 'crosssell', contacts: 'contacts', calendar: 'contactsCalendar' };
      const list = lists[positionals[1] as string];
      if (!list) throw new UsageError(`unknown list "${positionals[1]}": choose customers, crosssell, contacts or calendar`);
      if (typeof values.out !== 'string') throw new UsageError(`usage: value-ladder ${this.usage}`);
      await openWorkspace(context, positionals[0] as string);
      if (!(await context.api['analysis.latest']({}))) await context.api['analysis.run']({}, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      const result = await context.api['analysis.export']({ list, path: resolve(values.out) });
      context.out(context.json ? JSON.stringify(result) : `wrote ${result.rows.toLocaleString('en')} rows to ${result.path}`);
    },
  },
  whatif: {
    worker: 'analysis',
    usage: 'whatif <workspace> --scenario FILE.json [--json] | whatif --example',
    summary:
      'Project a what-if scenario (a strategy and levers per tier, quadrant or strategy) against the latest analysis (made first when there is none): profit per year, customer equity, ROI, waterfall, sensitivity. --example prints the "+5 % retention for everyone" scenario file.',
    options: { scenario: { type: 'string' }, example: { type: 'boolean' } },
    async run(positionals, values, context) {
      if (values.example === true) {
        if (positionals.length > 0 || values.scenario !== undefined) throw new UsageError('--example takes no workspace and no --scenario: it prints a scenario file');
        context.out(JSON.stringify(plusFiveRetentionScenario(), null, 2));
        return;
      }
      requireArgs(positionals, 1, this.usage);
      if (typeof values.scenario !== 'string') throw new UsageError(`usage: value-ladder ${this.usage}`);
      const file = values.scenario;
      let text: string;
      try {
        text = readFileSync(resolve(file), 'utf8');
      } catch {
        throw new UsageError(`cannot read the scenario file ${file}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      const checked = validateScenario(json);
      // One line per bad field, each "value-ladder: FILE: path: message".
      if (!checked.ok) throw new UsageError(checked.errors.map((error) => `${file}: ${error.path}: ${error.message}`).join('\nvalue-ladder: '));
      await openWorkspace(context, positionals[0] as string);
      const run = (await context.api['analysis.latest']({})) ?? (await context.api['analysis.run']({}, { onProgress: (p) => context.progress(p.stage, p.done, p.total) }));
      const result = await context.api['whatif.compute']({ scenario: checked.scenario });
      printWhatIf(result, { runId: run.runId, asOf: run.summary.asOf, outlook: describeOutlook(run.summary.outlook, run.summary.asOf) }, context);
    },
  },
  report: {
    worker: 'analysis',
    usage: `report <workspace> --out FILE.pdf [--locale ${LOCALES.join('|')}] [--sections s1,s2,…] [--page-size A4|Letter] [--client NAME] [--author NAME] [--json]`,
    summary: `The PDF report for a client, in their language with the workspace's currency; sections (all by default): ${REPORT_SECTIONS.join(', ')}.`,
    options: { out: { type: 'string' }, locale: { type: 'string' }, sections: { type: 'string' }, 'page-size': { type: 'string' }, client: { type: 'string' }, author: { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 1, this.usage);
      if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError(`--out FILE.pdf is required\nusage: value-ladder ${this.usage}`);
      if (!values.out.toLowerCase().endsWith('.pdf')) throw new UsageError(`--out must name a .pdf file, not "${values.out}"`);
      const locale = Locale.safeParse(values.locale ?? 'en');
      if (!locale.success) throw new UsageError(`unknown locale "${String(values.locale)}": choose one of ${LOCALES.join(', ')}`);
      const pageSize = ReportPageSize.safeParse(values['page-size'] ?? 'A4');
      if (!pageSize.success) throw new UsageError(`--page-size must be A4 or Letter, not "${String(values['page-size'])}"`);
      let sections: ReportSection[] = [...REPORT_SECTIONS];
      if (values.sections !== undefined) {
        const names = String(values.sections).split(',').map((name) => name.trim()).filter(Boolean);
        const unknown = names.filter((name) => !(REPORT_SECTIONS as readonly string[]).includes(name));
        if (unknown.length > 0 || names.length === 0) throw new UsageError(`unknown section${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => `"${name}"`).join(', ') || '(none given)'}: choose from ${REPORT_SECTIONS.join(', ')}`);
        sections = REPORT_SECTIONS.filter((name) => names.includes(name));
      }
      await openWorkspace(context, positionals[0] as string);
      const result = await context.api['report.create'](
        {
          path: resolve(values.out),
          locale: locale.data,
          sections,
          pageSize: pageSize.data,
          ...(typeof values.client === 'string' ? { client: values.client } : {}),
          ...(typeof values.author === 'string' ? { author: values.author } : {}),
        },
        { onProgress: (p) => context.progress(p.stage, p.done, p.total) },
      );
      context.out(context.json ? JSON.stringify({ ...result, locale: locale.data, sections, pageSize: pageSize.data }) : `wrote a ${result.pages}-page report (${locale.data}, ${pageSize.data}, ${(result.bytes / 1024).toFixed(0)} KB) to ${result.path}`);
    },
  },
  import: {
    worker: 'tasks',
    usage:
      'import <workspace> <file> [--as KIND] [--profile NAME|none] [--map field=column]… [--mapping FILE.json] [--date-format ymd|dmy|mdy|excel|jalali] [--encoding E] [--tax-shipping exclude|include] [--dry-run] [--accept-warnings] [--strict] [--replace] [--keep-duplicates] [--drop-possible-duplicates] [--json]',
    summary:
      'Import a CSV/TSV/Excel export (Shopify, Stripe, Etsy, Tmall … recognised by their columns); valid rows are committed, every rejected row is reported with its line and reason. Warnings (many rejected rows, rows without a customer, mixed currencies …) hold the commit until --accept-warnings; --dry-run reports without importing.',
    options: {
      as: { type: 'string' },
      profile: { type: 'string' },
      map: { type: 'string', multiple: true },
      mapping: { type: 'string' },
      'date-format': { type: 'string' },
      encoding: { type: 'string' },
      'tax-shipping': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'accept-warnings': { type: 'boolean' },
      strict: { type: 'boolean' },
      replace: { type: 'boolean' },
      'keep-duplicates': { type: 'boolean' },
      'drop-possible-duplicates': { type: 'boolean' },
    },
    async run(positionals, values, context) {
      requireArgs(positionals, 2, this.usage);
      const options = importOptionsOf(values);
      const workspace = resolve(positionals[0] as string);
      const file = resolve(positionals[1] as string);
      await openOrCreate(context, workspace);
      let preview = await context.api['import.preview']({ path: file, options });
      const mapped = mappingOf(values, preview);
      if (mapped) {
        Object.assign(options, mapped);
        preview = await context.api['import.preview']({ path: file, options });
      }
      const progress = { onProgress: (p: { stage: string; done: number; total: number }) => context.progress(p.stage, p.done, p.total) };
      const dryRun = values['dry-run'] === true;
      const result: ImportResult = dryRun
        ? { ...(await context.api['import.check']({ path: file, options }, progress)), importId: null, committed: false, notCommittedReason: null, notCommitted: null, replacedImportId: null }
        : await context.api['import.run']({ path: file, options, onPreviousImport: values.replace === true ? 'replace' : 'skip', strict: values.strict === true, acceptWarnings: values['accept-warnings'] === true }, progress);
      // Replies carry the first issues; the log has them all.
      if (result.importId !== null && (result.rejectedCount > result.rejected.length || result.skippedCount > result.skipped.length || result.duplicateCount + result.possibleDuplicateCount > result.duplicates.length)) {
        const all = await context.api['import.issues']({ importId: result.importId });
        result.rejected = all.filter((issue) => issue.kind === 'rejected').map(({ line, column, value, reason, code, params }) => ({ line, column, value, reason, code, params }));
        result.skipped = all.filter((issue) => issue.kind === 'skipped').map(({ line, reason, code, params }) => ({ line, reason, code, params }));
        result.duplicates = all.filter((issue) => issue.kind === 'duplicate').map(({ line, of, code }) => ({ line, of: of ?? 0, ...(code === 'possible_duplicate' ? { kept: true } : {}) }));
      }
      const headers = new Map(preview.columns.map((column) => [column.index, column.header]));
      const report = importJson(result, headers, dryRun);
      if (context.json) context.out(JSON.stringify(report, null, 2));
      else context.out(importText(result, report, preview.file.name, dryRun).join('\n'));
      if (!dryRun && !result.committed) throw new CommandFailed(result.notCommittedReason ?? 'Nothing was imported.');
    },
  },
  sample: {
    worker: 'tasks',
    usage: 'sample cdnow|demo <workspace> [--replace] [--json]',
    summary: 'Create a workspace filled with a built-in sample (the CDNOW transactions or the demo business).',
    options: { replace: { type: 'boolean' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 2, this.usage);
      const sample = SampleName.safeParse(positionals[0]);
      if (!sample.success) throw new UsageError(`unknown sample "${positionals[0]}": choose cdnow or demo`);
      const path = resolve(positionals[1] as string);
      const replace = values.replace === true || (existsSync(path) && (await holdsSample(path, sample.data)));
      const summary = await context.api['workspace.createSample']({ sample: sample.data, path, replace }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      printSummary(summary, context);
    },
  },
  anonymise: {
    worker: 'tasks',
    usage: 'anonymise <workspace> --out FILE [--shift-dates] [--keep-attributes NAME,NAME] [--json]',
    summary:
      'Write an anonymised copy to share: ids become keyed hashes (the key stays in the original), names and personal or free-text attributes are dropped, the import log keeps counts only; amounts and dates stay (--shift-dates moves them all by one random number of weeks). Its analysis matches the original\'s.',
    options: { out: { type: 'string' }, 'shift-dates': { type: 'boolean' }, 'keep-attributes': { type: 'string' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 1, this.usage);
      if (typeof values.out !== 'string') throw new UsageError(`usage: value-ladder ${this.usage}`);
      const keepAttributes = typeof values['keep-attributes'] === 'string' ? values['keep-attributes'].split(',').map((name) => name.trim()).filter(Boolean) : [];
      await openWorkspace(context, positionals[0] as string);
      const copy = await context.api['workspace.anonymise']({ path: resolve(values.out), keepAttributes, shiftDates: values['shift-dates'] === true }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      const dropped = copy.attributes.dropped.length > 0 ? `; attributes dropped: ${copy.attributes.dropped.join(', ')}` : '';
      const shifted = copy.shiftDays !== 0 ? `; dates moved by ${copy.shiftDays} days` : '';
      context.out(context.json ? JSON.stringify(copy) : `wrote an anonymised copy with ${copy.customers.toLocaleString('en')} customers to ${copy.path}${dropped}${shifted}`);
    },
  },
  protect: {
    worker: 'tasks',
    usage: 'protect <workspace> [--json]',
    summary: `Protect a workspace with a password, or change its password: the file is encrypted in place. The password comes from ${PASSWORD_VARIABLE} (the current one for a change) and ${NEW_PASSWORD_VARIABLE} (the new one), else it is asked for; never as an argument.`,
    options: {},
    async run(positionals, _values, context) {
      requireArgs(positionals, 1, this.usage);
      const opened = await openWorkspace(context, positionals[0] as string);
      // The new password: VALUE_LADDER_NEW_PASSWORD; for a workspace without one yet, VALUE_LADDER_PASSWORD will do (a protected one was opened with it).
      const fromCurrent = !opened.protected && !process.env[NEW_PASSWORD_VARIABLE];
      const password = await passwordFor(opened.path, fromCurrent ? PASSWORD_VARIABLE : NEW_PASSWORD_VARIABLE, true);
      const summary = await context.api['workspace.setPassword']({ password }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      context.out(context.json ? JSON.stringify({ path: summary.path, protected: summary.protected }) : `${summary.path} is protected with ${opened.protected ? 'its new' : 'a'} password`);
    },
  },
  unprotect: {
    worker: 'tasks',
    usage: 'unprotect <workspace> [--json]',
    summary: `Remove a workspace's password: the file is written unencrypted (the password comes from ${PASSWORD_VARIABLE}, else it is asked for).`,
    options: {},
    async run(positionals, _values, context) {
      requireArgs(positionals, 1, this.usage);
      await openWorkspace(context, positionals[0] as string);
      const summary = await context.api['workspace.setPassword']({ password: null }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      context.out(context.json ? JSON.stringify({ path: summary.path, protected: summary.protected }) : `${summary.path} is no longer protected: anyone with the file can read it`);
    },
  },
  info: {
    usage: 'info <workspace> [--json]',
    summary: 'What a workspace holds: schema version, customers, transactions, revenue and date range.',
    options: {},
    async run(positionals, _values, context) {
      requireArgs(positionals, 1, this.usage);
      printSummary(await openWorkspace(context, positionals[0] as string), context);
    },
  },
};

function help(): string {
  const lines = ['usage: value-ladder <command> [options]', '', 'commands:'];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push('', 'Every command accepts --json for machine-readable output and --progress for progress as JSON lines on stderr.', 'Errors go to stderr with a non-zero exit code.');
  return lines.join('\n');
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

export async function main(argv: string[], io: CliIo = STDIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(packageVersion());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`value-ladder: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const dataDir = join(tmpdir(), 'value-ladder-cli');
  // Stacks go to the log file only; the person reads the error in words (and where the log is).
  const logError = fileErrorLog(dataDir, () => undefined);
  const [{ ANALYSIS_AFFINITY, createBackend, headlessPorts }, { directTransport }] = await Promise.all([import('../services/backend'), import('../services/api/direct-transport')]);
  const backend = createBackend({
    ports: headlessPorts('cli'),
    // From the bundle (dist/cli/), its worker lies beside it; from the sources, the pool finds its own.
    workerScript: import.meta.url.endsWith('.ts') ? undefined : new URL('./worker.mjs', import.meta.url),
    dataDir,
    ephemeralState: true,
    samplesDir: SOURCE_SAMPLES_DIR,
    appVersion: packageVersion(),
    logError,
  });
  if (command.worker) backend.warmWorker(command.worker === 'analysis' ? ANALYSIS_AFFINITY : undefined);
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, json: { type: 'boolean' }, progress: { type: 'boolean' } }, allowPositionals: true, strict: true });
    const json = values.json === true;
    const interactive = !json && process.stderr.isTTY === true;
    const progressLines = values.progress === true;
    await command.run(positionals, values, {
      api: createApi(directTransport(backend)),
      json,
      out: io.out,
      progress: (stage, done, total) => {
        if (progressLines) io.err(JSON.stringify({ stage, done, total }));
        else if (interactive) process.stderr.write(`\r${stage} ${total > 0 ? Math.round((100 * done) / total) : 0}%   ${done >= total ? '\n' : ''}`);
      },
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`value-ladder: ${error.message}`);
      return 2;
    }
    if (error instanceof CommandFailed) {
      io.err(`value-ladder: ${error.message}`);
      return 1;
    }
    if (!(error instanceof AppError)) logError(`value-ladder ${name}`, error);
    const appError = error instanceof AppError ? error : new AppError('internal', {}, { cause: error });
    const where = appError.code === 'internal' ? `\n(the log: ${errorLogPath(dataDir)})` : '';
    io.err(`value-ladder: ${appError.message}${appError.hint ? `\n${appError.hint}` : ''}${where}`);
    return 1;
  } finally {
    await backend.dispose();
  }
}
