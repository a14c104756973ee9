/**
 * `report.create`: the PDF report of the open workspace. Gathers the latest stored analysis (runs
 * one when there is none), the latest model fit, the what-if scenarios marked for the report and
 * the action lists; builds the HTML (report-html.ts) and prints it through the host's printer
 * (Electron's printToPDF in the app, Chromium elsewhere). The file is written next to its target
 * and renamed into place, so a failure or a cancel leaves no half-written PDF.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isoFromEpochDay, todayEpochDay } from '../../../shared/domain/dates';
import type { ReportRequest, ReportResult, ReportScenario } from '../../../shared/domain/report';
import { AppError } from '../../../shared/ipc/errors';
import { latestRun } from '../../db/analysis-store';
import type { RunOptions } from '../../workers/pool';
import type { AnalysisService } from '../analysis/analysis-service';
import { loadRun, type LoadedRun } from '../analysis/results';
import type { HostPorts } from '../host/host-ports';
import type { WorkspaceService } from '../workspace/workspace-service';
import { buildReportHtml, type BuiltReport } from './report-html';
import { loadChartEngine } from './charts';
import type { ReportInput, ReportLogo } from './report-data';

export interface ReportServiceDeps {
  workspaces: WorkspaceService;
  analyses: AnalysisService;
  printPdf: HostPorts['printPdf'];
  /** Starts the printer while the report is put together (the CLI's browser launch overlaps the HTML). */
  warmUpPrinter?: () => void;
  /** The what-if scenarios marked for the report, projected; absent when the app has no what-if. */
  scenarios?: () => ReportScenario[];
  /** Opens a file the services wrote, or shows it in its folder (the desktop's file manager). */
  showFile: HostPorts['showFile'];
}

export interface ReportTimings {
  stages: { stage: string; ms: number }[];
  html: BuiltReport;
}

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** The logo of the workspace's report settings as a data URL's parts; null (and no failure) when it cannot be used. */
export function readLogo(path: string | null | undefined): ReportLogo | null {
  if (!path) return null;
  try {
    if (statSync(path).size > MAX_LOGO_BYTES) return null;
    const bytes = readFileSync(path);
    const head = bytes.subarray(0, 12);
    let mime: string | null = null;
    if (head[0] === 0x89 && head.toString('latin1', 1, 4) === 'PNG') mime = 'image/png';
    else if (head[0] === 0xff && head[1] === 0xd8) mime = 'image/jpeg';
    else if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') mime = 'image/webp';
    else if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8'))) mime = 'image/svg+xml';
    return mime ? { mime, base64: bytes.toString('base64') } : null;
  } catch {
    return null;
  }
}

/** Counts the pages of a PDF written by Chromium (its page objects). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** A what-if projection as the report shows it (the what-if service's result, by shape). */
export interface ProjectedScenario {
  grouping: string;
  horizonYears: number;
  discountRate: number;
  baseline: { profit: number; customerEquity: number; revenue: number };
  scenario: { profit: number; customerEquity: number; revenue: number; campaignCost: number };
  delta: { profit: number; profitPercent: number | null };
  years: { baseline: { contribution: number }; scenario: { contribution: number } }[];
  groups: { group: string; strategy: string | null; dropped: boolean; customers: number; incrementalProfit: number; campaignCost: number; roi: number | null }[];
  tornado: { group: string; lever: string; swing: number }[];
}

export function reportScenario(name: string, result: ProjectedScenario): ReportScenario {
  const first = result.years[0];
  const campaignCost = result.scenario.campaignCost;
  const top = [...result.tornado].sort((a, b) => b.swing - a.swing)[0];
  return {
    name,
    grouping: result.grouping,
    horizonYears: result.horizonYears,
    discountRate: result.discountRate,
    baseline: { profit: result.baseline.profit, customerEquity: result.baseline.customerEquity, revenue: result.baseline.revenue, firstYearContribution: first?.baseline.contribution ?? 0 },
    scenario: { profit: result.scenario.profit, customerEquity: result.scenario.customerEquity, revenue: result.scenario.revenue, firstYearContribution: first?.scenario.contribution ?? 0 },
    deltaProfit: result.delta.profit,
    deltaProfitPercent: result.delta.profitPercent,
    campaignCost,
    roi: campaignCost > 0 ? result.delta.profit / campaignCost : null,
    groups: result.groups,
    topLever: top && top.swing > 0 ? { group: top.group, lever: top.lever } : null,
  };
}

export class ReportService {
  private loaded: { path: string; runId: number; run: LoadedRun } | null = null;
  /** Stage timings of the last report (the bench prints them). */
  lastTimings: ReportTimings | null = null;

  /** The report written last in this session (what report.show may open). */
  private lastWritten: string | null = null;

