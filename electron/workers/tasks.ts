/**
 * What the worker threads can do. Each task is plain Node code over the storage module and the
 * pure analytics; the pool runs it off the thread that serves the UI.
 */
import type { SampleName } from '../../shared/domain/workspace';
import type { SqliteOptions } from '../db/sqlite';
import type { ImportOptions } from '../../shared/domain/import';
import { previewImport, runImport, type RunImportInput } from '../services/import/run-import';
import { buildSampleWorkspace } from '../services/samples/build-sample';
import { prepareAnalysis, runAnalysis, runBacktest, type RunAnalysisInput, type RunBacktestInput } from '../services/analysis/run-analysis';
import { runFit, type FitInput } from '../services/analysis/fit-models';
import { buildWhatIfBaselineTask } from '../services/whatif/build-baseline';
import { anonymiseTask, type AnonymiseInput } from '../services/workspace/anonymise-task';
import { setPasswordTask, type SetPasswordInput } from '../services/workspace/password-task';

export interface TaskContext {
  sqlite: SqliteOptions;
  /** The worker script, for helper threads (the import writer). */
  workerScript: string;
  progress(stage: string, done: number, total: number): void;
  /** True once the caller has cancelled; long loops check it between chunks. */
  shouldStop(): boolean;
}

export const tasks = {
  'sample.build': (input: { sample: SampleName; target: string; replace: boolean; samplesDir: string }, context: TaskContext): null => {
    buildSampleWorkspace({ ...input, sqlite: context.sqlite, onProgress: context.progress, shouldStop: context.shouldStop });
    return null;
  },
  'import.preview': (input: { workspace: string; file: string; options: ImportOptions }, context: TaskContext) => previewImport(input, context),
  'import.run': (input: RunImportInput, context: TaskContext) => runImport(input, context),
  'analysis.run': (input: RunAnalysisInput, context: TaskContext) => runAnalysis(input, context),
  'models.fit': (input: FitInput, context: TaskContext) => runFit(input, context),
  'models.backtest': (input: RunBacktestInput, context: TaskContext) => runBacktest(input, context),
  'analysis.prepare': (input: { workspace: string }, context: TaskContext) => prepareAnalysis(input, context),
  'whatif.baseline': (input: { workspace: string }, context: TaskContext) => buildWhatIfBaselineTask(input, context),
  'workspace.anonymise': (input: AnonymiseInput, context: TaskContext) => anonymiseTask(input, context.sqlite),
  'workspace.setPassword': (input: SetPasswordInput, context: TaskContext) => setPasswordTask(input, context.sqlite),
} satisfies Record<string, (input: never, context: TaskContext) => unknown>;

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<T extends TaskName> = Parameters<Tasks[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<Tasks[T]>>;
