import { useTranslation } from 'react-i18next';
import { AnalysisFrame, Panel } from '../analysis/AnalysisFrame';
import { QuadrantMatrix } from './QuadrantMatrix';
import { QuadrantScatter } from './QuadrantScatter';
import { StrategyTable } from './StrategyTable';

/** Current × future profitability and the seven relationship strategies; each opens its customers. */
export function StrategiesScreen() {
  const { t } = useTranslation();
  return (
    <AnalysisFrame title={t('strategies.title')} name="strategies">
      {(run) => (
        <div className="dashboard">
          <Panel title={t('strategies.quadrant.title')} subtitle={t('strategies.quadrant.subtitle')} testId="quadrant-panel">
            <QuadrantMatrix run={run} />
          </Panel>
          <Panel title={t('strategies.scatter.title')} subtitle={t('strategies.scatter.subtitle')} testId="scatter-panel">
            <QuadrantScatter run={run} />
          </Panel>
          <Panel title={t('strategies.table.title')} subtitle={t('strategies.table.subtitle')} className="dashboard__wide">
            <StrategyTable run={run} />
          </Panel>
        </div>
      )}
    </AnalysisFrame>
  );
}
