import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vl-bench-'));
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Median wall time of `runs` calls, in milliseconds. */
export async function timeMedian(runs: number, body: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function report(label: string, value: number, unit: string, target?: string): void {
  const shown = unit === 'ms' ? value.toFixed(value < 1 ? 3 : 1) : unit === 'MB' ? value.toFixed(0) : String(value);
  console.log(`${label.padEnd(58)} ${shown.padStart(9)} ${unit}${target ? `   (target ${target})` : ''}`);
}
