import { useTranslation } from 'react-i18next';
import { Popover } from '../../components/Popover';
import { useFormat } from '../../i18n/format';
import type { CustomerColumn } from './columns';
import { useColumnName } from './values';

interface Props {
  columns: CustomerColumn[];
  isVisible: (key: string) => boolean;
  onToggle: (key: string) => void;
  onDefaults: () => void;
  onAll: () => void;
}

/** Show or hide the grid's columns. */
export function ColumnChooser({ columns, isVisible, onToggle, onDefaults, onAll }: Props) {
  const { t } = useTranslation();
  const name = useColumnName();
  const format = useFormat();
  const shown = columns.filter((column) => isVisible(column.key)).length;
  return (
    <Popover title={t('customers.columnsMenu.title')} label={
        <>
          {t('customers.columnsMenu.button')}
          <span className="menu-button__count">{`${format.integer(shown)}/${format.integer(columns.length)}`}</span>
        </>
      } align="end" testId="columns">
      <div className="column-chooser">
        <div className="column-chooser__actions">
          <button type="button" className="button button--small" onClick={onDefaults}>
            {t('customers.columnsMenu.defaults')}
          </button>
          <button type="button" className="button button--small" onClick={onAll}>
            {t('customers.columnsMenu.all')}
          </button>
        </div>
        <ul className="option-list option-list--columns">
          {columns.map((column) => (
            <li key={column.key}>
              <label className="option">
                <input type="checkbox" checked={isVisible(column.key)} onChange={() => onToggle(column.key)} data-testid={`column-${column.key}`} />
                <span className="option__label">{name(column.key)}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    </Popover>
  );
}
