import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilter, ExportList } from '../../../../shared/domain/analysis';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { Popover } from '../../components/Popover';
import { saveTableFile, type TableFileFormat } from '../../components/TableExport';
import { useExportWords } from '../analysis/export-words';

const LISTS: { list: ExportList; file: string }[] = [
  { list: 'customers', file: 'customers' },
  { list: 'crosssell', file: 'cross-sell' },
  { list: 'contacts', file: 'contact-plan' },
  { list: 'clv', file: 'lifetime-value' },
];

export interface Exported {
  list: ExportList;
  path: string;
  rows: number;
}

/**
 * Writes the lists of the analysis for the current filter: customers, cross-sell offers, contact
 * plan, lifetime values — as Excel or CSV in the UI language — and the contact plan as a calendar.
 */
export function ExportMenu({ filter, asOf, filtered, onExported }: { filter: CustomerFilter; asOf: string; filtered: boolean; onExported: (result: Exported) => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const words = useExportWords();
  const [format, setFormat] = useState<TableFileFormat>('xlsx');
  const exportList = async (list: ExportList, file: string) => {
    const result = await saveTableFile(app, `${file}-${asOf}`, format, (path) => api['analysis.export']({ list, path, filter, words: words() }));
    if (result) onExported({ list, ...result });
  };
  const exportCalendar = async () => {
    try {
      const path = await api['dialog.chooseFile']({ purpose: 'saveCalendar', suggestedName: `contact-plan-${asOf}.ics` });
      if (!path) return;
      const result = await api['analysis.export']({ list: 'contactsCalendar', path, filter, words: words() });
      onExported({ list: 'contactsCalendar', ...result });
    } catch (error) {
      app.showError(error);
    }
  };
  return (
    <Popover title={t('customers.export.title')} label={t('customers.export.button')} align="end" testId="export">
      {(close) => (
        <div className="export-menu">
          <p className="muted small export-menu__note">{filtered ? t('customers.export.filtered') : t('customers.export.all')}</p>
          <div className="segmented export-menu__format" role="radiogroup" aria-label={t('export.format')}>
            {(['xlsx', 'csv'] as const).map((kind) => (
              <button key={kind} type="button" role="radio" aria-checked={format === kind} className={`segmented__item${format === kind ? ' segmented__item--active' : ''}`} onClick={() => setFormat(kind)} data-testid={`export-format-${kind}`}>
                {t(`export.formats.${kind}`)}
              </button>
            ))}
          </div>
          <ul className="menu-list">
            {LISTS.map(({ list, file }) => (
              <li key={list}>
                <button
                  type="button"
                  className="menu-list__item"
                  onClick={() => {
                    close();
                    void exportList(list, file);
                  }}
                  data-testid={`export-${list}`}
                >
                  <span>{t(`customers.export.lists.${list}`)}</span>
                  <span className="muted small">{t(`customers.export.hints.${list}`)}</span>
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                className="menu-list__item"
                onClick={() => {
                  close();
                  void exportCalendar();
                }}
                data-testid="export-contactsCalendar"
              >
                <span>{t('customers.export.lists.contactsCalendar')}</span>
                <span className="muted small">{t('customers.export.hints.contactsCalendar')}</span>
              </button>
            </li>
          </ul>
        </div>
      )}
    </Popover>
  );
}
