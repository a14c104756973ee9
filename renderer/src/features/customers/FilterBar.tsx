import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun, CustomerFilter } from '../../../../shared/domain/analysis';
import { Popover } from '../../components/Popover';
import { codeColor, LIFECYCLE_STAGES, QUADRANTS, RFM_SEGMENTS, STRATEGIES, TIERS } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { isFilterEmpty } from './filter-store';

type ListKind = 'tier' | 'quadrant' | 'strategy' | 'lifecycle' | 'rfmSegment';

/** The filter lists with their codes (Start is for prospects, who are not in the customer list). */
const LISTS: { kind: ListKind; codes: readonly string[]; codeKind: string }[] = [
  { kind: 'tier', codes: TIERS, codeKind: 'tier' },
  { kind: 'quadrant', codes: QUADRANTS, codeKind: 'quadrant' },
  { kind: 'strategy', codes: STRATEGIES.filter((code) => code !== 'start'), codeKind: 'strategy' },
  { kind: 'lifecycle', codes: LIFECYCLE_STAGES, codeKind: 'lifecycle' },
  { kind: 'rfmSegment', codes: RFM_SEGMENTS, codeKind: 'rfmSegment' },
];

function countOf(run: AnalysisRun, kind: ListKind, code: string): number | null {
  const s = run.summary;
  switch (kind) {
    case 'tier':
      return s.ladder[code as keyof typeof s.ladder]?.customers ?? null;
    case 'quadrant':
      return s.quadrants[code as keyof typeof s.quadrants]?.customers ?? null;
    case 'strategy':
      return s.strategies[code as keyof typeof s.strategies] ?? null;
    case 'lifecycle':
      return s.lifecycle[code] ?? null;
    case 'rfmSegment':
      return s.rfmSegments[code] ?? null;
  }
}

/** The quick search, typed into at once and applied after a short pause. */
function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // A search set from elsewhere (a saved view, Clear all) replaces what is typed.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onChange(text), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="search-box">
      <span className="visually-hidden">{t('customers.search')}</span>
      <span className="search-box__icon" aria-hidden="true" />
      <input
        type="search"
        value={text}
        placeholder={t('customers.searchPlaceholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(text);
        }}
        data-testid="customer-search"
      />
    </label>
  );
}

interface Props {
  run: AnalysisRun;
  filter: CustomerFilter;
  onChange: (filter: CustomerFilter) => void;
}

/** Search, the filter menus (tier, quadrant, strategy, lifecycle stage, RFM segment, activity) and the chips of what is chosen. */
export function FilterBar({ run, filter, onChange }: Props) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const toggle = (kind: ListKind, code: string) => {
    const current = (filter[kind] as string[] | undefined) ?? [];
    const next = current.includes(code) ? current.filter((value) => value !== code) : [...current, code];
    onChange({ ...filter, [kind]: next });
  };
  const chips: { key: string; label: string; remove: () => void; color?: string }[] = [];
  for (const { kind, codeKind } of LISTS) {
    for (const code of (filter[kind] as string[] | undefined) ?? []) {
      chips.push({ key: `${kind}-${code}`, label: `${t(`customers.filters.${kind}`)}: ${t(`codes.${codeKind}.${code}`)}`, remove: () => toggle(kind, code), color: codeColor(codeKind, code) });
    }
  }
  if (filter.active !== undefined) {
    chips.push({ key: 'active', label: filter.active ? t('customers.filters.activeOnly') : t('customers.filters.inactiveOnly'), remove: () => onChange({ ...filter, active: undefined }) });
  }
  if (filter.search) chips.push({ key: 'search', label: t('customers.filters.searchChip', { text: filter.search }), remove: () => onChange({ ...filter, search: undefined }) });

  return (
    <div className="filter-bar">
      <div className="filter-bar__controls">
        <SearchBox value={filter.search ?? ''} onChange={(search) => onChange({ ...filter, search })} />
        {LISTS.map(({ kind, codes, codeKind }) => {
          const chosen = (filter[kind] as string[] | undefined) ?? [];
          return (
            <Popover
              key={kind}
              title={t(`customers.filters.${kind}`)}
              active={chosen.length > 0}
              testId={`filter-${kind}`}
              label={
                <>
                  {t(`customers.filters.${kind}`)}
                  {chosen.length > 0 ? <span className="menu-button__badge">{f.integer(chosen.length)}</span> : null}
                </>
              }
            >
              <ul className="option-list">
                {codes.map((code) => {
                  const count = countOf(run, kind, code);
                  return (
                    <li key={code}>
                      <label className="option">
                        <input type="checkbox" checked={chosen.includes(code)} onChange={() => toggle(kind, code)} data-testid={`filter-${kind}-${code}`} />
                        <span className="code-dot" style={{ background: codeColor(codeKind, code) }} aria-hidden="true" />
                        <span className="option__label">{t(`codes.${codeKind}.${code}`)}</span>
                        {count !== null ? <span className="option__count muted">{f.integer(count)}</span> : null}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </Popover>
          );
        })}
        <Popover
          title={t('customers.filters.activity')}
          active={filter.active !== undefined}
          testId="filter-activity"
          label={t('customers.filters.activity')}
        >
          {(close) => (
            <ul className="option-list">
              {[
                { value: undefined, label: t('customers.filters.anyActivity') },
                { value: true, label: t('customers.filters.activeOnly') },
                { value: false, label: t('customers.filters.inactiveOnly') },
              ].map((option) => (
                <li key={String(option.value)}>
                  <label className="option">
                    <input
                      type="radio"
                      name="activity"
                      checked={filter.active === option.value}
                      onChange={() => {
                        onChange({ ...filter, active: option.value });
                        close();
                      }}
                    />
                    <span className="option__label">{option.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Popover>
      </div>
      {chips.length > 0 ? (
        <ul className="chips" aria-label={t('customers.filters.chosen')} data-testid="filter-chips">
          {chips.map((chip) => (
            <li key={chip.key} className="chip" data-chip={chip.key}>
              {chip.color ? <span className="code-dot" style={{ background: chip.color }} aria-hidden="true" /> : null}
              <span className="chip__label">{chip.label}</span>
              <button type="button" className="chip__remove" onClick={chip.remove} aria-label={t('customers.filters.remove', { filter: chip.label })}>
                ×
              </button>
            </li>
          ))}
          {!isFilterEmpty(filter) ? (
            <li>
              <button type="button" className="button button--quiet button--small" onClick={() => onChange({})} data-testid="clear-filters">
                {t('customers.filters.clear')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
