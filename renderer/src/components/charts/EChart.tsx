import { useEffect, useRef } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts';
import { useChartTheme } from './chart-theme';
import { ErrorBoundary } from '../ErrorBoundary';

export interface ChartClick {
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name: string;
  data: unknown;
  dataType?: string;
}

interface Props {
  option: ChartOption;
  /** CSS height of the chart; it takes the container's width and follows its size. */
  height: number | string;
  /** What the chart shows, for screen readers. */
  label: string;
  onClick?: (event: ChartClick) => void;
  testId?: string;
  className?: string;
}

/** One chart, in a part of its own: a chart that fails shows a short message in its place (ErrorBoundary). */
export function EChart(props: Props) {
  return (
    <ErrorBoundary area={`chart/${props.testId ?? props.label}`}>
      <ChartCanvas {...props} />
    </ErrorBoundary>
  );
}

/**
 * One ECharts chart: created for the current theme (again when it changes), resized with its
 * container, disposed with the component.
 */
function ChartCanvas({ option, height, label, onClick, testId, className }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const theme = useChartTheme();
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    const outer = host.current;
    if (!outer) return;
    // The chart draws in an inner element of its own: its disposal can then wait for ECharts to be
    // done with the event it may be in (zrender reads its painter's layers after the handlers; a chart
    // disposed in between throws "Cannot read properties of null (reading 'layerStack')"), while a
    // chart for another theme starts at once in a new element.
    const element = document.createElement('div');
    element.style.width = '100%';
    element.style.height = '100%';
    outer.appendChild(element);
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // Harness builds only: the walk-everything test reaches the chart to show each series' tooltip.
    if (__HARNESS__) (outer as HTMLDivElement & { vlChart?: EChartsType }).vlChart = instance;
    // Run the handler after ECharts has finished with the event: a click that opens another screen
    // disposes this chart, and disposing inside ECharts' own handler leaves it half torn down.
    // Marks the host once the chart has drawn its first frame (tests and the UI bench wait for it).
    instance.on('rendered', () => {
      if (!outer.dataset.drawn) outer.dataset.drawn = 'true';
    });
    instance.on('click', (event) => {
      window.setTimeout(() => clickRef.current?.(event as unknown as ChartClick), 0);
    });
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // The observer also reports the first size, and sizes that came back to the drawn one:
        // a resize redraws every series, so only when the size really differs from the chart's.
        if (instance.isDisposed()) return;
        if (element.clientWidth === instance.getWidth() && element.clientHeight === instance.getHeight()) return;
        instance.resize();
      });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      chart.current = null;
      if (instance.isDisposed()) return;
      instance.off('rendered');
      instance.off('click');
      element.remove();
      window.setTimeout(() => {
        if (!instance.isDisposed()) instance.dispose();
      }, 0);
    };
  }, [theme.dark]);

  useEffect(() => {
    // No animation for people who asked the system for less motion.
    const animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const instance = chart.current;
    if (!instance || instance.isDisposed()) return;
    instance.setOption({ backgroundColor: 'transparent', textStyle: { fontFamily: theme.font, color: theme.text }, animation, animationDuration: 400, ...option }, { notMerge: true });
  }, [option, theme]);

  return <div ref={host} className={`chart${onClick ? ' chart--clickable' : ''}${className ? ` ${className}` : ''}`} style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
