import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { FitFigure } from '../../components/FitFigure';
import { useAnalysisFormat } from '../analysis/format';
import type { GlossaryTerm } from '../help/Glossary';
import { TermHelp } from '../help/TermHelp';

function Kpi({ label, value, compact, exact, raw, hint, tone, id, term }: { label: string; value: string; compact?: string; exact?: string; raw?: number | null; hint: string; tone?: 'good' | 'bad'; id: string; term?: GlossaryTerm }) {
  return (
    <div className={`kpi${tone ? ` kpi--${tone}` : ''}`} data-kpi={id} data-value={raw ?? undefined}>
      <dt className="kpi__label">
        {label}
        {term ? <TermHelp term={term} /> : null}
      </dt>
      <dd className="kpi__value" title={exact ?? value}>
        <FitFigure value={value} compact={compact} exact={exact} />
      </dd>
      <dd className="kpi__hint muted">{hint}</dd>
    </div>
  );
}

/** The headline figures of the analysis. */
export function Kpis({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const s = run.summary;
  const months = f.integer(run.settings.currentWindowMonths);
  return (
    <dl className="kpis" data-testid="kpis">
      <Kpi id="customers" term="activeCustomer" raw={s.customers} label={t('ladder.kpi.customers')} value={f.integer(s.customers)} compact={f.compactNumber(s.customers)} hint={t('ladder.kpi.customersHint', { active: f.integer(s.activeCustomers) })} />
      <Kpi id="revenue" raw={s.revenue} label={t('ladder.kpi.revenue')} value={f.wholeMoney(s.revenue)} compact={f.compactMoney(s.revenue)} exact={f.money(s.revenue)} hint={t('ladder.kpi.windowHint', { months })} />
      <Kpi id="profit" term="customerProfit" raw={s.profit} label={t('ladder.kpi.profit')} value={f.wholeMoney(s.profit)} compact={f.compactMoney(s.profit)} exact={f.money(s.profit)} hint={t('ladder.kpi.profitHint', { months })} tone={s.profit < 0 ? 'bad' : undefined} />
      <Kpi id="equity" term="customerEquity" raw={s.customerEquity} label={t('ladder.kpi.equity')} value={f.wholeMoney(s.customerEquity)} compact={f.compactMoney(s.customerEquity)} exact={f.money(s.customerEquity)} hint={t('ladder.kpi.equityHint', { months: f.integer(run.settings.horizonMonths) })} />
      <Kpi id="activeShare" term="activeCustomer" raw={s.activeShare} label={t('ladder.kpi.activeShare')} value={f.percent(s.activeShare)} hint={t('ladder.kpi.activeHint', { days: f.integer(s.inactivityDays) })} />
      <Kpi id="churn" term="churn" raw={s.churnRate} label={t('ladder.kpi.churn')} value={s.churnRate === null ? '—' : f.percent(s.churnRate)} hint={t('ladder.kpi.churnHint')} />
      <Kpi id="ltv" term="simpleLtv" raw={s.simpleLtv} label={t('ladder.kpi.ltv')} value={s.simpleLtv === null ? '—' : f.wholeMoney(s.simpleLtv)} compact={s.simpleLtv === null ? undefined : f.compactMoney(s.simpleLtv)} exact={s.simpleLtv === null ? undefined : f.money(s.simpleLtv)} hint={t('ladder.kpi.ltvHint', { ampu: f.money(s.ampu) })} />
    </dl>
  );
}
