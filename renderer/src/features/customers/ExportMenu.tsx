import { useTranslation } from 'react-i18next';
import type { CustomerFilter, ExportList } from '../../../../shared/domain/analysis';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { Popover } from '../../components/Popover';

const EXPORTS: { list: ExportList; purpose: 'saveCsv' | 'saveCalendar'; file: string; extension: string }[] = [
  { list: 'customers', purpose: 'saveCsv', file: 'customers', extension: 'csv' },
  { list: 'crosssell', purpose: 'saveCsv', file: 'cross-sell', extension: 'csv' },
  { list: 'contacts', purpose: 'saveCsv', file: 'contact-plan', extension: 'csv' },
  { list: 'contactsCalendar', purpose: 'saveCalendar', file: 'contact-plan', extension: 'ics' },
];

export interface Exported {
  list: ExportList;
  path: string;
  rows: number;
}

/** Writes the lists of the analysis (customers, cross-sell offers, contact plan as CSV or calendar) for the current filter. */
export function ExportMenu({ filter, asOf, filtered, onExported }: { filter: CustomerFilter; asOf: string; filtered: boolean; onExported: (result: Exported) => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const exportList = async (item: (typeof EXPORTS)[number]) => {
    try {
      const path = await api['dialog.chooseFile']({ purpose: item.purpose, suggestedName: `${item.file}-${asOf}.${item.extension}` });
      if (!path) return;
      const result = await api['analysis.export']({ list: item.list, path, filter });
      onExported({ list: item.list, ...result });
    } catch (error) {
      app.showError(error);
    }
  };
  return (
    <Popover title={t('customers.export.title')} label={t('customers.export.button')} align="end" testId="export">
      {(close) => (
        <div className="export-menu">
          <p className="muted small export-menu__note">{filtered ? t('customers.export.filtered') : t('customers.export.all')}</p>
          <ul className="menu-list">
            {EXPORTS.map((item) => (
              <li key={item.list}>
                <button
                  type="button"
                  className="menu-list__item"
                  onClick={() => {
                    close();
                    void exportList(item);
                  }}
                  data-testid={`export-${item.list}`}
                >
                  <span>{t(`customers.export.lists.${item.list}`)}</span>
                  <span className="muted small">{t(`customers.export.hints.${item.list}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Popover>
  );
}
