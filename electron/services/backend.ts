import { join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import type { SqliteOptions } from '../db/sqlite';
import { WorkerPool, defaultWorkerScript } from '../workers/pool';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatcher';
import { EventBus } from './api/events';
import { JobRegistry } from './api/jobs';
import { fileErrorLog } from './app/error-log';
import { AppState } from './app/app-state';
import { assertSafeExternalUrl } from './host/external-url';
import { PathGrants } from './host/path-grants';
import type { HostPorts } from './host/host-ports';
import { AnalysisService } from './analysis/analysis-service';
export { ANALYSIS_AFFINITY } from './analysis/analysis-service';
import { ImportService } from './import/import-service';
import { WhatIfService } from './whatif/whatif-service';
import { WorkspaceService } from './workspace/workspace-service';
import { writeTable } from './export/table-file';
import { ChromiumPrinter } from './report/chromium-printer';
import { ReportService, reportScenario } from './report/report-service';

export interface BackendOptions {
  ports: HostPorts;
  /** The app's data folder (settings, recent list, default sample workspaces). */
  dataDir: string;
  /** Keep settings and the recent list in memory only (the CLI). */
  ephemeralState?: boolean;
  /** Folder of the shipped sample files. */
  samplesDir: string;
  sqlite?: SqliteOptions;
  appVersion: string;
  workerScript?: URL | string;
  validateOutput?: boolean;
  logError?: (where: string, error: unknown) => void;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus;
  workspaces: WorkspaceService;
  appState: AppState;
  reports: ReportService;
  /** Starts the worker the next tasks need before they are asked for (ANALYSIS_AFFINITY: the analysis' own). */
  warmWorker(affinity?: string): void;
  dispose(): Promise<void>;
}

/** Everything the main process serves, in plain Node: the services and the handler map over them. */
export function createBackend(options: BackendOptions): Backend {
  // One key ring for the main process and, per task, its workers (db/encryption.ts).
  const sqlite = { ...options.sqlite, keys: new Map(options.sqlite?.keys ?? []) };
  const logError = options.logError ?? fileErrorLog(options.dataDir);
  const events = new EventBus();
  const jobs = new JobRegistry();
  const appState = new AppState(options.ephemeralState ? null : join(options.dataDir, 'app-state.json'));
  const pool = new WorkerPool({ sqlite, script: options.workerScript ?? defaultWorkerScript(), logError: (task, detail) => logError(task, detail) });
  const workspaces = new WorkspaceService({ appState, events, pool, sqlite, dataDir: options.dataDir, samplesDir: options.samplesDir });

  const analyses = new AnalysisService({ workspaces, pool });
  const whatifs = new WhatIfService({ workspaces, pool, events });
  const reports = new ReportService({
    workspaces,
    analyses,
    printPdf: (html, pdfOptions) => options.ports.printPdf(html, pdfOptions),
    warmUpPrinter: () => options.ports.warmUpPrinter?.(),
    showFile: (path, how) => options.ports.showFile(path, how),
    scenarios: () => whatifs.list().filter((saved) => saved.forReport).map((saved) => reportScenario(saved.name, whatifs.compute(saved.scenario))),
  });
  // The desktop renderer names only paths the main process handed it; the harness and the CLI name any.
  const knownWorkspaces = () => {
    const recent = appState.recent().map((entry) => entry.path);
    const open = workspaces.openPath();
    return open ? [...recent, open] : recent;
  };
  const grants = options.ports.kind === 'electron' ? new PathGrants(knownWorkspaces) : null;
  const imports = new ImportService({ workspaces, pool, dataDir: options.dataDir, keepRejectedValues: () => appState.settings().keepRejectedValues, afterImport: () => analyses.prepare() });

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Value Ladder', version: options.appVersion, host: options.ports.kind, platform: process.platform, dataDir: options.dataDir }),
    'app.settings': () => appState.settings(),
    'app.updateSettings': (patch) => appState.updateSettings(patch),
    'app.logError': ({ area, message, stack }) => {
      logError(`renderer: ${area}`, stack ? `${message}\n${stack}` : message);
      return null;
    },

    'workspace.recent': () => workspaces.recent(),
    'workspace.current': () => workspaces.current(),
    'workspace.open': ({ path, password }) => workspaces.open(path, password),
    'workspace.create': ({ path, password }) => workspaces.create(path, password),
    'workspace.setPassword': ({ password }, { signal, progress }) => workspaces.setPassword(password, { signal, onProgress: progress }),
    'workspace.createSample': ({ sample, path, replace }, { signal, progress }) =>
      workspaces.createSample(sample, path, replace ?? false, { signal, onProgress: progress }),
    'workspace.openSample': ({ sample }, { signal, progress }) => workspaces.openSample(sample, { signal, onProgress: progress }),
    'workspace.close': () => {
      workspaces.close();
      return null;
    },
    'workspace.anonymise': ({ path, keepAttributes, shiftDates }, { signal, progress }) => workspaces.anonymise(path, { keepAttributes, shiftDates }, { signal, onProgress: progress }),
    'workspace.forget': ({ path }) => workspaces.forget(path),

    'data.page': (request) => ({ table: request.table, offset: request.offset, ...workspaces.page(request) }),

    'dialog.chooseFile': async ({ purpose, suggestedName }) => {
      const path = await options.ports.chooseFile(purpose, suggestedName);
      grants?.chosen(path, purpose);
      return path;
    },
    'report.create': (request, { signal, progress }) => reports.create(request, { signal, onProgress: progress }),
    'report.show': ({ how }) => reports.show(how),
    'analysis.settings': () => analyses.settings(),
    'analysis.updateSettings': (patch) => analyses.updateSettings(patch),
    'analysis.run': ({ asOf, horizonMonths }, { signal, progress }) => analyses.run({ asOf, horizonMonths }, { signal, onProgress: progress }),
    'analysis.latest': () => analyses.latest(),
    'analysis.customers': (request) => analyses.customers(request),
    'analysis.scatter': () => analyses.scatter(),
    'analysis.customer': ({ customer }) => analyses.customer(customer),
    'analysis.export': ({ list, path, filter, words }) => analyses.export(list, path, filter, words),
    'models.fit': ({ model, unit, calibrationEnd }, { signal, progress }) => analyses.fit(model, unit, calibrationEnd, { signal, onProgress: progress }),
    'models.latest': () => analyses.latestFit(),
    'models.backtest': ({ asOf, horizonMonths }, { signal, progress }) => analyses.backtest(asOf, horizonMonths, { signal, onProgress: progress }),
    'models.latestBacktest': () => analyses.latestBacktest(),
    'whatif.baseline': () => whatifs.baseline(),
    'whatif.compute': ({ scenario }) => whatifs.compute(scenario),
    'whatif.list': () => whatifs.list(),
    'whatif.save': (entry) => whatifs.save(entry),
    'whatif.delete': ({ id }) => whatifs.delete(id),
    'whatif.duplicate': ({ id }) => whatifs.duplicate(id),

    'file.stage': ({ name, base64 }) => {
      const staged = imports.stage(name, base64);
      grants?.grant(staged.path, ['read']);
      return staged;
    },
    'file.unstage': ({ path }) => (imports.unstage(path), null),

    'import.preview': ({ path, options: importOptions }, { signal, progress }) => imports.preview(path, importOptions, { signal, onProgress: progress }),
    'import.check': ({ path, options: importOptions }, { signal, progress }) => imports.check(path, importOptions, { signal, onProgress: progress }),
    'import.run': ({ path, options: importOptions, onPreviousImport, strict, acceptWarnings }, { signal, progress }) =>
      imports.run(path, importOptions, { onPreviousImport, strict, acceptWarnings }, { signal, onProgress: progress }),
    'import.log': () => imports.log(),
    'import.issues': ({ importId, kind }) => imports.issues(importId, kind),
    'import.exportLog': ({ importId, path }) => imports.exportLog(importId, path),
    'import.forgetValues': ({ importId }) => imports.forgetValues(importId),
    'table.save': async ({ path, table }) => ({ path, rows: await writeTable(path, { ...table, currency: analyses.settings().currency }) }),

    'shell.openExternal': async ({ url }) => {
      assertSafeExternalUrl(url);
      await options.ports.openExternal(url);
      return null;
    },

    'job.cancel': ({ jobId }) => jobs.cancel(jobId),
  };

  const dispatch = createDispatcher(handlers, { events, jobs, validateOutput: options.validateOutput ?? false, logError, ...(grants ? { authorize: (name, args) => grants.authorize(name, args) } : {}) });

  return {
    dispatch,
    events,
    workspaces,
    appState,
    reports,
    warmWorker: (affinity) => pool.warm(affinity),
    async dispose() {
      imports.removeStaged();
      whatifs.dispose();
      workspaces.dispose();
      await pool.close();
      await options.ports.close?.();
    },
  };
}

/** For hosts without a person to ask (the CLI). */
export function headlessPorts(kind: HostPorts['kind']): HostPorts {
  const unavailable = () => Promise.reject(new AppError('needsDesktop'));
  // Reports print with Chromium: one browser for the whole process, closed with the backend.
  const printer = new ChromiumPrinter();
  return { kind, chooseFile: unavailable, openExternal: unavailable, showFile: unavailable, printPdf: (html, pdfOptions) => printer.print(html, pdfOptions), warmUpPrinter: () => printer.warmUp(), close: () => printer.close() };
}
