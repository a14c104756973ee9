import type { Transport } from '../../../shared/ipc/transport';
import type { Backend } from '../backend';

/** The CLI's transport: calls go straight to the dispatcher in the same process. */
export function directTransport(backend: Pick<Backend, 'dispatch' | 'events'>): Transport {
  return {
    invoke: (name, input, jobId) => backend.dispatch(name, input, jobId),
    subscribe: (listener) => backend.events.subscribe(listener),
  };
}
