import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableToSave } from '../../../shared/domain/export';
import { api } from '../api';
import { useApp } from '../app/AppContext';
import { useFormat } from '../i18n/format';
import { tableFromElement } from './dom-table';
import { Popover } from './Popover';

export type TableFileFormat = 'xlsx' | 'csv';

/**
 * Asks where to save and writes a file of the given format; the rows written, or null when the
 * person cancelled. Errors go to the app's error banner.
 */
export async function saveTableFile(
  app: ReturnType<typeof useApp>,
  name: string,
  format: TableFileFormat,
  write: (path: string) => Promise<{ path: string; rows: number }>,
): Promise<{ path: string; rows: number } | null> {
  try {
    const path = await api['dialog.chooseFile']({ purpose: 'saveTable', suggestedName: `${name}.${format}` });
    if (!path) return null;
    return await write(path);
  } catch (error) {
    app.showError(error);
    return null;
  }
}

/**
 * "Export" beside a table a screen shows: Excel (.xlsx) or CSV, with the screen's own headers and
 * typed cells; says where the file went.
 */
export function TableExport({ name, table, testId }: { name: string; table: () => TableToSave; testId?: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  const save = async (kind: TableFileFormat) => {
    const result = await saveTableFile(app, name, kind, (path) => api['table.save']({ path, table: table() }));
    if (result) setSaved(result);
  };
  return (
    <span className="table-export">
      <Popover title={t('export.title')} label={t('export.button')} align="end" testId={testId ?? `table-export-${name}`} buttonClassName="button--small">
        {(close) => (
          <ul className="menu-list">
            {(['xlsx', 'csv'] as const).map((kind) => (
              <li key={kind}>
                <button
                  type="button"
                  className="menu-list__item"
                  data-testid={`${testId ?? `table-export-${name}`}-${kind}`}
                  onClick={() => {
                    close();
                    void save(kind);
                  }}
                >
                  <span>{t(`export.formats.${kind}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Popover>
      {saved ? (
        <span className="muted small table-export__done" role="status" title={saved.path}>
          {t('export.done', { rows: format.integer(saved.rows), path: saved.path })}
        </span>
      ) : null}
    </span>
  );
}

/** A table drawn by the screen with its Export above it; the table's cells say their kinds and values (dom-table.ts). */
export function ExportableTable({ name, sheet, children }: { name: string; sheet: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const read = (): TableToSave => {
    const table = box.current?.querySelector('table');
    return table ? tableFromElement(table, sheet) : { sheet, columns: [{ header: sheet, kind: 'text' }], rows: [] };
  };
  return (
    <div className="exportable-table">
      <div className="exportable-table__bar">
        <TableExport name={name} table={read} />
      </div>
      <div ref={box}>{children}</div>
    </div>
  );
}
