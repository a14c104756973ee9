import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { STRATEGIES, STRATEGY_COLORS } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { openCustomers } from '../customers/filter-store';
import { TermHelp } from '../help/TermHelp';
import { ExportableTable } from '../../components/TableExport';

/** The seven relationship strategies: how many customers each is recommended for, and what it means. */
export function StrategyTable({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  const { strategies, customers } = run.summary;
  return (
    <ExportableTable name={`strategies-${run.summary.asOf}`} sheet={t('strategies.table.sheet')}>
      <table className="table strategy-table" data-testid="strategy-table">
        <thead>
          <tr>
            <th scope="col">{t('strategies.table.strategy')}</th>
            <th scope="col" className="num" data-kind="integer">
              {t('strategies.table.customers')}
            </th>
            <th scope="col" className="num" data-kind="percent">
              {t('strategies.table.share')}
            </th>
            <th scope="col">{t('strategies.table.description')}</th>
            <th scope="col" data-kind="skip">
              <span className="visually-hidden">{t('strategies.showCustomers')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {STRATEGIES.map((strategy) => {
            const count = strategies[strategy];
            const prospects = strategy === 'start';
            const open = () => openCustomers(app, { strategy: [strategy] });
            return (
              <tr key={strategy} className={prospects ? undefined : 'row--clickable'} onClick={prospects ? undefined : open} data-strategy={strategy}>
                <th scope="row">
                  <span className="code-pill" style={{ ['--tone' as string]: STRATEGY_COLORS[strategy] }}>
                    {t(`codes.strategy.${strategy}`)}
                  </span>
                  <TermHelp term={strategy} />
                </th>
                <td className="num" data-figure="count" data-value={count}>
                  {f.integer(count)}
                  {prospects ? <span className="muted small"> {t('strategies.table.prospects')}</span> : null}
                </td>
                <td className="num" data-value={prospects ? '' : customers > 0 ? count / customers : 0}>
                  {prospects ? '—' : f.percent(customers > 0 ? count / customers : 0)}
                </td>
                <td className="strategy-table__description">{t(`strategies.describe.${strategy}`)}</td>
                <td className="strategy-table__action">
                  {prospects ? (
                    <span className="muted small">{t('strategies.table.prospectsNote')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={count === 0}
                      onClick={(event) => {
                        event.stopPropagation();
                        open();
                      }}
                      data-testid={`open-strategy-${strategy}`}
                    >
                      {t('strategies.showCustomers')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ExportableTable>
  );
}
