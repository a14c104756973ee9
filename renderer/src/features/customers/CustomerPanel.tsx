import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/analysis';
import { api } from '../../api';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { CODE_KINDS, codeColor } from '../analysis/codes';
import { useAnalysisFormat } from '../analysis/format';
import { findKey, KEYS, type CustomerColumn } from './columns';
import { OrdersChart } from './OrdersChart';
import { revealBidi } from '../../../../shared/domain/bidi';
import { formatValue, isReason, reasonSentence, useCodeWord, useColumnName } from './values';

/** The metrics compared with the tier's median, in this order (all the medians when none of these is there). */
const KEY_METRICS = ['currentProfit', 'future', 'currentRevenue', 'currentMargin', 'currentCostToServe', 'currentOrders', 'averageOrder', 'recencyDays', 'tenureDays', 'crossSellPotential'];

/** Metrics where less is better (a customer above the tier's median is worse off). */
const LOWER_IS_BETTER = new Set(['recencyDays', 'costToServe', 'currentCostToServe']);
/** Metrics that are neither better nor worse when higher (only the direction is shown). */
const NEUTRAL = new Set(['tenureDays', 'crossSellPotential', 'crossSellMissing']);

function Pill({ kind, code }: { kind: string; code: string }) {
  const word = useCodeWord();
  return (
    <span className="code-pill" style={{ ['--tone' as string]: codeColor(CODE_KINDS[kind] ?? kind, code) }} data-code={`${kind}:${code}`}>
      {word(kind, code)}
    </span>
  );
}

