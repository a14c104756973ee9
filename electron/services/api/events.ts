import type { EventName, EventPayload } from '../../../shared/ipc/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Fan-out of the contract's events to whichever transports are attached. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
