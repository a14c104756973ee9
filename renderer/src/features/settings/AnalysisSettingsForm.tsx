import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalysisSettings as SettingsSchema, DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../../../../shared/domain/settings';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { useFormat } from '../../i18n/format';
import { AnalyseButton } from '../analysis/AnalysisFrame';
import { analysisActions, settingsChangedSince, useAnalysis } from '../analysis/store';

type Key = keyof AnalysisSettings;

/** How each setting is edited. Percentages are stored as shares (0.8) and shown as percents (80). */
type Field =
  | { key: Key; kind: 'date' }
  | {
      key: Key;
      kind: 'integer' | 'number';
      unit: 'months' | 'days' | 'years' | 'contacts' | 'money';
      min?: number;
      max?: number;
      minExclusive?: boolean;
      step?: number;
      /** Empty means "from the data"; the value the data gave (shown when the person takes over). */
      auto?: (run: AnalysisRun | null | undefined) => number;
    }
  | { key: Key; kind: 'percent'; min: number; max: number; minExclusive?: boolean }
  | { key: Key; kind: 'select'; options: readonly string[] }
  | { key: Key; kind: 'currency' };

const GROUPS: { id: string; fields: Field[] }[] = [
  {
    id: 'dates',
    fields: [
      { key: 'asOf', kind: 'date' },
      { key: 'currentWindowMonths', kind: 'integer', unit: 'months', min: 1, max: 60 },
      { key: 'horizonMonths', kind: 'integer', unit: 'months', min: 1, max: 120 },
      { key: 'comparisonMonths', kind: 'integer', unit: 'months', min: 1, max: 36 },
    ],
  },
  {
    id: 'profit',
    fields: [
      { key: 'defaultMarginRate', kind: 'percent', min: 0, max: 100 },
      { key: 'costPerOrder', kind: 'number', unit: 'money', min: 0, step: 0.01 },
      { key: 'currency', kind: 'currency' },
    ],
  },
  {
    id: 'ladder',
    fields: [
      { key: 'mvcProfitShare', kind: 'percent', min: 0, max: 100, minExclusive: true },
      { key: 'mgcShare', kind: 'percent', min: 0, max: 100 },
      { key: 'currentThreshold', kind: 'number', unit: 'money', step: 0.01 },
      { key: 'futureThreshold', kind: 'number', unit: 'money', step: 0.01, auto: (run) => Math.round((run?.summary.thresholds.future ?? 0) * 100) / 100 },
    ],
  },
  {
    id: 'activity',
    fields: [
      { key: 'inactivityDays', kind: 'integer', unit: 'days', min: 1, max: 3650, auto: (run) => Math.round(run?.summary.inactivityDays ?? 90) },
      { key: 'inactivityPercentile', kind: 'percent', min: 50, max: 99 },
      { key: 'discountRateYearly', kind: 'percent', min: 0, max: 100 },
      { key: 'cohortPeriod', kind: 'select', options: ['month', 'quarter'] },
    ],
  },
  {
    id: 'actions',
    fields: [
      { key: 'crossSellSegment', kind: 'select', options: ['tier', 'region', 'industry'] },
      { key: 'crossSellLevel', kind: 'select', options: ['category', 'product'] },
      { key: 'idealProfileAdoption', kind: 'percent', min: 0, max: 100, minExclusive: true },
      { key: 'contactLeadDays', kind: 'integer', unit: 'days', min: 0, max: 365 },
      { key: 'contactCap', kind: 'integer', unit: 'contacts', min: 1, max: 1000 },
      { key: 'contactCapYears', kind: 'number', unit: 'years', min: 0.25, max: 10, step: 0.25 },
    ],
  },
];

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'RUB', 'BGN', 'RON', 'CNY', 'IRR', 'UAH', 'KZT', 'PLN', 'TRY', 'JPY', 'INR', 'CAD', 'AUD'];

type Draft = Record<Key, string>;

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** A number as typed in any of the UI's languages: Persian or Arabic digits, a decimal comma, spaces between thousands. */
export function parseNumber(text: string): number | null {
  const latin = text
    .trim()
    .replace(/[۰-۹]/g, (d) => String(PERSIAN_DIGITS.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d)))
    .replace(/[\s\u00a0\u202f\u066c']/g, '')
    .replace(/[٫,]/g, '.')
    .replace(/[−–]/g, '-');
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(latin)) return null;
  return Number(latin);
}