/** Everything about one customer: strategy and why, metrics against the tier's median, orders, what to offer, when to call. */
export function CustomerPanel({ customer, columns, onClose }: { customer: string; columns: CustomerColumn[]; onClose: () => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const [detail, setDetail] = useState<{ customer: string; value: CustomerDetail | null } | null>(null);
  const { showError } = app;

  useEffect(() => {
    let alive = true;
    api['analysis.customer']({ customer })
      .then((value) => alive && setDetail({ customer, value }))
      .catch((error: unknown) => {
        if (!alive) return;
        setDetail({ customer, value: null });
        showError(error);
      });
    return () => {
      alive = false;
    };
  }, [customer, showError]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const current = detail?.customer === customer ? detail : null;
  const value = current?.value ?? null;

  return (
    <aside className="customer-panel" aria-label={t('customers.detail.title', { customer })} data-testid="customer-panel">
      <header className="customer-panel__header">
        <div className="customer-panel__who">
          <span className="muted small">{t('customers.detail.customer')}</span>
          <h2 className="customer-panel__id" data-testid="panel-customer">
            <bdi>{revealBidi(customer)}</bdi>
          </h2>
          {value?.name ? (
            <p className="customer-panel__name">
              <bdi>{revealBidi(value.name)}</bdi>
            </p>
          ) : null}
        </div>
        <button type="button" className="button button--quiet customer-panel__close" onClick={onClose} aria-label={t('customers.detail.close')} data-testid="close-panel">
          ×
        </button>
      </header>
      {!current ? (
        <div className="customer-panel__loading muted" aria-busy="true">
          {t('analysis.loading')}
        </div>
      ) : !value ? (
        <EmptyState title={t('customers.detail.failed')} />
      ) : (
        <ErrorBoundary area="customers/drawer">
          <DetailBody value={value} columns={columns} />
        </ErrorBoundary>
      )}
    </aside>
  );
}

/** The drawer's content for one customer: in a part of its own, so that a failure here leaves the drawer (and its close button) standing. */
function DetailBody({ value, columns }: { value: CustomerDetail; columns: CustomerColumn[] }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const word = useCodeWord();
  const columnName = useColumnName();
  const yesNo: [string, string] = [t('customers.yes'), t('customers.no')];
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const codeOf = (keys: readonly string[]) => {
    const key = findKey(columns, keys) ?? keys.find((candidate) => candidate in value.values) ?? null;
    const code = key ? value.values[key] : null;
    return key && typeof code === 'string' && code ? { key, code } : null;
  };
  const strategy = codeOf(KEYS.strategy);
  const reason = codeOf(KEYS.reason);
  const pills = ['tier', 'quadrant', 'lifecycle', 'rfmSegment'].flatMap((key) => {
    const code = value.values[key];
    return typeof code === 'string' && code ? [{ key, code }] : [];
  });
  const active = value.values.active;
  const comparable = Object.keys(value.tierMedians).filter((key) => typeof value.values[key] === 'number');
  const keyMetrics = KEY_METRICS.filter((key) => comparable.includes(key));
  const compared = keyMetrics.length > 0 ? keyMetrics : comparable;
  const tier = value.values.tier;

  return (
    <div className="customer-panel__body">
      <dl className="detail-codes">
        {pills.map((pill) => (
          <div key={pill.key}>
            <dt className="muted small">{columnName(pill.key)}</dt>
            <dd>
              <Pill kind={pill.key} code={pill.code} />
            </dd>
          </div>
        ))}
        {typeof active === 'boolean' ? (
          <div>
            <dt className="muted small">{columnName('active')}</dt>
            <dd>
              <span className={`status-pill${active ? ' status-pill--good' : ''}`}>{active ? t('customers.detail.active') : t('customers.detail.inactive')}</span>
            </dd>
          </div>
        ) : null}
      </dl>

      <section className="detail-section detail-strategy" data-testid="panel-strategy">
        <h3>{t('customers.detail.strategy')}</h3>
        {strategy ? (
          <p className="detail-strategy__name">
            <Pill kind="strategy" code={strategy.code} />
          </p>
        ) : null}
        {reason && isReason(reason.code) ? (
          <p className="detail-strategy__reason" data-testid="panel-reason">
            {reasonSentence(t, f, reason.code, value.reasonValues)}
          </p>
        ) : reason ? (
          <p className="detail-strategy__reason">{word(reason.key, reason.code)}</p>
        ) : (
          <p className="muted">{t('customers.detail.noStrategy')}</p>
        )}
      </section>

      <section className="detail-section">
        <h3>{t('customers.detail.nextContact')}</h3>
        <p className="detail-contact" data-testid="panel-next-contact">
          {value.nextContact ? <strong>{f.date(value.nextContact)}</strong> : <span className="muted">{t('customers.detail.noContact')}</span>}
        </p>
      </section>

      {compared.length > 0 ? (
        <section className="detail-section">
          <h3>{typeof tier === 'string' ? t('customers.detail.againstTier', { tier: word('tier', tier) }) : t('customers.detail.againstMedian')}</h3>
          <table className="table table--compact metric-table" data-testid="panel-metrics">
            <thead>
              <tr>
                <th scope="col">{t('customers.detail.metric')}</th>
                <th scope="col" className="num">
                  {t('customers.detail.thisCustomer')}
                </th>
                <th scope="col" className="num">
                  {t('customers.detail.median')}
                </th>
              </tr>
            </thead>
            <tbody>
              {compared.map((key) => {
                const column = byKey.get(key) ?? { key, type: 'number' as const };
                const own = value.values[key] as number;
                const median = value.tierMedians[key] as number;
                const higher = own > median;
                const better = LOWER_IS_BETTER.has(key) ? own < median : own > median;
                const same = own === median;
                return (
                  <tr key={key}>
                    <th scope="row">{columnName(key)}</th>
                    <td className={`num${own < 0 ? ' negative' : ''}`}>
                      <span className={`trend${same ? '' : `${higher ? ' trend--up' : ' trend--down'}${NEUTRAL.has(key) ? '' : better ? ' trend--good' : ' trend--bad'}`}`} aria-hidden="true" />
                      {formatValue(column, own, f, word, yesNo)}
                    </td>
                    <td className="num muted">{formatValue(column, median, f, word, yesNo)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="detail-section">
        <h3>{t('customers.detail.ordersTitle', { n: f.integer(value.orders.length) })}</h3>
        {value.orders.length > 0 ? <OrdersChart orders={value.orders} /> : <p className="muted">{t('customers.detail.noOrders')}</p>}
      </section>

      <section className="detail-section" data-testid="panel-crosssell">
        <h3>{t('customers.detail.crossSell')}</h3>
        {value.missingItems.length > 0 ? (
          <ol className="missing-items">
            {value.missingItems.map((item) => (
              <li key={item.item}>
                <span className="missing-items__rank">{f.integer(item.rank)}</span>
                <span className="missing-items__name">{item.item}</span>
                <span className="missing-items__score muted" title={t('customers.detail.scoreHint')}>
                  {f.money(item.score)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('customers.detail.noMissing')}</p>
        )}
      </section>
    </div>
  );
}
