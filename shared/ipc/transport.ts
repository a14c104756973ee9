import type { Envelope } from './errors';
import type { CallName, EventName } from './contract';

/**
 * What carries the contract between a client and the services. Transports move names and
 * payloads; they never know a call by name (the contract does).
 */
export interface Transport {
  invoke(name: CallName, input: unknown, jobId: string): Promise<Envelope<unknown>>;
  /** Receive every event the services push; returns the unsubscribe function. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** Name of the Electron IPC channel of a call; the preload and the main process both derive it. */
export function callChannel(name: CallName): string {
  return `vl:call:${name}`;
}
export const EVENT_CHANNEL = 'vl:event';

/** The object the preload exposes on `window.valueLadder`: one function per contract call, plus events. */
export interface PreloadBridge {
  calls: Record<CallName, (input: unknown, jobId: string) => Promise<Envelope<unknown>>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}
