import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import type { GlossaryTerm } from './Glossary';

/**
 * A "?" beside a figure or a name: hovering or focusing it explains the term in a sentence or two
 * (the glossary's own words); clicking it (or Enter) opens the glossary at the entry. A span acting
 * as a button, because tiers and quadrants are buttons themselves and buttons cannot nest.
 */
export function TermHelp({ term }: { term: GlossaryTerm }) {
  const { t } = useTranslation();
  const app = useApp();
  const tip = useId();
  return (
    <span className="term-help" data-term-help={term}>
      <span
        role="button"
        tabIndex={0}
        className="term-help__button"
        aria-label={t('glossary.about', { term: t(`glossary.terms.${term}.term`) })}
        aria-describedby={tip}
        onClick={(event) => {
          event.stopPropagation();
          event.preventDefault();
          app.openGlossary(term);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.stopPropagation();
          event.preventDefault();
          app.openGlossary(term);
        }}
      >
        ?
      </span>
      <span role="tooltip" id={tip} className="term-help__tip">
        {t(`glossary.terms.${term}.text`)}
        <span className="term-help__more">{t('glossary.more')}</span>
      </span>
    </span>
  );
}
