import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { escapeHtml, useChartTheme } from '../../components/charts/chart-theme';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { EmptyState } from '../../components/EmptyState';
import { TIER_COLORS } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';

type Migration = AnalysisRun['summary']['ladderMigration'];

/**
 * Customers moving between tiers from the comparison date to the analysis date, as a Sankey
 * diagram: the earlier date's tiers on the side where reading starts (left, or right in Persian),
 * today's on the other. Node names carry their side, so that a tier appears once per date.
 */
export function MigrationSankey({ migration, asOf, codeKind = 'tier', colors = TIER_COLORS, testId = 'migration-chart' }: { migration: Migration; asOf: string; codeKind?: string; colors?: Record<string, string>; testId?: string }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const theme = useChartTheme();
  const flows = useMemo(() => {
    const list: { from: string; to: string; value: number }[] = [];
    migration.matrix.forEach((row, i) =>
      row.forEach((value, j) => {
        const from = migration.labels[i];
        const to = migration.labels[j];
        if (value > 0 && from !== undefined && to !== undefined) list.push({ from, to, value });
      }),
    );
    return list;
  }, [migration]);

  const option = useMemo<ChartOption>(() => {
    const word = (code: string) => t(`codes.${codeKind}.${code}`, { defaultValue: code });
    const totals = new Map<string, number>();
    for (const flow of flows) {
      totals.set(`from:${flow.from}`, (totals.get(`from:${flow.from}`) ?? 0) + flow.value);
      totals.set(`to:${flow.to}`, (totals.get(`to:${flow.to}`) ?? 0) + flow.value);
    }
    // Sources are drawn on the left: in a right-to-left language today's side goes there.
    const earlierFirst = !theme.rtl;
    // Nodes in the order of the codes (top tier first, "none" last); no layout iterations keep that order.
    const order = (id: string) => {
      const [side, code = ''] = id.split(':') as [string, string];
      const rank = migration.labels.indexOf(code);
      return (side === 'from' ? 0 : 1000) + (code === 'none' ? 999 : rank);
    };
    const nodes = [...totals.keys()].sort((a, b) => order(a) - order(b)).map((id) => {
      const [side, code = ''] = id.split(':') as [string, string];
      const atStart = (side === 'from') === earlierFirst;
      return {
        name: id,
        itemStyle: { color: colors[code] ?? '#8b98a9', borderColor: colors[code] ?? '#8b98a9' },
        label: { position: atStart ? 'left' : 'right', formatter: () => `${word(code)}  ${f.integer(totals.get(id) ?? 0)}` },
      };
    });
    const links = flows.map((flow) => (earlierFirst ? { source: `from:${flow.from}`, target: `to:${flow.to}`, value: flow.value } : { source: `to:${flow.to}`, target: `from:${flow.from}`, value: flow.value }));
    const labelOf = (id: string) => word(id.split(':')[1] ?? '');
    return {
      tooltip: {
        ...theme.tooltip,
        trigger: 'item',
        formatter: (params: unknown) => {
          const p = params as { dataType?: string; name: string; value: number; data: { source?: string; target?: string } };
          if (p.dataType === 'edge') {
            const [a = '', b = ''] = [p.data.source ?? '', p.data.target ?? ''];
            const from = a.startsWith('from:') ? a : b;
            const to = a.startsWith('from:') ? b : a;
            return `${escapeHtml(t('ladder.migration.flow', { src: labelOf(from), dst: labelOf(to) }))}<br/><strong>${escapeHtml(f.integer(p.value))}</strong>`;
          }
          const date = p.name.startsWith('from:') ? migration.from : asOf;
          return `${escapeHtml(labelOf(p.name))} · ${escapeHtml(f.date(date))}<br/><strong>${escapeHtml(f.integer(p.value))}</strong>`;
        },
      },
      series: [
        {
          type: 'sankey',
          left: 150,
          right: 150,
          top: 8,
          bottom: 8,
          nodeWidth: 14,
          nodeGap: 10,
          draggable: false,
          layoutIterations: 0,
          emphasis: { focus: 'adjacency' },
          label: { color: theme.text, fontFamily: theme.font, fontSize: 12 },
          lineStyle: { color: 'source', opacity: theme.dark ? 0.35 : 0.28, curveness: 0.5 },
          data: nodes,
          links,
        },
      ],
    } as ChartOption;
  }, [flows, t, f, theme, codeKind, colors, migration, asOf]);

  if (flows.length === 0) return <EmptyState title={t('ladder.migration.empty')} />;
  return (
    <div className="migration">
      <div className="migration__dates" aria-hidden="true">
        <span>{f.date(migration.from)}</span>
        <span>{f.date(asOf)}</span>
      </div>
      <EChart option={option} height={340} label={t('ladder.migration.label', { from: f.date(migration.from), to: f.date(asOf) })} testId={testId} />
    </div>
  );
}
