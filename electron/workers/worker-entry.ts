import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toAppError } from '../services/api/to-app-error';
import { runImportWriterThread } from './import-writer-thread';
import type { FromWorker, ToWorker, WorkerBootData } from './protocol';
import { tasks, type TaskContext } from './tasks';

/** A pool worker: runs the tasks the pool sends, one at a time, and reports progress and results. */
function servePoolTasks(port: MessagePort, boot: WorkerBootData): void {
  const post = (message: FromWorker) => port.postMessage(message);
  port.on('message', async (message: ToWorker) => {
    const flag = new Int32Array(message.cancelFlag);
    const context: TaskContext = {
      sqlite: { ...boot.sqlite, keys: message.keys },
      workerScript: boot.script,
      progress: (stage, done, total) => post({ type: 'progress', id: message.id, stage, done, total }),
      shouldStop: () => Atomics.load(flag, 0) !== 0,
    };
    try {
      const task = tasks[message.task as keyof typeof tasks] as ((input: unknown, context: TaskContext) => unknown) | undefined;
      if (!task) throw new Error(`Unknown worker task ${message.task}`);
      post({ type: 'done', id: message.id, value: await task(message.input, context) });
    } catch (error) {
      const appError = toAppError(error);
      const detail = appError.code === 'internal' && error instanceof Error ? (error.stack ?? error.message) : null;
      post({ type: 'failed', id: message.id, error: appError.toShape(), detail });
    }
  });
}

const boot = workerData as WorkerBootData;
if (!parentPort) throw new Error('worker-entry must run in a worker thread');
if (boot.role === 'import-writer') runImportWriterThread();
else servePoolTasks(parentPort, boot);
