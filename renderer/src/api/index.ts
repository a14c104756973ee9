import { createApi, type Api } from '../../../shared/ipc/client';
import type { PreloadBridge, Transport } from '../../../shared/ipc/transport';
import { loopbackTransport } from './loopback-transport';

declare global {
  interface Window {
    valueLadder?: PreloadBridge;
  }
  /** True in harness and development builds, which may use the loopback transport. */
  const __HARNESS__: boolean;
}

function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (name, input, jobId) => bridge.calls[name](input, jobId),
    subscribe: (listener) => bridge.subscribe(listener),
  };
}

function chooseTransport(): Transport {
  if (window.valueLadder) return preloadTransport(window.valueLadder);
  if (__HARNESS__) return loopbackTransport();
  throw new Error('Value Ladder must run inside its desktop app.');
}

/** The typed client of the contract, the renderer's only way to the services. */
export const api: Api = createApi(chooseTransport());
