import { useTranslation } from 'react-i18next';
import type { ModelFitSummary } from '../../../../shared/domain/models';
import type { GlossaryTerm } from '../help/Glossary';
import { TermHelp } from '../help/TermHelp';
import { useModelFormat } from './format';
import { GAMMA_GAMMA, MODEL_NAMES, PARAM_SYMBOLS, PARAMS } from './model-data';

type Fit = ModelFitSummary['purchase'];

/** Each parameter's glossary entry. */
const PARAM_TERMS: Record<string, GlossaryTerm> = { r: 'paramR', alpha: 'paramAlpha', a: 'paramA', b: 'paramB', s: 'paramS', beta: 'paramBeta', p: 'paramP', q: 'paramQ', gamma: 'paramGamma' };

function FitTable({ title, kind, fit, names, testId }: { title: string; kind: 'purchase' | 'spend'; fit: Fit; names: readonly string[]; testId: string }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  return (
    <div className="model-params" data-testid={testId}>
      <h3 className="model-params__title">
        {title}
        <TermHelp term={kind === 'spend' ? 'gammaGamma' : title === 'BG/NBD' ? 'bgnbd' : 'paretoNbd'} />
        <span className={`status-pill${fit.converged ? ' status-pill--good' : ' status-pill--warn'}`}>{fit.converged ? t('models.status.converged') : t('models.status.notConvergedShort')}</span>
      </h3>
      <p className="muted small model-params__what">{t(`models.params.${kind}`)}</p>
      <table className="table table--compact model-params__table">
        <thead>
          <tr>
            <th scope="col">{t('models.params.parameter')}</th>
            <th scope="col" className="num">
              {t('models.params.estimate')}
            </th>
            <th scope="col" className="num">
              {t('models.params.standardError')}
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const value = fit.params[name];
            const error = fit.standardErrors[name];
            return (
              <tr key={name} data-param={name}>
                <th scope="row">
                  <span className="model-params__symbol">{PARAM_SYMBOLS[name] ?? name}</span>
                  <span className="muted small"> {t(`models.params.meaning.${name}`)}</span>
                  <TermHelp term={PARAM_TERMS[name] ?? 'bgnbd'} />
                </th>
                <td className="num" data-figure="estimate" data-value={value ?? undefined}>
                  {value === undefined ? '—' : f.significant(value)}
                </td>
                <td className="num muted" data-figure="standardError" data-value={error ?? undefined}>
                  {error === undefined || error === null ? '—' : f.significant(error)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="figures model-params__figures">
        <div>
          <dt>{t('models.params.logLikelihood')}</dt>
          <dd data-figure="logLikelihood" data-value={fit.logLikelihood}>
            {f.twoDecimals(fit.logLikelihood)}
          </dd>
        </div>
        <div>
          <dt>{t('models.params.iterations')}</dt>
          <dd data-figure="iterations">{f.integer(fit.iterations)}</dd>
        </div>
        <div>
          <dt>{t('models.params.customers')}</dt>
          <dd>{f.integer(fit.customers)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The parameters of both fits with their standard errors, named as in the papers, and the Gamma-Gamma independence check. */
export function Parameters({ fit }: { fit: ModelFitSummary }) {
  const { t } = useTranslation();
  const f = useModelFormat();
  const gg = fit.gammaGamma;
  return (
    <div className="model-params-grid">
      <FitTable title={MODEL_NAMES[fit.model]} kind="purchase" fit={fit.purchase} names={PARAMS[fit.model]} testId="purchase-params" />
      <div className="model-params-grid__spend">
        <FitTable title={GAMMA_GAMMA} kind="spend" fit={gg} names={PARAMS.gammaGamma} testId="spend-params" />
        <div className={`gg-check${gg.warning ? ' gg-check--warn' : ''}`} data-testid="gg-check" data-correlation={gg.correlation}>
          <strong>{t('models.gg.title')}</strong>
          <p>{t('models.gg.correlation', { r: f.twoDecimals(gg.correlation), spend: f.money(gg.meanSpend) })}</p>
          <p className={gg.warning ? 'gg-check__warning' : 'muted'} role={gg.warning ? 'alert' : undefined} data-testid={gg.warning ? 'gg-warning' : undefined}>
            {gg.warning ? t('models.gg.warning') : t('models.gg.ok')}
          </p>
        </div>
      </div>
    </div>
  );
}