function toDraft(settings: AnalysisSettings): Draft {
  const draft = {} as Draft;
  for (const { fields } of GROUPS) {
    for (const field of fields) {
      const value = settings[field.key];
      if (value === null || value === undefined) draft[field.key] = '';
      else if (field.kind === 'percent') draft[field.key] = String(Math.round((value as number) * 10_000) / 100);
      else draft[field.key] = String(value);
    }
  }
  return draft;
}

/** The draft as settings, or the first problem per field (a catalogue key and its values). */
function fromDraft(draft: Draft): { settings: Partial<AnalysisSettings>; errors: Partial<Record<Key, { key: string; params?: Record<string, number> }>> } {
  const settings: Record<string, unknown> = {};
  const errors: Partial<Record<Key, { key: string; params?: Record<string, number> }>> = {};
  for (const { fields } of GROUPS) {
    for (const field of fields) {
      const text = draft[field.key].trim();
      switch (field.kind) {
        case 'date':
          if (text === '') settings[field.key] = null;
          else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) settings[field.key] = text;
          else errors[field.key] = { key: 'settings.analysis.errors.date' };
          break;
        case 'currency':
          settings[field.key] = text === '' ? null : text;
          break;
        case 'select':
          settings[field.key] = text;
          break;
        default: {
          if (text === '' && field.kind !== 'percent' && field.auto !== undefined) {
            settings[field.key] = null;
            break;
          }
          const parsed = parseNumber(text);
          const min = field.min;
          const max = field.max;
          const wrongRange = parsed !== null && ((min !== undefined && (field.minExclusive ? parsed <= min : parsed < min)) || (max !== undefined && parsed > max));
          if (parsed === null || (field.kind === 'integer' && !Number.isInteger(parsed)) || wrongRange) {
            const kind = field.kind === 'integer' ? 'whole' : 'number';
            errors[field.key] =
              min !== undefined && max !== undefined
                ? { key: `settings.analysis.errors.${kind}Between`, params: { min, max } }
                : min !== undefined
                  ? { key: `settings.analysis.errors.${kind}AtLeast`, params: { min } }
                  : { key: `settings.analysis.errors.${kind}` };
            break;
          }
          settings[field.key] = field.kind === 'percent' ? Math.round(parsed * 100) / 10_000 : parsed;
        }
      }
    }
  }
  return { settings: settings as Partial<AnalysisSettings>, errors };
}