  constructor(private readonly deps: ReportServiceDeps) {}

  private checkTarget(path: string): void {
    if (extname(path).toLowerCase() !== '.pdf') throw new AppError('reportNotPdf', { name: basename(path) });
    const folder = dirname(path);
    if (!existsSync(folder)) throw new AppError('reportFolderMissing', { path: folder });
  }

  /** The input of the HTML builder: the latest analysis (made first when there is none) and what goes with it. */
  async gather(request: Omit<ReportRequest, 'path'>, run: RunOptions = {}): Promise<ReportInput> {
    const { workspaces, analyses } = this.deps;
    const path = workspaces.requirePath();
    let analysis = analyses.latest();
    if (!analysis) analysis = await analyses.run({}, run);
    if (run.signal?.aborted) throw new AppError('cancelled');
    const db = workspaces.requireStore().db;
    const stored = latestRun(db);
    if (!stored || stored.runId !== analysis.runId) throw new AppError('analysisOutdated');
    if (!this.loaded || this.loaded.path !== path || this.loaded.runId !== stored.runId) this.loaded = { path, runId: stored.runId, run: loadRun(db, stored) };
    const settings = analyses.settings();
    const workspace = workspaces.current();
    let scenarios: ReportScenario[] | null = null;
    if (this.deps.scenarios) {
      try {
        scenarios = this.deps.scenarios();
      } catch (error) {
        // The report goes out without them (the section says none were chosen); the reason is logged.
        console.warn('[value-ladder] what-if scenarios left out of the report:', error);
        scenarios = [];
      }
    }
    // The report says how the projections held up: the latest back-test of these data, made now when there is none.
    let backtest = analyses.latestBacktest();
    if (!backtest || backtest.stale) {
      try {
        backtest = await analyses.backtest(null, settings.horizonMonths, run);
      } catch (error) {
        if (!(error instanceof AppError) || (error.key !== 'backtestTooLate' && error.key !== 'asOfBeforeData')) throw error;
        backtest = null;
      }
    }
    if (run.signal?.aborted) throw new AppError('cancelled');
    const client = request.client?.trim() || settings.reportClient?.trim() || workspace?.name || basename(path);
    const author = request.author?.trim() || settings.reportAuthor?.trim() || null;
    return {
      locale: request.locale,
      pageSize: request.pageSize,
      sections: request.sections,
      client,
      author,
      logo: readLogo(settings.reportLogoPath),
      createdOn: isoFromEpochDay(todayEpochDay()),
      workspace: { name: workspace?.name ?? basename(path), firstDate: workspace?.firstDate ?? null, lastDate: workspace?.lastDate ?? null },
      // Money is shown in the workspace's currency as it is set now (it changes no figure).
      run: { ...analysis, settings: { ...analysis.settings, currency: settings.currency } },
      loaded: this.loaded.run,
      fit: analyses.latestFit(),
      backtest: backtest?.result ?? null,
      scenarios,
    };
  }

  async create(request: ReportRequest, run: RunOptions = {}): Promise<ReportResult> {
    const progress = run.onProgress ?? (() => undefined);
    const stages: { stage: string; ms: number }[] = [];
    const time = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
      const start = performance.now();
      try {
        return await work();
      } finally {
        stages.push({ stage, ms: performance.now() - start });
      }
    };
    const check = () => {
      if (run.signal?.aborted) throw new AppError('cancelled');
    };
    this.checkTarget(request.path);
    this.deps.warmUpPrinter?.();
    progress('gathering', 0, 3);
    const input = await time('gather', () => this.gather(request, run));
    check();
    progress('rendering', 1, 3);
    await loadChartEngine();
    const built = await time('html', () => buildReportHtml(input));
    check();
    progress('printing', 2, 3);
    const pdf = await time('print', () => this.deps.printPdf(built.html, { pageSize: request.pageSize }));
    check();
    const temporary = join(dirname(request.path), `.${basename(request.path)}.${process.pid}.tmp`);
    await time('write', () => {
      try {
        writeFileSync(temporary, pdf);
        renameSync(temporary, request.path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new AppError('reportWriteFailed', { path: request.path }, { cause: error });
      }
    });
    progress('printing', 3, 3);
    this.lastTimings = { stages, html: built };
    this.lastWritten = request.path;
    return { path: request.path, pages: countPdfPages(pdf), bytes: pdf.byteLength };
  }

  /**
   * Opens the last report written in this session, or shows it in its folder. The renderer names
   * no path: only a file this service wrote can be opened this way.
   */
  async show(how: 'open' | 'folder'): Promise<null> {
    const path = this.lastWritten;
    if (!path) throw new AppError('reportNotMade');
    if (!existsSync(path)) throw new AppError('pathMissing', { path });
    await this.deps.showFile(path, how);
    return null;
  }
}
