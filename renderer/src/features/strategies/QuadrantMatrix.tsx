import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { QUADRANT_COLORS, type Quadrant } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { openCustomers } from '../customers/filter-store';
import { TermHelp } from '../help/TermHelp';

/** Rows: current profit above / not above its threshold; columns: future profit above / not above. */
const LAYOUT: Quadrant[][] = [
  ['reward', 'manage'],
  ['develop', 'exit'],
];

/** The current × future profitability 2×2, each cell with its customers, profit, future profit and what to do. */
export function QuadrantMatrix({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  const { quadrants, customers } = run.summary;
  const current = f.money(run.summary.thresholds.current);
  const future = f.money(run.summary.thresholds.future);
  const months = f.integer(run.settings.currentWindowMonths);
  const horizon = f.integer(run.settings.horizonMonths);
  return (
    <div className="quadrants" data-testid="quadrants">
      <div className="quadrants__corner" aria-hidden="true" />
      <div className="quadrants__axis quadrants__axis--col">{t('strategies.quadrant.futureAbove', { threshold: future, months: horizon })}</div>
      <div className="quadrants__axis quadrants__axis--col">{t('strategies.quadrant.futureBelow', { threshold: future, months: horizon })}</div>
      {LAYOUT.map((row, r) => (
        <div className="quadrants__row" key={r}>
          <div className="quadrants__axis quadrants__axis--row">
            <span>{r === 0 ? t('strategies.quadrant.currentAbove', { threshold: current, months }) : t('strategies.quadrant.currentBelow', { threshold: current, months })}</span>
          </div>
          {row.map((quadrant) => {
            const cell = quadrants[quadrant];
            return (
              <button
                type="button"
                key={quadrant}
                className={`quadrant quadrant--${quadrant}`}
                style={{ ['--tone' as string]: QUADRANT_COLORS[quadrant] }}
                onClick={() => openCustomers(app, { quadrant: [quadrant] })}
                disabled={cell.customers === 0}
                data-quadrant={quadrant}
                aria-label={`${t(`codes.quadrant.${quadrant}`)} — ${t('strategies.showCustomers')}`}
              >
                <span className="quadrant__head">
                  <span className="quadrant__name">
                    {t(`codes.quadrant.${quadrant}`)}
                    <TermHelp term={quadrant} />
                  </span>
                  <span className="quadrant__count" data-figure="customers">
                    {f.integer(cell.customers)}
                    <span className="muted"> · {f.percent(customers > 0 ? cell.customers / customers : 0)}</span>
                  </span>
                </span>
                <span className="quadrant__figures">
                  <span>
                    <span className="muted">{t('strategies.quadrant.profit')}</span>
                    <strong className={cell.profit < 0 ? 'negative' : undefined}>{f.money(cell.profit)}</strong>
                  </span>
                  <span>
                    <span className="muted">{t('strategies.quadrant.futureProfit')}</span>
                    <strong className={cell.futureProfit < 0 ? 'negative' : undefined}>{f.money(cell.futureProfit)}</strong>
                  </span>
                </span>
                <span className="quadrant__action">{t(`strategies.quadrant.actions.${quadrant}`)}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
