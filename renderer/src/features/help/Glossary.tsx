import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { useEscapeKey } from '../../components/useEscapeKey';
import { CATALOGUES } from '../../i18n';

/** Every entry of the glossary (../shared/DOMAIN.md's terms), in the order the catalogue lists them. */
export const GLOSSARY_TERMS = Object.keys(CATALOGUES.en.glossary.terms) as GlossaryTerm[];
export type GlossaryTerm = keyof typeof CATALOGUES.en.glossary.terms;

interface Entry {
  id: GlossaryTerm;
  term: string;
  text: string;
  formula: string;
  example: string;
  /** Lower-cased words to search: the entry in the UI language and its English name. */
  haystack: string;
}

/**
 * The glossary (F1, Help, or a term's "?"): every term with what it means, its formula and an
 * example, searchable in the UI language and by its English name; opened at an entry, it shows it.
 */
export function Glossary() {
  const { glossary } = useApp();
  // Keyed by the entry: each opening starts with an empty search.
  return glossary === null ? null : <GlossaryPanel key={glossary} current={glossary} />;
}

function GlossaryPanel({ current }: { current: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const entries = useMemo<Entry[]>(
    () =>
      GLOSSARY_TERMS.map((id) => {
        const part = (field: string) => t(`glossary.terms.${id}.${field}`);
        const entry = { id, term: part('term'), text: part('text'), formula: part('formula'), example: part('example') };
        return { ...entry, haystack: [entry.term, entry.text, entry.formula, CATALOGUES.en.glossary.terms[id].term].join('\n').toLocaleLowerCase() };
      }),
    [t],
  );
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length === 0 ? entries : entries.filter((entry) => words.every((word) => entry.haystack.includes(word)));

  useEffect(() => {
    if (current) requestAnimationFrame(() => list.current?.querySelector(`[data-term="${current}"]`)?.scrollIntoView({ block: 'start' }));
    else search.current?.focus();
  }, [current]);
  useEscapeKey(app.closeGlossary);

  return (
    <div className="glossary-backdrop" onMouseDown={(event) => event.target === event.currentTarget && app.closeGlossary()}>
      <aside className="glossary card" role="dialog" aria-modal="true" aria-label={t('glossary.title')} data-testid="glossary">
        <header className="glossary__head">
          <h2>{t('glossary.title')}</h2>
          <button type="button" className="button button--quiet" onClick={app.closeGlossary} data-testid="glossary-close">
            {t('glossary.close')}
          </button>
        </header>
        <label className="search-box glossary__search">
        <span className="search-box__icon" aria-hidden="true" />
        <input
          ref={search}
          type="search"
          placeholder={t('glossary.search')}
          aria-label={t('glossary.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="glossary-search"
        />
        </label>
        <div className="glossary__list" ref={list}>
          {shown.length === 0 ? <p className="muted">{t('glossary.noMatch', { query })}</p> : null}
          {shown.map((entry) => (
            <article key={entry.id} className={`glossary-entry${entry.id === current ? ' glossary-entry--current' : ''}`} data-term={entry.id}>
              <h3 className="glossary-entry__term">{entry.term}</h3>
              <p className="glossary-entry__text">{entry.text}</p>
              <dl className="glossary-entry__more">
                <dt>{t('glossary.formula')}</dt>
                <dd>
                  <bdi>{entry.formula}</bdi>
                </dd>
                <dt>{t('glossary.example')}</dt>
                <dd>
                  <bdi>{entry.example}</bdi>
                </dd>
              </dl>
            </article>
          ))}
        </div>
      </aside>
    </div>
  );
}
