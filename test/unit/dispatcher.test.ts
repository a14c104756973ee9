import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type EventName } from '../../shared/ipc/contract';
import { createApi } from '../../shared/ipc/client';
import { AppError } from '../../shared/ipc/errors';
import { createDispatcher, type Handlers } from '../../electron/services/api/dispatcher';
import { directTransport } from '../../electron/services/api/direct-transport';
import { EventBus } from '../../electron/services/api/events';
import { JobRegistry } from '../../electron/services/api/jobs';

function setup(overrides: Partial<Handlers>, logError = vi.fn()) {
  const events = new EventBus();
  const jobs = new JobRegistry();
  const base = Object.fromEntries(CALL_NAMES.map((name) => [name, () => null])) as unknown as Handlers;
  const handlers = { ...base, 'job.cancel': ({ jobId }) => jobs.cancel(jobId), ...overrides } as Handlers;
  const dispatch = createDispatcher(handlers, { events, jobs, validateOutput: true, logError });
  return { dispatch, events, jobs, api: createApi(directTransport({ dispatch, events })), logError };
}

describe('the dispatcher', () => {
  it('passes validated input to the handler and returns its value', async () => {
    const { api } = setup({ 'workspace.open': ({ path }) => { throw new AppError('workspaceMissing', { path }); } });
    await expect(api['workspace.open']({ path: '  /x.vlw  ' })).rejects.toMatchObject({ code: 'not_found', key: 'workspaceMissing', params: { path: '/x.vlw' }, message: 'There is no workspace at /x.vlw.' });
  });

  it('turns an unexpected failure into words, logs the stack and sends none', async () => {
    const { dispatch, logError } = setup({ 'workspace.current': () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } });
    const reply = await dispatch('workspace.current', {}, 'j');
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', key: 'internal', params: {}, message: 'Something went wrong inside Value Ladder. The details were written to the log.', hint: 'Try again; if it happens again, send the log to support.' },
    });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('maps SQLite and file-system failures to their own codes', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const missing = Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: '/nowhere/x.csv' });
    const { dispatch } = setup({ 'workspace.current': () => { throw busy; }, 'workspace.recent': () => { throw missing; } });
    expect(await dispatch('workspace.current', {}, 'a')).toMatchObject({ ok: false, error: { code: 'workspace_busy' } });
    expect(await dispatch('workspace.recent', {}, 'b')).toMatchObject({ ok: false, error: { code: 'not_found', key: 'pathMissing', params: { path: '/nowhere/x.csv' }, message: 'The file or folder /nowhere/x.csv does not exist.' } });
  });

  it('refuses an output that breaks the contract', async () => {
    const { dispatch } = setup({ 'app.settings': () => ({ locale: 'xx' }) as never });
    expect(await dispatch('app.settings', {}, 'j')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('reports progress and cancels a long job through the contract', async () => {
    let finishedLoop = false;
    const { api, jobs } = setup({
      'workspace.createSample': async (_args, { progress, signal }) => {
        for (let done = 0; done <= 100; done += 10) {
          progress('writing', done, 100);
          if (signal.aborted) return null as never;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        finishedLoop = true;
        return null as never;
      },
    });
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = api['workspace.createSample']({ sample: 'demo' }, { signal: controller.signal, onProgress: (p) => seen.push(p.done) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(jobs.size).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(finishedLoop).toBe(false);
    expect(seen[0]).toBe(0);
    expect(jobs.size).toBe(0);
  });

  it('delivers events to subscribers of the client', async () => {
    const { api, events } = setup({});
    const received: EventName[] = [];
    const off = api.on('app.command', ({ command }) => received.push(command as never));
    events.emit('app.command', { command: 'settings' });
    off();
    events.emit('app.command', { command: 'home' });
    expect(received).toEqual(['settings']);
  });
});
