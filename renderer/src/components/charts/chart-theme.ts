import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDarkTheme } from '../../app/useDarkTheme';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Colours and direction for charts, matching the app's light or dark theme and the language's writing direction. */
export interface ChartTheme {
  dark: boolean;
  rtl: boolean;
  font: string;
  text: string;
  muted: string;
  axis: string;
  split: string;
  surface: string;
  accent: string;
  danger: string;
  /** Common tooltip settings: confined to the chart, in the theme's colours, written in the language's direction. */
  tooltip: {
    confine: boolean;
    backgroundColor: string;
    borderColor: string;
    textStyle: { color: string; fontFamily: string; fontSize: number };
    extraCssText: string;
  };
  /** Common axis styling. */
  axisStyle: {
    axisLine: { lineStyle: { color: string } };
    axisTick: { lineStyle: { color: string } };
    axisLabel: { color: string; fontFamily: string };
    splitLine: { lineStyle: { color: string } };
    nameTextStyle: { color: string; fontFamily: string };
  };
}

export function useChartTheme(): ChartTheme {
  const dark = useDarkTheme();
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  return useMemo(() => {
    const text = dark ? '#e6eaf0' : '#1c2330';
    const muted = dark ? '#96a2b4' : '#5f6b7a';
    const axis = dark ? '#3a4657' : '#c5ccd6';
    const split = dark ? '#252e3b' : '#eceff3';
    const surface = dark ? '#181e27' : '#ffffff';
    return {
      dark,
      rtl,
      font: FONT,
      text,
      muted,
      axis,
      split,
      surface,
      accent: dark ? '#2dd4bf' : '#0f766e',
      danger: dark ? '#f87171' : '#dc2626',
      tooltip: {
        confine: true,
        backgroundColor: surface,
        borderColor: axis,
        textStyle: { color: text, fontFamily: FONT, fontSize: 12 },
        extraCssText: `direction: ${rtl ? 'rtl' : 'ltr'}; text-align: start; box-shadow: 0 4px 14px rgb(0 0 0 / 18%);`,
      },
      axisStyle: {
        axisLine: { lineStyle: { color: axis } },
        axisTick: { lineStyle: { color: axis } },
        axisLabel: { color: muted, fontFamily: FONT },
        splitLine: { lineStyle: { color: split } },
        nameTextStyle: { color: muted, fontFamily: FONT },
      },
    };
  }, [dark, rtl]);
}

/** Escapes text put into an HTML tooltip. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coloured dot for tooltips. */
export function dot(color: string): string {
  return `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;background:${color};margin-inline-end:6px"></span>`;
}