/** The analysis settings of the open workspace (every "default" of the domain), saved with the workspace. */
export function AnalysisSettingsForm() {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const analysis = useAnalysis();
  const saved = analysis.workspacePath === app.workspace?.path ? analysis.settings : null;
  const [draft, setDraft] = useState<{ base: AnalysisSettings; values: Draft } | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  if (!app.workspace) return <p className="muted">{t('settings.analysis.noWorkspace')}</p>;
  if (!saved) return <p className="muted">{t('analysis.loading')}</p>;

  const values = draft && draft.base === saved ? draft.values : toDraft(saved);
  const { settings, errors } = fromDraft(values);
  const dirty = JSON.stringify(toDraft(saved)) !== JSON.stringify(values);
  const set = (key: Key, value: string) => {
    setDraft({ base: saved, values: { ...values, [key]: value } });
    setJustSaved(false);
  };
  const save = async () => {
    if (Object.keys(errors).length > 0) {
      setShowErrors(true);
      return;
    }
    const checked = SettingsSchema.safeParse({ ...saved, ...settings });
    if (!checked.success) {
      setShowErrors(true);
      return;
    }
    const result = await analysisActions.updateSettings(app, checked.data);
    if (result) {
      setDraft(null);
      setShowErrors(false);
      setJustSaved(true);
    }
  };
  const run = analysis.latest;
  const needsRun = run ? settingsChangedSince(run, saved) : false;
  const currencies = saved.currency && !CURRENCIES.includes(saved.currency) ? [saved.currency, ...CURRENCIES] : CURRENCIES;

  return (
    <form
      className="analysis-settings"
      data-testid="analysis-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="muted analysis-settings__intro">{t('settings.analysis.intro')}</p>
      {GROUPS.map((group) => (
        <fieldset className="settings-group" key={group.id}>
          <legend>{t(`settings.analysis.groups.${group.id}`)}</legend>
          {group.fields.map((field) => {
            const id = `setting-${field.key}`;
            const error = showErrors ? errors[field.key] : undefined;
            const helpId = `${id}-help`;
            const value = values[field.key];
            let input: React.JSX.Element;
            if (field.kind === 'date') {
              input = (
                <div className="setting__inline">
                  <label className="check-inline">
                    <input type="checkbox" checked={value === ''} onChange={(event) => set(field.key, event.target.checked ? '' : (saved.asOf ?? new Date().toISOString().slice(0, 10)))} data-testid={`${id}-auto`} />
                    {t('settings.analysis.lastTransaction')}
                  </label>
                  {value !== '' ? <input id={id} type="date" value={value} onChange={(event) => set(field.key, event.target.value)} aria-describedby={helpId} data-testid={id} /> : null}
                </div>
              );
            } else if (field.kind === 'select') {
              input = (
                <select id={id} value={value} onChange={(event) => set(field.key, event.target.value)} aria-describedby={helpId} data-testid={id}>
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {t(`settings.analysis.options.${field.key}.${option}`)}
                    </option>
                  ))}
                </select>
              );
            } else if (field.kind === 'currency') {
              input = (
                <select id={id} value={value} onChange={(event) => set(field.key, event.target.value)} aria-describedby={helpId} data-testid={id}>
                  <option value="">{t('settings.analysis.noCurrency')}</option>
                  {currencies.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              );
            } else {
              const auto = field.kind !== 'percent' ? field.auto : undefined;
              const unit = field.kind === 'percent' ? '%' : field.unit === 'money' ? (saved.currency ?? '') : t(`settings.analysis.units.${field.unit}`);
              input = (
                <div className="setting__inline">
                  {auto ? (
                    <label className="check-inline">
                      <input type="checkbox" checked={value === ''} onChange={(event) => set(field.key, event.target.checked ? '' : String(auto(run)))} data-testid={`${id}-auto`} />
                      {t('settings.analysis.fromData')}
                    </label>
                  ) : null}
                  {!auto || value !== '' ? (
                    <span className="number-input">
                      <input
                        id={id}
                        type="text"
                        inputMode="decimal"
                        dir="ltr"
                        value={value}
                        onChange={(event) => set(field.key, event.target.value)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={helpId}
                        data-testid={id}
                      />
                      {unit ? <span className="number-input__unit">{unit}</span> : null}
                    </span>
                  ) : null}
                </div>
              );
            }
            return (
              <div className={`setting${error ? ' setting--error' : ''}`} key={field.key} data-setting={field.key}>
                <label className="setting__label" htmlFor={field.kind === 'date' && value === '' ? `${id}-auto` : id}>
                  {t(`settings.analysis.fields.${field.key}.label`)}
                </label>
                <div className="setting__control">
                  {input}
                  <p className="setting__help muted" id={helpId}>
                    {error ? (
                      <span className="setting__error" role="alert">
                        {t(error.key, Object.fromEntries(Object.entries(error.params ?? {}).map(([name, number_]) => [name, format.decimal(number_)])))}
                      </span>
                    ) : (
                      t(`settings.analysis.fields.${field.key}.help`)
                    )}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
      ))}
      <footer className="analysis-settings__footer">
        <button type="submit" className="button button--primary" disabled={!dirty} data-testid="save-analysis-settings">
          {t('settings.analysis.save')}
        </button>
        <button type="button" className="button" disabled={!dirty} onClick={() => setDraft(null)}>
          {t('settings.analysis.discard')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setDraft({ base: saved, values: toDraft({ ...DEFAULT_ANALYSIS_SETTINGS, currency: saved.currency }) })} data-testid="restore-defaults">
          {t('settings.analysis.defaults')}
        </button>
        <span className="analysis-settings__note muted">{dirty ? t('settings.analysis.unsaved') : justSaved ? t('settings.analysis.saved') : ''}</span>
      </footer>
      {needsRun && !dirty ? (
        <div className="banner banner--info" role="status" data-testid="settings-needs-run">
          <span className="banner__icon" aria-hidden="true">
            i
          </span>
          <span className="banner__text">{t('settings.analysis.needsRun')}</span>
          <div className="banner__actions">
            <AnalyseButton testId="settings-analyse" inlineProgress={false} />
          </div>
        </div>
      ) : (
        <p className="muted small">{t('settings.analysis.rerunNote')}</p>
      )}
    </form>
  );
}
