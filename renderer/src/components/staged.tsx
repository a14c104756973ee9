import { useEffect, useState, type ReactNode } from 'react';

/**
 * How many of a screen's parts to show: the first at once, then one more per frame (after the
 * browser has painted the ones before), so that switching to a screen of several charts paints its
 * first chart without waiting for all of them.
 */
export function useStaged(parts: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= parts) return;
    let timer = 0;
    // The charts just mounted draw in the next animation frame; the next part comes in a task after it.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown((count) => count + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [shown, parts]);
  return shown;
}

/**
 * A part shown from a stage on; before it, a placeholder of its height (the layout does not jump).
 * The placeholder is `aria-busy` and `data-deferred`: the UI bench counts the screen as switched when
 * its first chart is drawn and reports separately when the deferred ones are.
 */
export function Staged({ stage, shown, height, children }: { stage: number; shown: number; height: number; children: ReactNode }) {
  if (shown >= stage) return <>{children}</>;
  return <div className="chart-placeholder" style={{ height }} aria-busy="true" data-deferred="true" />;
}
