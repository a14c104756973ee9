import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TableToSave } from '../../../../shared/domain/export';
import { TableExport } from '../../components/TableExport';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { EmptyState } from '../../components/EmptyState';
import type { GlossaryTerm } from '../help/Glossary';
import { TermHelp } from '../help/TermHelp';
import { AnalysisFrame, Panel } from '../analysis/AnalysisFrame';
import { useAnalysisFormat } from '../analysis/format';
import { CohortHeatmap } from './CohortHeatmap';
import { LifecycleStages, MigrationTable } from './Lifecycle';
import { LTV_HEIGHT, LtvCurves } from './LtvCurves';
import { heatmapHeight } from './CohortHeatmap';
import { Staged, useStaged } from '../../components/staged';

/**
 * The retention heatmap first; the rest (margin heatmap, and below the first screenful the LTV
 * curves, lifecycle stages and their movement) after its frame.
 */
const STAGES = 2;
/** About the heights of the lifecycle stages and the movement table, for their placeholders. */
const LIFECYCLE_HEIGHT = 300;
const MIGRATION_HEIGHT = 260;

function LifetimeFigures({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const { cohorts } = run.summary;
  const life = cohorts.lifetime;
  const years = (value: number) => t('cohorts.lifetime.years', { years: f.oneDecimal(value) });
  const figures = [
    { id: 'cohorts', term: 'cohort' as GlossaryTerm, label: t('cohorts.lifetime.cohorts'), value: f.integer(cohorts.labels.length), hint: t(`cohorts.lifetime.period.${cohorts.period}`) },
    { id: 'observed', label: t('cohorts.lifetime.observed'), value: years(life.observedMeanYears), hint: t('cohorts.lifetime.observedHint') },
    { id: 'survival', label: t('cohorts.lifetime.survival'), value: years(life.survivalMeanYears), hint: t('cohorts.lifetime.survivalHint', { years: f.oneDecimal(life.survivalHorizonDays / 365.25) }) },
    { id: 'atHorizon', term: 'retention' as GlossaryTerm, label: t('cohorts.lifetime.atHorizon'), value: f.percent(life.survivalAtHorizon), hint: t('cohorts.lifetime.atHorizonHint', { years: f.oneDecimal(life.survivalHorizonDays / 365.25) }) },
    { id: 'window', term: 'inactivityWindow' as GlossaryTerm, label: t('cohorts.lifetime.window'), value: t('cohorts.lifetime.days', { days: f.integer(life.inactivityDays) }), hint: t('cohorts.lifetime.windowHint') },
  ];
  return (
    <dl className="kpis kpis--compact" data-testid="lifetime">
      {figures.map((figure) => (
        <div className="kpi" key={figure.id} data-kpi={figure.id}>
          <dt className="kpi__label">
            {figure.label}
            {figure.term ? <TermHelp term={figure.term} /> : null}
          </dt>
          <dd className="kpi__value">{figure.value}</dd>
          <dd className="kpi__hint muted">{figure.hint}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every cohort × period figure as one long table (a pivot table in Excel re-draws any heatmap). */
function cohortTable(t: TFunction, run: AnalysisRun): TableToSave {
  const c = run.summary.cohorts;
  const rows: TableToSave['rows'] = [];
  c.labels.forEach((label, cohort) => {
    (c.retention[cohort] ?? []).forEach((retention, period) => {
      const at = (table: number[][]) => {
        const value = table[cohort]?.[period];
        return value === undefined || !Number.isFinite(value) ? null : value;
      };
      rows.push([label, c.size[cohort] ?? null, period, at(c.active), Number.isFinite(retention) ? retention : null, at(c.revenue), at(c.revenuePerCustomer), at(c.margin), at(c.marginPerCustomer), at(c.cumulativeMarginPerCustomer)]);
    });
  });
  const header = (key: string) => t(`cohorts.export.${key}`);
  return {
    sheet: t('cohorts.title'),
    columns: [
      { header: header(`cohort.${c.period}`), kind: 'text' },
      { header: header('size'), kind: 'integer' },
      { header: header(`since.${c.period}`), kind: 'integer' },
      { header: header('active'), kind: 'integer' },
      { header: header('retention'), kind: 'percent' },
      { header: header('revenue'), kind: 'money' },
      { header: header('revenuePerCustomer'), kind: 'money' },
      { header: header('margin'), kind: 'money' },
      { header: header('marginPerCustomer'), kind: 'money' },
      { header: header('cumulativeMarginPerCustomer'), kind: 'money' },
    ],
    rows,
  };
}

/** Acquisition cohorts (retention, margin per customer, LTV curves, lifetime) and lifecycle stages with their movement. */
export function CohortsScreen() {
  const { t } = useTranslation();
  return (
    <AnalysisFrame title={t('cohorts.title')} name="cohorts">
      {(run) => (run.summary.cohorts.labels.length === 0 ? <EmptyState title={t('cohorts.empty')} /> : <CohortsDashboard run={run} />)}
    </AnalysisFrame>
  );
}

/** The dashboard, its parts staged from when the run is there (not from when the screen opened). */
function CohortsDashboard({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const shown = useStaged(STAGES);
  const { cohorts } = run.summary;
  const partial = cohorts.lastPeriodComplete ? null : t('cohorts.partial');
  return (
    <div className="dashboard">
      <LifetimeFigures run={run} />
      <Panel
        title={t('cohorts.retention.title')}
        subtitle={[t('cohorts.retention.subtitle'), partial].filter(Boolean).join(' ')}
        testId="retention-panel"
        actions={<TableExport name={`cohorts-${run.summary.asOf}`} testId="cohorts-export" table={() => cohortTable(t, run)} />}
      >
        <CohortHeatmap labels={cohorts.labels} sizes={cohorts.size} values={cohorts.retention} kind="share" title={t('cohorts.retention.title')} testId="retention-chart" period={cohorts.period} scaleFromFirstPeriod />
      </Panel>
      <Panel title={t('cohorts.margin.title')} subtitle={t('cohorts.margin.subtitle')} testId="margin-panel">
        <Staged stage={2} shown={shown} height={heatmapHeight(cohorts.labels.length)}>
          <CohortHeatmap labels={cohorts.labels} sizes={cohorts.size} values={cohorts.marginPerCustomer} kind="money" title={t('cohorts.margin.title')} testId="margin-chart" period={cohorts.period} />
        </Staged>
      </Panel>
      <Panel title={t('cohorts.ltv.title')} subtitle={t('cohorts.ltv.subtitle')} testId="ltv-panel">
        <Staged stage={2} shown={shown} height={LTV_HEIGHT}>
          <LtvCurves run={run} />
        </Staged>
      </Panel>
      <Panel title={t('cohorts.lifecycle.title')} subtitle={t('cohorts.lifecycle.subtitle', { days: f.integer(run.summary.inactivityDays) })} testId="lifecycle-panel">
        <Staged stage={2} shown={shown} height={LIFECYCLE_HEIGHT}>
          <LifecycleStages run={run} />
        </Staged>
      </Panel>
      <Panel
        title={t('cohorts.migration.title')}
        subtitle={t('cohorts.migration.subtitle', { from: f.date(run.summary.lifecycleMigration.from), to: f.date(run.summary.asOf) })}
        className="dashboard__wide"
      >
        <Staged stage={2} shown={shown} height={MIGRATION_HEIGHT}>
          <MigrationTable migration={run.summary.lifecycleMigration} asOf={run.summary.asOf} codeKind="lifecycle" testId="lifecycle-migration" />
        </Staged>
      </Panel>
    </div>
  );
}
