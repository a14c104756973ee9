import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';

/** A value from the file as written: monospaced, with an empty one said in words. */
export function FileValueCell({ value }: CustomCellRendererProps<unknown, string | null>) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <span className="cell-empty">—</span>;
  if (value.trim() === '') return <span className="cell-empty">{t('import.check.emptyValue')}</span>;
  return <span className="cell-value">{value}</span>;
}
