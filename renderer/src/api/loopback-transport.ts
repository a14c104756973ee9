import type { EventName } from '../../../shared/ipc/contract';
import { AppError, type Envelope } from '../../../shared/ipc/errors';
import type { Transport } from '../../../shared/ipc/transport';

/**
 * The harness' transport: calls are POSTed to the loopback server with its token, events arrive
 * as server-sent events. Only in harness builds (`__HARNESS__`); the desktop app uses the preload.
 */
export function loopbackTransport(): Transport {
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? window.sessionStorage.getItem('vl-token') ?? '';
  window.sessionStorage.setItem('vl-token', token);
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
    for (const listener of listeners) listener(event, payload);
  };
  return {
    async invoke(name, input, jobId) {
      try {
        const response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-value-ladder-token': token },
          body: JSON.stringify({ input, jobId }),
        });
        if (response.status === 401) return { ok: false, error: new AppError('harnessToken').toShape() };
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: new AppError('harnessDown').toShape() };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
