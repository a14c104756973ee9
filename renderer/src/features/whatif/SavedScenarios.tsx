import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedScenario } from '../../../../shared/domain/whatif';
import { useApp } from '../../app/AppContext';
import { useFormat } from '../../i18n/format';
import { scenarioActions } from './store';

interface Props {
  saved: SavedScenario[];
  /** The saved scenario the editor shows, if any. */
  currentId: number | null;
  onOpen(entry: SavedScenario): void;
  compare: number[];
  onCompareChange(ids: number[]): void;
  onDeleted(id: number): void;
}

export const MAX_COMPARE = 4;

/** The scenarios saved in the workspace: open, rename, duplicate, delete, include in the report, tick for comparison. */
export function SavedScenarios({ saved, currentId, onOpen, compare, onCompareChange, onDeleted }: Props) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const guard = (work: () => Promise<unknown>) => void work().catch(app.showError);

  if (saved.length === 0) return <p className="muted small" data-testid="saved-empty">{t('whatif.saved.empty')}</p>;
  return (
    <ul className="saved-scenarios" data-testid="saved-scenarios">
      {saved.map((entry) => {
        const ticked = compare.includes(entry.id);
        return (
          <li key={entry.id} className={`saved-scenario${entry.id === currentId ? ' saved-scenario--current' : ''}`} data-scenario-id={entry.id} data-scenario-name={entry.name}>
            <input
              type="checkbox"
              checked={ticked}
              disabled={!ticked && compare.length >= MAX_COMPARE}
              onChange={(event) => onCompareChange(event.target.checked ? [...compare, entry.id] : compare.filter((id) => id !== entry.id))}
              aria-label={t('whatif.saved.tickCompare', { name: entry.name })}
              data-testid="compare-tick"
            />
            {renaming?.id === entry.id ? (
              <form
                className="saved-scenario__rename"
                onSubmit={(event) => {
                  event.preventDefault();
                  const name = renaming.name.trim();
                  if (!name) return;
                  guard(async () => {
                    await scenarioActions.save({ id: entry.id, name, scenario: entry.scenario, forReport: entry.forReport });
                    setRenaming(null);
                  });
                }}
              >
                <input
                  autoFocus
                  value={renaming.name}
                  maxLength={120}
                  onChange={(event) => setRenaming({ id: entry.id, name: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') setRenaming(null);
                  }}
                  aria-label={t('whatif.saved.newName')}
                  data-testid="rename-input"
                />
                <button type="submit" className="button button--small button--primary">
                  {t('whatif.saved.ok')}
                </button>
              </form>
            ) : (
              <button type="button" className="saved-scenario__name" onClick={() => onOpen(entry)} title={t('whatif.saved.updated', { when: format.dateTime(entry.updatedAt) })} data-testid="open-scenario">
                <bdi>{entry.name}</bdi>
              </button>
            )}
            <label className="check-inline small saved-scenario__report" title={t('whatif.saved.forReportHint')}>
              <input
                type="checkbox"
                checked={entry.forReport}
                onChange={(event) => guard(() => scenarioActions.save({ id: entry.id, name: entry.name, scenario: entry.scenario, forReport: event.target.checked }))}
                data-testid="for-report"
              />
              {t('whatif.saved.forReport')}
            </label>
            <span className="saved-scenario__actions">
              <button type="button" className="button button--quiet button--small" onClick={() => setRenaming({ id: entry.id, name: entry.name })} data-testid="rename">
                {t('whatif.saved.rename')}
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => guard(() => scenarioActions.duplicate(entry.id))} data-testid="duplicate">
                {t('whatif.saved.duplicate')}
              </button>
              {confirmDelete === entry.id ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() =>
                    guard(async () => {
                      await scenarioActions.remove(entry.id);
                      setConfirmDelete(null);
                      onCompareChange(compare.filter((id) => id !== entry.id));
                      onDeleted(entry.id);
                    })
                  }
                  onBlur={() => setConfirmDelete(null)}
                  data-testid="delete-confirm"
                >
                  {t('whatif.saved.deleteConfirm')}
                </button>
              ) : (
                <button type="button" className="button button--quiet button--small" onClick={() => setConfirmDelete(entry.id)} data-testid="delete">
                  {t('whatif.saved.delete')}
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
