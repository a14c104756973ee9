import { useLayoutEffect, useRef, useState } from 'react';

/**
 * A figure that never shows clipped: the full value when it fits its box, else the compact one
 * ("£14.6M"), else the compact one in a smaller size. The exact value stays in the tooltip. Each
 * step is measured before the browser paints (layout effects), again whenever the box's width
 * changes (a narrower window, another language's label).
 */
export function FitFigure({ value, compact, exact, testId }: { value: string; compact?: string; exact?: string; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [fit, setFit] = useState<{ level: 0 | 1 | 2; for: string }>({ level: 0, for: value });
  const level = fit.for === value ? fit.level : 0;

  // One step down while the figure overflows; React re-renders before paint, so no step is seen.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || level === 2 || element.scrollWidth <= element.clientWidth + 0.5) return;
    setFit({ level: level === 0 && compact !== undefined ? 1 : 2, for: value });
  }, [value, compact, level]);

  // A box of another width starts again from the full value.
  useLayoutEffect(() => {
    const box = ref.current?.parentElement;
    if (!box) return;
    let width = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth === width) return;
      width = box.clientWidth;
      setFit({ level: 0, for: value });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [value]);

  return (
    <span ref={ref} className="fit-figure" data-fit={level} title={exact ?? value} data-testid={testId}>
      {level === 0 || compact === undefined ? value : compact}
    </span>
  );
}
