import { useTranslation } from 'react-i18next';
import { AnalysisFrame, Panel } from '../analysis/AnalysisFrame';
import { useAnalysisFormat } from '../analysis/format';
import { EquityTrend } from './EquityTrend';
import { Kpis } from './Kpis';
import { LadderTiers } from './LadderTiers';
import { MigrationSankey } from './MigrationSankey';
import { WhaleCurve } from './WhaleCurve';

/** The value ladder dashboard: headline figures, the four tiers, the whale curve, customer equity and the movement between tiers. */
export function LadderScreen() {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  return (
    <AnalysisFrame title={t('ladder.title')} name="ladder">
      {(run) => (
        <div className="dashboard">
          <Kpis run={run} />
          <Panel title={t('ladder.tiers.title')} subtitle={t('ladder.tiers.subtitle', { months: f.integer(run.settings.currentWindowMonths) })} className="dashboard__wide">
            <LadderTiers run={run} />
          </Panel>
          <Panel
            title={t('ladder.whale.title')}
            subtitle={t('ladder.whale.subtitle', { pareto: f.percent(run.summary.paretoShare), share: f.percent(run.settings.mvcProfitShare), gini: f.twoDecimals(run.summary.gini), peak: f.percent(run.summary.whalePeak.y) })}
            testId="whale-panel"
          >
            <WhaleCurve run={run} />
          </Panel>
          <Panel title={t('ladder.equity.title')} subtitle={t('ladder.equity.subtitle', { months: f.integer(run.settings.horizonMonths) })}>
            <EquityTrend run={run} />
          </Panel>
          <Panel
            title={t('ladder.migration.title')}
            subtitle={t('ladder.migration.subtitle', { from: f.date(run.summary.ladderMigration.from), to: f.date(run.summary.asOf) })}
            className="dashboard__wide"
          >
            <MigrationSankey migration={run.summary.ladderMigration} asOf={run.summary.asOf} />
          </Panel>
        </div>
      )}
    </AnalysisFrame>
  );
}
