import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { useApp } from '../../app/AppContext';
import { useAnalysisFormat } from '../analysis/format';
import { TIER_COLORS, TIERS } from '../analysis/codes';
import { openCustomers } from '../customers/filter-store';
import { TermHelp } from '../help/TermHelp';

function ShareBar({ share, color, negative }: { share: number; color: string; negative?: boolean }) {
  const width = `${Math.min(100, Math.abs(share) * 100).toFixed(2)}%`;
  return (
    <span className={`share-bar${negative ? ' share-bar--negative' : ''}`} aria-hidden="true">
      <span className="share-bar__fill" style={{ width, background: color }} />
    </span>
  );
}

/** The four rungs of the value ladder, top to bottom: customers and profit, with their shares. */
export function LadderTiers({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const app = useApp();
  const f = useAnalysisFormat();
  const { ladder, customers, profit } = run.summary;
  return (
    <div className="ladder" data-testid="ladder-tiers">
      <div className="ladder__row ladder__row--head" aria-hidden="true">
        <span>{t('ladder.tiers.tier')}</span>
        <span className="num">
          {t('ladder.tiers.customers')}
        </span>
        <span>{t('ladder.tiers.shareCustomers')}</span>
        <span className="num">
          {t('ladder.tiers.profit')}
        </span>
        <span>{t('ladder.tiers.shareProfit')}</span>
      </div>
      <ol className="ladder__rungs">
      {TIERS.map((tier, index) => {
        const cell = ladder[tier];
        const customerShare = customers > 0 ? cell.customers / customers : 0;
        const profitShare = profit !== 0 ? cell.profit / Math.abs(profit) : 0;
        const negative = cell.profit < 0;
        return (
          <li key={tier}>
          <button
            type="button"
            className={`ladder__row ladder__rung${negative || tier === 'belowZero' ? ' ladder__rung--below' : ''}`}
            style={{ ['--rung' as string]: TIER_COLORS[tier], ['--step' as string]: String(index) }}
            onClick={() => openCustomers(app, { tier: [tier] })}
            title={t('ladder.tiers.open')}
            data-tier={tier}
          >
            <span className="ladder__name">
              <span className="ladder__badge">
                {t(`codes.tier.${tier}`)}
                <TermHelp term={tier} />
              </span>
              <span className="ladder__description muted">{t(`ladder.tiers.describe.${tier}`)}</span>
            </span>
            <span className="num ladder__figure" data-figure="customers">
              {f.integer(cell.customers)}
            </span>
            <span className="ladder__share">
              <ShareBar share={customerShare} color={TIER_COLORS[tier]} />
              <span className="ladder__share-text">{f.percent(customerShare)}</span>
            </span>
            <span className={`num ladder__figure${negative ? ' negative' : ''}`} data-figure="profit">
              {f.money(cell.profit)}
            </span>
            <span className="ladder__share">
              <ShareBar share={profitShare} color={negative ? 'var(--danger)' : TIER_COLORS[tier]} negative={negative} />
              <span className={`ladder__share-text${negative ? ' negative' : ''}`}>{f.percent(profitShare)}</span>
            </span>
          </button>
          </li>
        );
      })}
      </ol>
      {ladder.belowZero.customers === 0 && run.summary.costToServe === 0 ? (
        <p className="muted small ladder__note" data-testid="no-cost-to-serve">
          {t('ladder.tiers.noCostToServe')}
        </p>
      ) : null}
    </div>
  );
}
