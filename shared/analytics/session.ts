/**
 * Re-running only what a change affects: each stage of an analysis is kept with the inputs it was
 * computed from (its own settings and the stages it reads), and computed again only when they
 * change — a new threshold re-runs the ladder and what follows, not the metrics.
 */
export class StageCache {
  private readonly entries = new Map<string, { key: string; value: unknown }>();
  /** Stages computed (not reused) since the last `takeComputed`, for reporting. */
  private computed: string[] = [];

  /** The value of `stage` for these inputs and upstream stages, from the cache when unchanged. */
  get<T>(stage: string, inputs: unknown, upstream: readonly string[], compute: () => T): T {
    const key = JSON.stringify([inputs, upstream.map((name) => this.entries.get(name)?.key ?? null)]);
    const entry = this.entries.get(stage);
    if (entry && entry.key === key) return entry.value as T;
    const value = compute();
    this.entries.set(stage, { key, value });
    this.computed.push(stage);
    return value;
  }

  takeComputed(): string[] {
    const computed = this.computed;
    this.computed = [];
    return computed;
  }

  clear(): void {
    this.entries.clear();
  }
}
