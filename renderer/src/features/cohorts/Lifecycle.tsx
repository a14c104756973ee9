import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { LIFECYCLE_COLORS, LIFECYCLE_STAGES } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { openCustomers } from '../customers/filter-store';
import type { GlossaryTerm } from '../help/Glossary';
import { TermHelp } from '../help/TermHelp';
import { ExportableTable } from '../../components/TableExport';

/** Each stage's glossary entry. */
const STAGE_TERMS: Record<(typeof LIFECYCLE_STAGES)[number], GlossaryTerm> = {
  new: 'stageNew',
  growing: 'stageGrowing',
  stable: 'stageStable',
  declining: 'stageDeclining',
  lapsed: 'stageLapsed',
  wonBack: 'stageWonBack',
};

/** How many customers are in each lifecycle stage; each opens its customers. */
export function LifecycleStages({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  const counts = run.summary.lifecycle;
  const total = LIFECYCLE_STAGES.reduce((sum, stage) => sum + (counts[stage] ?? 0), 0);
  return (
    <ul className="stage-bars" data-testid="lifecycle-stages">
      {LIFECYCLE_STAGES.map((stage) => {
        const count = counts[stage] ?? 0;
        const share = total > 0 ? count / total : 0;
        return (
          <li key={stage}>
            <button type="button" className="stage-bar" disabled={count === 0} onClick={() => openCustomers(app, { lifecycle: [stage] })} data-stage={stage} title={t('cohorts.lifecycle.open')}>
              <span className="stage-bar__name">
                <span className="code-dot" style={{ background: LIFECYCLE_COLORS[stage] }} aria-hidden="true" />
                {t(`codes.lifecycle.${stage}`)}
                <TermHelp term={STAGE_TERMS[stage]} />
              </span>
              <span className="stage-bar__track" aria-hidden="true">
                <span className="stage-bar__fill" style={{ width: `${(share * 100).toFixed(2)}%`, background: LIFECYCLE_COLORS[stage] }} />
              </span>
              <span className="stage-bar__count num">{f.integer(count)}</span>
              <span className="stage-bar__share num muted">{f.percent(share)}</span>
            </button>
            <span className="stage-bar__hint muted small">{t(`cohorts.lifecycle.describe.${stage}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}

type Migration = AnalysisRun['summary']['lifecycleMigration'];

/** From-stage (rows, at the comparison date) × to-stage (columns, now): customer counts, shaded by share of the row. */
export function MigrationTable({ migration, asOf, codeKind, testId }: { migration: Migration; asOf: string; codeKind: string; testId: string }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const word = (code: string) => t(`codes.${codeKind}.${code}`, { defaultValue: code });
  const rows = migration.labels.map((label, i) => ({ label, cells: migration.matrix[i] ?? [] })).filter((row) => row.cells.some((value) => value > 0));
  const columns = migration.labels.map((label, j) => ({ label, j })).filter(({ j }) => migration.matrix.some((row) => (row[j] ?? 0) > 0));
  if (rows.length === 0) return <p className="muted">{t('ladder.migration.empty')}</p>;
  return (
    <ExportableTable name={`movement-${codeKind}-${asOf}`} sheet={t('cohorts.migration.sheet')}>
      <div className="table-scroll">
        <table className="table migration-table" data-testid={testId}>
          <caption className="visually-hidden">{t('cohorts.migration.caption', { from: f.date(migration.from), to: f.date(asOf) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="migration-table__corner">
                <span>{t('cohorts.migration.fromTo', { from: f.date(migration.from), to: f.date(asOf) })}</span>
              </th>
              {columns.map(({ label }) => (
                <th scope="col" key={label} className="num" data-kind="integer">
                  {word(label)}
                </th>
              ))}
              <th scope="col" className="num" data-kind="integer">
                {t('cohorts.migration.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, cells }) => {
              const rowTotal = cells.reduce((sum, value) => sum + value, 0);
              return (
                <tr key={label}>
                  <th scope="row">{word(label)}</th>
                  {columns.map(({ label: to, j }) => {
                    const value = cells[j] ?? 0;
                    const share = rowTotal > 0 ? value / rowTotal : 0;
                    return (
                      <td key={to} className={`num migration-table__cell${to === label ? ' migration-table__cell--same' : ''}`} style={{ ['--share' as string]: share.toFixed(3) }} title={f.percent(share)} data-value={value}>
                        {value > 0 ? f.integer(value) : <span className="muted">·</span>}
                      </td>
                    );
                  })}
                  <td className="num migration-table__total" data-value={rowTotal}>
                    {f.integer(rowTotal)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ExportableTable>
  );
}
