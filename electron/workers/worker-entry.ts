import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../services/api/to-app-error';
import type { FromWorker, ToWorker, WorkerBootData } from './protocol';
import { tasks, type TaskContext } from './tasks';

const boot = workerData as WorkerBootData;
const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

function post(message: FromWorker): void {
  port?.postMessage(message);
}

port.on('message', async (message: ToWorker) => {
  const flag = new Int32Array(message.cancelFlag);
  const context: TaskContext = {
    sqlite: boot.sqlite,
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
