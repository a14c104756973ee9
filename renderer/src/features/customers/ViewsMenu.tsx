import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../../components/Popover';
import type { SavedView } from './views';

interface Props {
  views: SavedView[];
  onApply: (view: SavedView) => void;
  onSave: (name: string) => void;
  onRemove: (name: string) => void;
}

/** Saved views: apply one, save the current filter, sort and columns under a name, or remove one. */
export function ViewsMenu({ views, onApply, onSave, onRemove }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <Popover title={t('customers.views.title')} label={t('customers.views.title')} align="end" testId="views">
      {(close) => (
        <div className="views-menu">
          {views.length === 0 ? (
            <p className="muted small views-menu__empty">{t('customers.views.empty')}</p>
          ) : (
            <ul className="views-menu__list">
              {views.map((view) => (
                <li key={view.name} className="views-menu__item">
                  <button
                    type="button"
                    className="views-menu__apply"
                    onClick={() => {
                      onApply(view);
                      close();
                    }}
                    data-testid="apply-view"
                  >
                    {view.name}
                  </button>
                  <button type="button" className="chip__remove" onClick={() => onRemove(view.name)} aria-label={t('customers.views.remove', { name: view.name })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="views-menu__save"
            onSubmit={(event) => {
              event.preventDefault();
              const trimmed = name.trim();
              if (!trimmed) return;
              onSave(trimmed);
              setName('');
            }}
          >
            <label className="visually-hidden" htmlFor="view-name">
              {t('customers.views.name')}
            </label>
            <input id="view-name" value={name} maxLength={60} placeholder={t('customers.views.namePlaceholder')} onChange={(event) => setName(event.target.value)} data-testid="view-name" />
            <button type="submit" className="button button--small" disabled={!name.trim()} data-testid="save-view">
              {t('customers.views.save')}
            </button>
          </form>
          <p className="muted small views-menu__note">{t('customers.views.note')}</p>
        </div>
      )}
    </Popover>
  );
}
