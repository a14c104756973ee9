import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { dot, escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { ExportableTable } from '../../components/TableExport';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { AnalysisFrame, Panel } from '../analysis/AnalysisFrame';
import { useAnalysisFormat } from '../analysis/format';

type Channel = AnalysisRun['summary']['channels'][number];

/** LTV/CAC above this is healthy (DOMAIN.md). */
const HEALTHY = 3;

function Ratio({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  if (value === null) return <span className="muted">—</span>;
  const tone = value > HEALTHY ? 'good' : value >= 1 ? 'warn' : 'bad';
  return (
    <span className={`ratio ratio--${tone}`} data-health={tone}>
      <span className="ratio__value">{t('channels.times', { x: f.oneDecimal(value) })}</span>
      <span className="ratio__badge">{t(`channels.health.${tone}`)}</span>
    </span>
  );
}

function ChannelTable({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  return (
    <ExportableTable name="channels" sheet={t('channels.sheet')}>
      <div className="table-scroll">
        <table className="table channel-table" data-testid="channel-table">
          <thead>
            <tr>
              <th scope="col">{t('channels.columns.channel')}</th>
              <th scope="col" className="num" data-kind="integer">
                {t('channels.columns.customers')}
              </th>
              <th scope="col" className="num" data-kind="money">
                {t('channels.columns.cac')}
              </th>
              <th scope="col" className="num" data-kind="money">
                {t('channels.columns.ltv')}
              </th>
              <th scope="col" data-kind="number">
                {t('channels.columns.ratio')}
              </th>
              <th scope="col" className="num" data-kind="number">
                {t('channels.columns.payback')}
              </th>
              <th scope="col" className="num" data-kind="money">
                {t('channels.columns.spend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {channels.map((channel) => (
              <tr key={channel.channel} data-channel={channel.channel}>
                <th scope="row">
                  <bdi>{channel.channel}</bdi>
                </th>
                <td className="num" data-value={channel.customers}>
                  {f.integer(channel.customers)}
                </td>
                <td className="num" data-value={channel.cac ?? ''}>
                  {channel.cac === null ? <span className="muted">—</span> : f.money(channel.cac)}
                </td>
                <td className={`num${channel.ltv < 0 ? ' negative' : ''}`} data-value={channel.ltv}>
                  {f.money(channel.ltv)}
                </td>
                <td data-value={channel.ltvToCac ?? ''}>
                  <Ratio value={channel.ltvToCac} />
                </td>
                <td className="num" data-value={channel.paybackMonths ?? ''}>
                  {channel.paybackMonths === null ? <span className="muted">—</span> : t('channels.months', { months: f.oneDecimal(channel.paybackMonths) })}
                </td>
                <td className="num" data-value={channel.spend}>
                  {f.money(channel.spend)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ExportableTable>
  );
}

function LtvCacChart({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const option = useMemo<ChartOption>(() => {
    const ltv = t('channels.columns.ltv');
    const cac = t('channels.columns.cac');
    const cacColor = theme.dark ? '#fbbf24' : '#d97706';
    return {
      color: [theme.accent, cacColor],
      grid: { left: 12, right: 12, top: 44, bottom: 28 },
      legend: { top: 0, [theme.rtl ? 'right' : 'left']: 0, data: [ltv, cac], textStyle: { color: theme.text, fontFamily: theme.font } },
      tooltip: {
        ...theme.tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
          const channel = channels[list[0]?.dataIndex ?? -1];
          if (!channel) return '';
          const ratio = channel.ltvToCac === null ? '—' : t('channels.times', { x: f.oneDecimal(channel.ltvToCac) });
          return `<strong>${escapeHtml(channel.channel)}</strong><br/>${dot(theme.accent)}${escapeHtml(ltv)}: ${escapeHtml(f.money(channel.ltv))}<br/>${dot(cacColor)}${escapeHtml(cac)}: ${escapeHtml(channel.cac === null ? '—' : f.money(channel.cac))}<br/>${escapeHtml(t('channels.columns.ratio'))}: ${escapeHtml(ratio)}`;
        },
      },
      xAxis: { type: 'category', inverse: theme.rtl, data: channels.map((channel) => channel.channel), ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, interval: 0, hideOverlap: false } },
      yAxis: { type: 'value', position: theme.rtl ? 'right' : 'left', ...theme.axisStyle, axisLabel: { ...theme.axisStyle.axisLabel, formatter: (value: number) => f.compactMoney(value) } },
      series: (() => {
        const ltvSeries = {
          name: ltv,
          type: 'bar' as const,
          barMaxWidth: 36,
          itemStyle: { color: theme.accent, borderRadius: [4, 4, 0, 0] },
          data: channels.map((channel) => channel.ltv),
          label: {
            show: true,
            position: 'top' as const,
            color: theme.muted,
            fontSize: 11,
            formatter: (params: { dataIndex: number }) => {
              const ratio = channels[params.dataIndex]?.ltvToCac;
              return ratio === null || ratio === undefined ? '' : t('channels.times', { x: f.oneDecimal(ratio) });
            },
          },
        };
        const cacSeries = { name: cac, type: 'bar' as const, barMaxWidth: 36, itemStyle: { color: cacColor, borderRadius: [4, 4, 0, 0] }, data: channels.map((channel) => channel.cac ?? 0) };
        // Bars of a group are drawn left to right in series order: LTV first where reading starts.
        return theme.rtl ? [cacSeries, ltvSeries] : [ltvSeries, cacSeries];
      })(),
    };
  }, [channels, t, f, theme]);
  return <EChart option={option} height={340} label={t('channels.chart.title')} testId="channel-chart" />;
}

/** LTV against acquisition cost by channel: which channels bring the best customers for what they cost. */
export function ChannelsScreen() {
  const { t } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  return (
    <AnalysisFrame title={t('channels.title')} name="channels">
      {(run) =>
        run.summary.channels.length === 0 ? (
          <EmptyState title={t('channels.empty')}>
            <p className="empty-state__text">{t('channels.emptyHint')}</p>
            <div className="empty-state__actions">
              <button type="button" className="button button--primary" onClick={() => app.navigate('import')} data-testid="channels-import">
                {t('import.openWizard')}
              </button>
            </div>
          </EmptyState>
        ) : (
          <div className="dashboard">
            <Panel title={t('channels.table.title')} subtitle={t('channels.table.subtitle', { ratio: f.integer(HEALTHY) })} className="dashboard__wide">
              <ChannelTable channels={run.summary.channels} />
            </Panel>
            <Panel title={t('channels.chart.title')} subtitle={t('channels.chart.subtitle')} className="dashboard__wide">
              <LtvCacChart channels={run.summary.channels} />
            </Panel>
          </div>
        )
      }
    </AnalysisFrame>
  );
}
