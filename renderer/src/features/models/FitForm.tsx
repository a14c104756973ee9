import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import { useApp } from '../../app/AppContext';
import { useModelFormat } from './format';
import { defaultCalibrationEnd, MODEL_NAMES, MODELS, UNITS, type PurchaseModel, type TimeUnit } from './model-data';

export interface FitInput {
  model: PurchaseModel;
  unit: TimeUnit;
  calibrationEnd: string | null;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The form that fits a model: purchase model, time unit, calibration end (a holdout for validation), Fit. */
export function FitForm({ fit, onFit }: { fit: ModelFitSummary | null; onFit: (input: FitInput) => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useModelFormat();
  const first = app.workspace?.firstDate ?? null;
  const last = app.workspace?.lastDate ?? null;
  const suggested = defaultCalibrationEnd(first, last);
  const [model, setModel] = useState<PurchaseModel>(fit?.model ?? 'bgnbd');
  const [unit, setUnit] = useState<TimeUnit>(fit?.unit ?? 'week');
  const fitHadHoldout = fit ? fit.calibrationEnd < fit.observationEnd : true;
  const [holdout, setHoldout] = useState<boolean>(fitHadHoldout && suggested !== null);
  const [end, setEnd] = useState<string>((fit && fitHadHoldout ? fit.calibrationEnd : suggested) ?? last ?? '');

  const validEnd = /^\d{4}-\d{2}-\d{2}$/.test(end) && (!first || end > first) && (!last || end < last);
  const invalid = holdout && !validEnd;
  const busy = app.job !== null;
  const share = first && last && validEnd ? days(first, end) / Math.max(1, days(first, last)) : null;

  return (
    <form
      className="fit-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!invalid && !busy) onFit({ model, unit, calibrationEnd: holdout ? end : null });
      }}
      data-testid="fit-form"
    >
      <div className="facts__grid">
        <label className="fact">
          <span className="fact__label">{t('models.form.model')}</span>
          <select value={model} onChange={(event) => setModel(event.target.value as PurchaseModel)} data-testid="fit-model">
            {MODELS.map((name) => (
              <option key={name} value={name}>
                {`${MODEL_NAMES[name]} — ${t(`models.form.models.${name}`)}`}
              </option>
            ))}
          </select>
          <span className="fact__hint muted">{t(`models.form.modelHints.${model}`)}</span>
        </label>
        <label className="fact">
          <span className="fact__label">{t('models.form.unit')}</span>
          <select value={unit} onChange={(event) => setUnit(event.target.value as TimeUnit)} data-testid="fit-unit">
            {UNITS.map((name) => (
              <option key={name} value={name}>
                {t(`models.units.${name}`)}
              </option>
            ))}
          </select>
          <span className="fact__hint muted">{t('models.form.unitHint')}</span>
        </label>
      </div>
      <div className="fit-form__holdout">
        <label className="check-inline">
          <input type="checkbox" checked={holdout} onChange={(event) => setHoldout(event.target.checked)} data-testid="fit-holdout" />
          {t('models.form.holdout')}
        </label>
        <label className="fact fit-form__date">
          <span className="fact__label">{t('models.form.calibrationEnd')}</span>
          <input
            type="date"
            value={end}
            min={first ?? undefined}
            max={last ?? undefined}
            disabled={!holdout}
            onChange={(event) => setEnd(event.target.value)}
            aria-invalid={invalid || undefined}
            data-testid="fit-calibration-end"
          />
        </label>
        <p className="fact__hint muted fit-form__explain" data-testid="fit-split">
          {!holdout
            ? t('models.form.noHoldout', { last: last ? f.date(last) : '—' })
            : invalid
              ? t('models.form.invalidEnd', { first: first ? f.date(first) : '—', last: last ? f.date(last) : '—' })
              : t('models.form.split', { first: first ? f.date(first) : '—', end: f.date(end), last: last ? f.date(last) : '—', share: share === null ? '—' : f.percent0(share) })}
        </p>
      </div>
      <div className="fit-form__footer">
        <button type="submit" className="button button--primary" disabled={invalid || busy || !app.workspace} data-testid="fit-run">
          {t('models.form.fit')}
        </button>
        {suggested && holdout && end !== suggested ? (
          <button type="button" className="button button--quiet button--small" onClick={() => setEnd(suggested)}>
            {t('models.form.suggested', { date: f.date(suggested) })}
          </button>
        ) : null}
      </div>
    </form>
  );
}
