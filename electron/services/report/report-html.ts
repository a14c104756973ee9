/**
 * The report as one self-contained HTML document, the same for both printers (Electron's
 * printToPDF in the app, Chromium in the CLI and tests): inline CSS with the page size, margins,
 * running header and page numbers (CSS margin boxes, so they use the embedded fonts and the
 * client's digits), the fonts as base64 @font-face rules, the charts as inline SVG rendered by
 * ECharts on the server. Every word comes from the report's catalogues, every number goes through
 * Intl in the client's locale; Persian is laid out right to left.
 */
import { TIERS } from '../../../shared/analytics/ladder';
import { LIFECYCLE_STAGES } from '../../../shared/analytics/lifecycle';
import { QUADRANTS } from '../../../shared/analytics/quadrants';
import { STRATEGIES, type Strategy } from '../../../shared/analytics/strategies';
import { QUADRANT_COLORS } from '../../../shared/domain/colors';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/domain/report';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import { equityTrendChart, ladderChart, ltvCacChart, quadrantChart, retentionHeatmap, scenarioChart, trackingChart, whaleCurveChart, type ChartContext } from './charts';
import { cssString, escapeHtml } from './escape';
import { embedFonts, fontFamilies, type EmbeddedFonts } from './fonts';
import { createFormats, createTranslator, type Formats, type Translate } from './i18n';
import { gatherReportData, type ReportData, type ReportInput } from './report-data';

export interface BuiltReport {
  html: string;
  fonts: EmbeddedFonts;
  timings: { stage: string; ms: number }[];
  charts: number;
}

const PAGE = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
const MARGIN = { top: 20, bottom: 18, side: 16 };

/** Builds HTML fragments and remembers the text set in bold (it decides which bold font files to embed). */
class Writer {
  readonly bold: string[] = [];
  charts = 0;
  chartMs = 0;
  constructor(
    readonly t: Translate,
    readonly f: Formats,
    readonly chart: ChartContext,
  ) {}

  strong(text: string): string {
    this.bold.push(text);
    return `<strong>${escapeHtml(text)}</strong>`;
  }
  h2(text: string, id: string): string {
    this.bold.push(text);
    return `<h2 id="${id}">${escapeHtml(text)}</h2>`;
  }
  h3(text: string): string {
    this.bold.push(text);
    return `<h3>${escapeHtml(text)}</h3>`;
  }
  p(text: string, className?: string): string {
    return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
  }
  /** A table whose header repeats on every page it spans; `num` columns are aligned as numbers. */
  table(headers: { text: string; num?: boolean }[], rows: string[][], className = ''): string {
    this.bold.push(...headers.map((header) => header.text));
    const head = headers.map((header) => `<th${header.num ? ' class="num"' : ''}>${escapeHtml(header.text)}</th>`).join('');
    const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${headers[i]?.num ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
    return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  }
  /** A chart with its caption, never split across pages. */
  figure(caption: string, render: () => string): string {
    this.bold.push(caption);
    const start = performance.now();
    const svg = render();
    this.chartMs += performance.now() - start;
    this.charts++;
    return `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
  }
  kpis(items: { label: string; value: string }[]): string {
    this.bold.push(...items.map((item) => item.value));
    return `<div class="kpis">${items.map((item) => `<div class="kpi"><div class="kpi-value">${escapeHtml(item.value)}</div><div class="kpi-label">${escapeHtml(item.label)}</div></div>`).join('')}</div>`;
  }
}

interface Context {
  input: ReportInput;
  data: ReportData;
  w: Writer;
  t: Translate;
  f: Formats;
  settings: AnalysisSettings;
  months: string;
  horizon: string;
}

const tierName = (t: Translate, tier: string | null) => (tier ? t(`tiersShort.${tier}`) : t('meta.none'));
const strategyName = (t: Translate, strategy: string | null) => (strategy ? t(`strategies.${strategy}`) : t('meta.none'));

function cover(c: Context, sections: ReportSection[]): string {
  const { input, t, f, w } = c;
  const today = f.date(input.createdOn);
  const localToday = f.localCalendarDate(input.createdOn);
  const asOf = input.run.summary.asOf;
  const meta: [string, string][] = [
    [t('meta.preparedFor'), input.client],
    ...(input.author ? ([[t('meta.preparedBy'), input.author]] as [string, string][]) : []),
    [t('meta.date'), localToday ? `${today} (${localToday})` : today],
    [t('meta.asOfLabel'), f.date(asOf)],
  ];
  if (input.workspace.firstDate && input.workspace.lastDate) meta.push([t('meta.dataLabel'), `${f.date(input.workspace.firstDate)} – ${f.date(input.workspace.lastDate)}`]);
  w.bold.push(t('meta.title'), input.client, t('meta.contents'), ...meta.map(([, value]) => value));
  const logo = input.logo ? `<img class="logo" alt="" src="data:${input.logo.mime};base64,${input.logo.base64}">` : '';
  // Numbered as the headings are, in the locale's digits (a CSS list would number in Latin ones).
  const contents = sections
    .filter((section) => section !== 'cover')
    .map((section, index) => `<li>${escapeHtml(`${f.integer(index + 1)}. ${t(`sections.${section}`)}`)}</li>`)
    .join('');
  return `<section class="cover">
<div class="cover-logo">${logo}</div>
<div class="cover-main"><div class="cover-title">${escapeHtml(t('meta.title'))}</div><h1>${escapeHtml(input.client)}</h1><p class="subtitle">${escapeHtml(t('meta.subtitle'))}</p></div>
<dl class="cover-meta">${meta.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
${contents ? `<div class="cover-contents"><div class="cover-contents-title">${escapeHtml(t('meta.contents'))}</div><ol>${contents}</ol></div>` : ''}
</section>`;
}

function bestAndWorstChannel(c: Context) {
  const rated = c.input.run.summary.channels.filter((channel) => channel.ltvToCac !== null && Number.isFinite(channel.ltvToCac));
  if (rated.length < 2) return null;
  const sorted = [...rated].sort((a, b) => (b.ltvToCac as number) - (a.ltvToCac as number));
  return { best: sorted[0] as (typeof rated)[number], worst: sorted[sorted.length - 1] as (typeof rated)[number] };
}

function summary(c: Context): string {
  const { input, data, t, f, w } = c;
  const s = input.run.summary;
  const n = Math.max(1, s.customers);
  const positive = s.ladder.mvc.profit + s.ladder.mgc.profit + s.ladder.middle.profit;
  const kpis = w.kpis([
    { label: t('kpi.customers'), value: f.integer(s.customers) },
    { label: t('kpi.revenue', { months: c.months }), value: f.money(s.revenue) },
    { label: t('kpi.profit', { months: c.months }), value: f.money(s.profit) },
    { label: t('kpi.equity'), value: f.money(s.customerEquity) },
    { label: t('kpi.active'), value: `${f.integer(s.activeCustomers)} (${f.percent(s.activeShare)})` },
    { label: t('kpi.churn'), value: s.churnRate === null ? t('meta.none') : f.percent(s.churnRate) },
    { label: t('kpi.simpleLtv'), value: s.simpleLtv === null ? t('meta.none') : f.money(s.simpleLtv) },
    { label: t('kpi.pareto', { share: f.percent(c.input.run.settings.mvcProfitShare) }), value: f.percent(s.paretoShare) },
    { label: t('kpi.gini'), value: f.decimal(s.gini, 2) },
  ]);
  const paragraphs: string[] = [
    t('summary.overview', { months: c.months, customers: s.customers, revenue: f.money(s.revenue), profit: f.money(s.profit) }),
    t('summary.makers', { mvc: s.ladder.mvc.customers, mvcShare: f.percent(s.ladder.mvc.customers / n), mvcProfit: f.money(s.ladder.mvc.profit), mvcProfitShare: f.percent(s.profit === 0 ? 0 : s.ladder.mvc.profit / s.profit), pareto: f.percent(s.paretoShare), share: f.percent(c.input.run.settings.mvcProfitShare) }),
    s.ladder.belowZero.customers > 0
      ? t('summary.losers', {
          bz: s.ladder.belowZero.customers,
          bzShare: f.percent(s.ladder.belowZero.customers / n),
          bzLoss: f.money(s.ladder.belowZero.profit),
          peakProfit: f.money(positive),
          redesign: s.strategies.redesign,
          terminate: s.strategies.terminate,
        })
      : t('summary.noLosers', { months: c.months }),
    // No sentence about zero customers: who grows and who misses items, only when there are some.
    [
      s.ladder.mgc.customers > 0 ? t('summary.growers', { mgc: s.ladder.mgc.customers, mgcFuture: f.money(data.byTier.mgc.future), mgcProfit: f.money(s.ladder.mgc.profit), horizon: c.horizon, months: c.months }) : '',
      s.crossSell.customersWithGaps > 0 && s.crossSell.potentialProfit > 0
        ? t('summary.gaps', { gaps: s.crossSell.customersWithGaps, potential: f.money((s.crossSell.potentialProfit * 12) / Math.max(1, c.settings.currentWindowMonths)) })
        : '',
    ]
      .filter((sentence) => sentence !== '')
      .join(f.locale === 'zh' ? '' : ' '),
  ].filter((paragraph) => paragraph !== '');
  if (s.strategies.winBack > 0) paragraphs.push(t('summary.winBack', { winBack: s.strategies.winBack }));
  const channels = bestAndWorstChannel(c);
  if (channels) {
    const worstRatio = channels.worst.ltvToCac as number;
    paragraphs.push(
      t(worstRatio < 3 ? 'summary.channelsWeak' : 'summary.channels', {
        best: channels.best.channel,
        bestRatio: f.decimal(channels.best.ltvToCac as number, 1),
        worst: channels.worst.channel,
        worstRatio: f.decimal(worstRatio, 1),
      }),
    );
  }
  const trend = s.equityTrend;
  if (trend.length >= 2) {
    const first = trend[0] as (typeof trend)[number];
    const last = trend[trend.length - 1] as (typeof trend)[number];
    const change = first.equity === 0 ? 0 : (last.equity - first.equity) / Math.abs(first.equity);
    paragraphs.push(t(last.equity >= first.equity ? 'summary.equityUp' : 'summary.equityDown', { from: f.money(first.equity), fromDate: f.date(first.asOf), to: f.money(last.equity), change: `${change >= 0 ? '+' : ''}${f.percent(change)}` }));
  }
  const scenario = input.scenarios?.[0];
  paragraphs.push(
    scenario
      ? t('summary.scenario', {
          name: scenario.name,
          years: t('units.years', { count: scenario.horizonYears }),
          delta: `${scenario.deltaProfit >= 0 ? '+' : ''}${f.money(scenario.deltaProfit)}`,
          percent: scenario.deltaProfitPercent === null ? t('meta.none') : `${scenario.deltaProfitPercent >= 0 ? '+' : ''}${f.percent(scenario.deltaProfitPercent)}`,
        })
      : t('summary.noScenario'),
  );
  const order: Strategy[] = ['retain', 'winBack', 'enhance', 'redesign', 'terminate', 'harvest', 'start'];
  const actions = order
    .filter((strategy) => s.strategies[strategy] > 0)
    .map((strategy) => `<li>${escapeHtml(t(strategy === 'start' ? 'summary.actionStart' : 'summary.action', { strategy: t(`strategies.${strategy}`), count: s.strategies[strategy], action: t(`strategies.${strategy}Action`) }))}</li>`);
  w.bold.push(...order.map((strategy) => t(`strategies.${strategy}`)));
  return `${kpis}${w.h3(t('summary.inWords'))}<div class="words">${paragraphs.map((text) => w.p(text)).join('')}</div>${w.h3(t('summary.whatToDo'))}<ul class="todo">${actions.join('')}</ul>`;
}

function migrationTable(c: Context, migration: { from: string; labels: string[]; matrix: number[][] }, label: (code: string) => string): string {
  const { w, f, t } = c;
  const headers = [{ text: t('ladder.fromTo') }, ...migration.labels.map((code) => ({ text: label(code), num: true }))];
  const rows = migration.matrix.map((row, i) => [label(migration.labels[i] ?? ''), ...row.map((value) => f.integer(value))]);
  return w.table(headers, rows, 'compact');
}

function ladder(c: Context): string {
  const { input, data, w, t, f } = c;
  const s = input.run.summary;
  const n = Math.max(1, s.customers);
  const positive = s.ladder.mvc.profit + s.ladder.mgc.profit + s.ladder.middle.profit;
  const tiers = TIERS.map((key) => ({ key, label: t(`tiersShort.${key}`), customers: s.ladder[key].customers, profit: s.ladder[key].profit }));
  const parts = [
    w.p(t('ladder.intro', { months: c.months, peak: f.percent(s.whalePeak.y), peakShare: f.percent(s.whalePeak.x) })),
    w.p(t('ladder.concentration', { pareto: f.percent(s.paretoShare), share: f.percent(c.input.run.settings.mvcProfitShare), gini: f.decimal(s.gini, 2) })),
    w.figure(t('ladder.barsTitle'), () => ladderChart(tiers, (count) => t('units.customers', { count }), c.w.chart)),
    w.table(
      [
        { text: t('ladder.tier') },
        { text: t('ladder.customers'), num: true },
        { text: t('ladder.customerShare'), num: true },
        { text: t('ladder.profit', { months: c.months }), num: true },
        { text: t('ladder.profitShare'), num: true },
        { text: t('ladder.perCustomer'), num: true },
        { text: t('ladder.future', { horizon: c.horizon }), num: true },
      ],
      TIERS.map((key) => {
        const cell = s.ladder[key];
        return [
          t(`tiersShort.${key}`),
          f.integer(cell.customers),
          f.percent(cell.customers / n),
          f.money(cell.profit),
          positive === 0 ? t('meta.none') : f.percent(cell.profit / positive),
          cell.customers === 0 ? t('meta.none') : f.moneyFine(cell.profit / cell.customers),
          f.money(data.byTier[key].future),
        ];
      }),
      'tiers',
    ),
    `<dl class="legend">${TIERS.map((key) => {
      const share = key === 'mvc' ? f.percent(c.settings.mvcProfitShare, 0) : f.percent(c.settings.mgcShare, 0);
      w.bold.push(t(`tiers.${key}`));
      return `<dt>${escapeHtml(t(`tiers.${key}`))}</dt><dd>${escapeHtml(t(`tiers.${key}Text`, { share }))}</dd>`;
    }).join('')}</dl>`,
    w.figure(t('ladder.whaleTitle'), () =>
      whaleCurveChart(s.whaleCurve, s.whalePeak, { x: t('ladder.whaleX'), y: t('ladder.whaleY'), peak: t('ladder.peak', { value: f.percent(s.whalePeak.y) }) }, c.w.chart),
    ),
  ];
  if (s.ladderMigration.matrix.length > 0) {
    parts.push(`<div class="keep">${w.h3(t('ladder.migrationTitle', { date: f.date(s.ladderMigration.from) }))}${migrationTable(c, s.ladderMigration, (code) => t(`tiersShort.${code}`))}</div>`);
  }
  return parts.join('');
}

function strategies(c: Context): string {
  const { input, data, w, t, f } = c;
  const s = input.run.summary;
  const current = f.money(s.thresholds.current);
  const future = f.money(s.thresholds.future);
  const cell = (key: (typeof QUADRANTS)[number]) => {
    const q = s.quadrants[key];
    w.bold.push(t(`quadrants.${key}`));
    return `<td class="quadrant q-${key}"><div class="q-name">${escapeHtml(t(`quadrants.${key}`))}</div><div class="q-figures">${escapeHtml(t('strategies_section.cell', { count: q.customers, profit: f.money(q.profit), future: f.money(q.futureProfit) }))}</div><div class="q-action">${escapeHtml(t(`quadrants.${key}Action`))}</div></td>`;
  };
  w.bold.push(t('strategies_section.futureAbove', { value: future }), t('strategies_section.futureBelow', { value: future }), t('strategies_section.currentAbove', { value: current }), t('strategies_section.currentBelow', { value: current }));
  const matrix = `<table class="quadrants"><thead><tr><th></th><th>${escapeHtml(t('strategies_section.futureAbove', { value: future }))}</th><th>${escapeHtml(t('strategies_section.futureBelow', { value: future }))}</th></tr></thead><tbody>
<tr><th>${escapeHtml(t('strategies_section.currentAbove', { value: current }))}</th>${cell('reward')}${cell('manage')}</tr>
<tr><th>${escapeHtml(t('strategies_section.currentBelow', { value: current }))}</th>${cell('develop')}${cell('exit')}</tr></tbody></table>`;
  const quadrants = QUADRANTS.map((key) => ({ key, label: t(`quadrants.${key}`) }));
  const lookalike = s.lookalike.entries.filter((entry) => entry.supported && entry.lift > 1).slice(0, 8);
  const parts = [
    w.p(t('strategies_section.quadrantIntro', { months: c.months, horizon: c.horizon })),
    `<div class="keep">${matrix}</div>`,
    w.figure(t('strategies_section.planeTitle'), () =>
      quadrantChart(data.plane, quadrants, { current: s.thresholds.current, future: s.thresholds.future }, { x: t('strategies_section.planeX', { months: c.months }), y: t('strategies_section.planeY', { horizon: c.horizon }) }, c.w.chart),
    ),
    // The seven strategies' heading, words and short table stay together: no row alone on a page.
    `<div class="keep">${w.h3(t('strategies_section.sevenTitle'))}${w.p(t('strategies_section.sevenIntro'))}${w.table(
      [{ text: t('strategies_section.strategy') }, { text: t('strategies_section.customers'), num: true }, { text: t('strategies_section.profit', { months: c.months }), num: true }, { text: t('strategies_section.future'), num: true }, { text: t('strategies_section.action') }],
      STRATEGIES.map((strategy) => {
        const totals = data.byStrategy[strategy];
        const isStart = strategy === 'start';
        return [
          t(`strategies.${strategy}`),
          isStart ? t('units.prospects', { count: s.strategies.start }) : f.integer(s.strategies[strategy]),
          isStart ? t('meta.none') : f.money(totals.profit),
          isStart ? t('meta.none') : f.money(totals.future),
          t(`strategies.${strategy}Action`),
        ];
      }),
      'strategies',
    )}</div>`,
  ];
  if (lookalike.length > 0) {
    parts.push(
      `<div class="keep">${w.h3(t('strategies_section.lookalikeTitle'))}${w.p(t('strategies_section.lookalikeIntro', { start: s.lookalike.startProspects, threshold: f.decimal(s.lookalike.threshold, 1) }))}${w.table(
        [{ text: t('strategies_section.attribute') }, { text: t('strategies_section.value') }, { text: t('strategies_section.shareTop'), num: true }, { text: t('strategies_section.shareAll'), num: true }, { text: t('strategies_section.lift'), num: true }],
        lookalike.map((entry) => [t(`strategies_section.attributes.${entry.attribute}`), entry.label, f.percent(entry.shareTop), f.percent(entry.shareAll), f.decimal(entry.lift, 2)]),
      )}</div>`,
    );
  }
  return parts.join('');
}

/** How the forward-looking numbers were made, in a sentence of the report's language. */
function outlookSentence(c: Context, rate: string): string {
  const { input, t, f } = c;
  const s = input.run.summary;
  const outlook = s.outlook;
  const horizon = c.horizon;
  const reason = outlook.noModel ? t(`clv.noModelReasons.${outlook.noModel}`) : '';
  if (outlook.model?.origin === 'fit') return t('clv.model', { model: t(`clv.models.${outlook.model.model}`), date: f.date(input.fit?.createdAt.slice(0, 10) ?? s.asOf), horizon, rate });
  if (outlook.model) return t('clv.automatic', { model: t(`clv.models.${outlook.model.model}`), date: f.date(s.asOf), customers: outlook.model.customers ?? 0, repeat: outlook.model.repeatCustomers ?? 0, horizon, rate });
  if (outlook.observed) return t('clv.observed', { from: f.date(outlook.observed.from), reason, horizon, rate });
  return t('clv.churn', { reason, horizon, rate });
}

function clv(c: Context): string {
  const { input, w, t, f } = c;
  const s = input.run.summary;
  const outlook = s.outlook;
  const rate = f.percent(c.settings.discountRateYearly);
  // The person's fit is described (and validated) below only when the analysis used it.
  const fit = outlook.model?.origin === 'fit' && input.fit?.fitId === outlook.model.fitId ? input.fit : null;
  const parts = [
    w.p(outlookSentence(c, rate)),
    w.kpis([
      { label: t('kpi.equity'), value: f.money(s.customerEquity) },
      { label: t('kpi.simpleLtv'), value: s.simpleLtv === null ? t('meta.none') : f.money(s.simpleLtv) },
      { label: t('kpi.ampu'), value: f.moneyFine(s.ampu) },
      { label: t('kpi.churn'), value: s.churnRate === null ? t('meta.none') : f.percent(s.churnRate) },
      { label: t('kpi.active'), value: f.integer(s.activeCustomers) },
      { label: t('kpi.lifetime'), value: t('kpi.lifetimeValue', { years: f.decimal(s.cohorts.lifetime.survivalMeanYears, 1) }) },
    ]),
  ];
  if (s.equityTrend.length >= 2) parts.push(w.figure(t('clv.equityTitle'), () => equityTrendChart(s.equityTrend, c.w.chart)));
  parts.push(`<div class="keep">${w.h3(t('clv.modelTitle'))}`);
  if (outlook.model && !fit) {
    // A model the analysis fitted itself: its parameters (the Models screen validates it).
    parts.push(
      w.table(
        [{ text: t('clv.parameter') }, { text: t('clv.estimate'), num: true }],
        [...Object.entries(outlook.model.params).map(([name, value]) => [name, f.decimal(value, 4)]), ...Object.entries(outlook.model.spend).map(([name, value]) => [`${name} (Gamma-Gamma)`, f.decimal(value, 4)])],
        'compact',
      ),
      '</div>',
    );
    return parts.join('');
  }
  if (!fit) {
    parts.push(`${w.p(t('clv.noModel'))}</div>`);
    return parts.join('');
  }
  const unit = t(`clv.units.${fit.unit}`);
  parts.push(
    w.p(
      t('clv.fit', {
        model: t(`clv.models.${fit.model}`),
        customers: fit.purchase.customers,
        unit,
        calibrationEnd: f.date(fit.calibrationEnd),
        logLikelihood: f.decimal(fit.purchase.logLikelihood, 1),
        iterations: fit.purchase.iterations,
        converged: t(fit.purchase.converged ? 'clv.converged' : 'clv.notConverged'),
      }),
    ),
    w.table(
      [{ text: t('clv.parameter') }, { text: t('clv.estimate'), num: true }, { text: t('clv.standardError'), num: true }],
      [
        ...Object.entries(fit.purchase.params).map(([name, value]) => [name, f.decimal(value, 4), fit.purchase.standardErrors[name] == null ? t('meta.none') : f.decimal(fit.purchase.standardErrors[name] as number, 4)]),
        ...Object.entries(fit.gammaGamma.params).map(([name, value]) => [`${name} (Gamma-Gamma)`, f.decimal(value, 4), fit.gammaGamma.standardErrors[name] == null ? t('meta.none') : f.decimal(fit.gammaGamma.standardErrors[name] as number, 4)]),
      ],
      'compact',
    ),
    w.p(t('clv.gammaGamma', { meanSpend: f.moneyFine(fit.gammaGamma.meanSpend), correlation: f.decimal(fit.gammaGamma.correlation, 2) })),
    '</div>',
  );
  const validation = fit.validation;
  if (!validation) {
    parts.push(w.p(t('clv.noHoldout')));
    return parts.join('');
  }
  const m = validation.metrics;
  parts.push(
    w.p(
      t('clv.validation', {
        length: t(`units.${fit.unit}`, { count: Math.round(validation.holdoutLength) }),
        predicted: f.integer(m.totalPredicted),
        actual: f.integer(m.totalActual),
        error: `${m.totalPercentError >= 0 ? '+' : ''}${f.percent(m.totalPercentError / 100)}`,
        mae: f.decimal(m.mae, 2),
      }),
    ),
    w.figure(t('clv.trackingTitle'), () => trackingChart(validation.tracking, { actual: t('clv.actual'), expected: t('clv.expected'), holdout: t('clv.holdoutStart') }, c.w.chart)),
  );
  if (validation.buckets.length > 0) {
    parts.push(
      `<div class="keep">${w.h3(t('clv.bucketsTitle'))}${w.table(
        [{ text: t('clv.bucket') }, { text: t('clv.customers'), num: true }, { text: t('clv.actualMean'), num: true }, { text: t('clv.predictedMean'), num: true }],
        validation.buckets.map((bucket) => [bucket.label.replace(/\d+/g, (digits) => f.integer(Number(digits))), f.integer(bucket.customers), f.decimal(bucket.actualMean, 2), f.decimal(bucket.predictedMean, 2)]),
        'compact',
      )}</div>`,
    );
  }
  return parts.join('');
}

function channels(c: Context): string {
  const { input, w, t, f } = c;
  const list = input.run.summary.channels;
  if (list.length === 0) return w.p(t('channels.none'));
  const rated = list.filter((channel) => channel.ltvToCac !== null && Number.isFinite(channel.ltvToCac)).map((channel) => ({ channel: channel.channel, ratio: channel.ltvToCac as number }));
  const parts = [w.p(t('channels.intro'))];
  if (rated.length > 0) parts.push(w.figure(t('channels.chartTitle'), () => ltvCacChart(rated, t('channels.healthy'), c.w.chart)));
  parts.push(
    w.table(
      [
        { text: t('channels.channel') },
        { text: t('channels.customers'), num: true },
        { text: t('channels.cac'), num: true },
        { text: t('channels.ltv'), num: true },
        { text: t('channels.ratio'), num: true },
        { text: t('channels.payback'), num: true },
        { text: t('channels.spend'), num: true },
      ],
      list.map((channel) => [
        channel.channel,
        f.integer(channel.customers),
        channel.cac === null ? t('meta.none') : f.moneyFine(channel.cac),
        f.moneyFine(channel.ltv),
        channel.ltvToCac === null ? t('meta.none') : f.decimal(channel.ltvToCac, 1),
        channel.paybackMonths === null ? t('meta.none') : f.decimal(channel.paybackMonths, 1),
        f.money(channel.spend),
      ]),
    ),
  );
  return parts.join('');
}

function cohorts(c: Context): string {
  const { input, w, t, f } = c;
  const s = input.run.summary;
  const co = s.cohorts;
  const lifetime = co.lifetime;
  const n = Math.max(1, Object.values(s.lifecycle).reduce((sum, value) => sum + value, 0));
  const parts = [w.p(t('cohorts.intro', { period: t(`cohorts.${co.period}`) }))];
  if (co.labels.length > 0) {
    parts.push(w.figure(t('cohorts.heatmapTitle'), () => retentionHeatmap({ labels: co.labels, retention: co.retention }, { x: t('cohorts.heatmapX'), y: t('cohorts.heatmapY') }, c.w.chart)));
    const shown = co.averageRetention.slice(1, 13);
    if (shown.length > 0) {
      parts.push(
        `<div class="keep">${w.h3(t('cohorts.averageTitle'))}${w.table(
          shown.map((_, k) => ({ text: f.integer(k + 1), num: true })),
          [shown.map((value) => (Number.isFinite(value) ? f.percent(value, 0) : t('meta.none')))],
          'compact',
        )}</div>`,
      );
    }
  }
  parts.push(
    w.p(
      t('clv.lifetime', {
        observed: f.decimal(lifetime.observedMeanYears, 1),
        survival: f.decimal(lifetime.survivalMeanYears, 1),
        atHorizon: f.percent(lifetime.survivalAtHorizon, 0),
        years: t('units.years', { count: Math.round(lifetime.survivalHorizonDays / 365) }),
      }),
    ),
    `<div class="keep">${w.h3(t('cohorts.lifecycleTitle'))}${w.table(
      [{ text: t('cohorts.stage') }, { text: t('cohorts.customers'), num: true }, { text: t('cohorts.share'), num: true }, { text: t('cohorts.definition') }],
      LIFECYCLE_STAGES.map((stage) => [t(`lifecycle.${stage}`), f.integer(s.lifecycle[stage] ?? 0), f.percent((s.lifecycle[stage] ?? 0) / n), t(`cohorts.stageText.${stage}`)]),
    )}</div>`,
  );
  if (s.lifecycleMigration.matrix.length > 0) {
    parts.push(`<div class="keep">${w.h3(t('cohorts.migrationTitle', { date: f.date(s.lifecycleMigration.from) }))}${migrationTable(c, s.lifecycleMigration, (code) => t(`lifecycle.${code}`))}</div>`);
  }
  return parts.join('');
}

function groupLabel(c: Context, grouping: string, group: string): string {
  const namespace = grouping === 'tier' ? 'tiersShort' : grouping === 'quadrant' ? 'quadrants' : 'strategies';
  return c.t(`${namespace}.${group}`);
}

function whatif(c: Context): string {
  const { input, w, t, f } = c;
  if (input.scenarios === null) return w.p(t('whatif.unavailable'));
  if (input.scenarios.length === 0) return w.p(t('whatif.none'));
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${f.money(value)}`;
  const parts: string[] = [];
  for (const scenario of input.scenarios) {
    const years = t('units.years', { count: scenario.horizonYears });
    const rows: string[][] = [
      [t('whatif.profit'), f.money(scenario.baseline.profit), f.money(scenario.scenario.profit), signed(scenario.deltaProfit)],
      [t('whatif.equity'), f.money(scenario.baseline.customerEquity), f.money(scenario.scenario.customerEquity), signed(scenario.scenario.customerEquity - scenario.baseline.customerEquity)],
      [t('whatif.revenue'), f.money(scenario.baseline.revenue), f.money(scenario.scenario.revenue), signed(scenario.scenario.revenue - scenario.baseline.revenue)],
      [t('whatif.firstYear'), f.money(scenario.baseline.firstYearContribution), f.money(scenario.scenario.firstYearContribution), signed(scenario.scenario.firstYearContribution - scenario.baseline.firstYearContribution)],
      [t('whatif.campaignCost'), f.money(0), f.money(scenario.campaignCost), signed(scenario.campaignCost)],
      [t('whatif.roi'), t('meta.none'), scenario.roi === null ? t('meta.none') : f.percent(scenario.roi, 0), t('meta.none')],
    ];
    parts.push(
      `<div class="keep">${w.h3(scenario.name)}${w.p(t('whatif.intro', { years, rate: f.percent(scenario.discountRate) }))}${w.table(
        [{ text: t('whatif.measure') }, { text: t('whatif.baseline'), num: true }, { text: t('whatif.scenario'), num: true }, { text: t('whatif.change'), num: true }],
        rows,
      )}</div>`,
      w.figure(`${scenario.name}: ${t('whatif.baseline')} / ${t('whatif.scenario')}`, () =>
        scenarioChart(
          [
            { label: t('whatif.profit'), baseline: scenario.baseline.profit, scenario: scenario.scenario.profit },
            { label: t('whatif.equity'), baseline: scenario.baseline.customerEquity, scenario: scenario.scenario.customerEquity },
            { label: t('whatif.firstYear'), baseline: scenario.baseline.firstYearContribution, scenario: scenario.scenario.firstYearContribution },
          ],
          { baseline: t('whatif.baseline'), scenario: t('whatif.scenario') },
          c.w.chart,
        ),
      ),
    );
    const groups = scenario.groups.filter((group) => group.strategy !== null || group.dropped);
    if (groups.length > 0) {
      parts.push(
        `<div class="keep">${w.h3(t('whatif.groupsTitle'))}${w.table(
          [{ text: t('whatif.group') }, { text: t('whatif.strategy') }, { text: t('whatif.customers'), num: true }, { text: t('whatif.incremental'), num: true }, { text: t('whatif.campaignCost'), num: true }, { text: t('whatif.roi'), num: true }],
          groups.map((group) => [
            groupLabel(c, scenario.grouping, group.group),
            `${group.strategy === null ? t('meta.none') : group.strategy === 'custom' ? t('whatif.custom') : t(`${['reward', 'manage', 'develop', 'exit'].includes(group.strategy) ? 'quadrants' : 'strategies'}.${group.strategy}`)}${group.dropped ? ` (${t('whatif.dropped')})` : ''}`,
            f.integer(Math.round(group.customers)),
            signed(group.incrementalProfit),
            f.money(group.campaignCost),
            group.roi === null ? t('meta.none') : f.percent(group.roi, 0),
          ]),
        )}</div>`,
      );
    }
    if (scenario.topLever) parts.push(w.p(t('whatif.topLever', { lever: t(`whatif.levers.${scenario.topLever.lever}`), group: groupLabel(c, scenario.grouping, scenario.topLever.group) })));
  }
  return parts.join('');
}

function actions(c: Context): string {
  const { input, data, w, t, f } = c;
  const s = input.run.summary;
  const parts = [w.p(t('actions.intro', { date: f.date(s.asOf) })), w.h3(t('actions.topTitle'))];
  for (const list of data.topCustomers) {
    if (list.total === 0) continue;
    const winBack = list.strategy === 'winBack';
    const headers = [
      { text: t('actions.customer') },
      { text: t('actions.name') },
      { text: t('actions.tier') },
      { text: winBack ? t('actions.lifetimeProfit') : t('actions.profit', { months: c.months }), num: true },
      { text: t('actions.future'), num: true },
      { text: t('actions.reason') },
    ];
    const rows = list.rows.map((row) => [
      row.customer,
      row.name ?? '',
      tierName(t, row.tier),
      (winBack ? row.lifetimeProfit : row.profit) === null ? t('meta.none') : f.money((winBack ? row.lifetimeProfit : row.profit) as number),
      row.future === null ? t('meta.none') : f.money(row.future),
      row.reason ? t(`reasons.${row.reason.replace('.', '_')}`) : '',
    ]);
    const more = list.total > list.rows.length ? w.p(t('meta.more', { count: list.total - list.rows.length }), 'more') : '';
    const title = t('actions.topIntro', { strategy: t(`strategies.${list.strategy}`), total: list.total });
    w.bold.push(title);
    parts.push(`<div class="list">${w.p(title, 'list-title')}${w.table(headers, rows, 'list')}${more}</div>`);
  }
  parts.push(w.h3(t('actions.offersTitle')));
  if (data.offers.total === 0) parts.push(w.p(t('meta.nobody')));
  else {
    parts.push(
      w.p(t('actions.offersIntro', { offers: data.offers.total, customers: data.offers.customers })),
      w.table(
        [{ text: t('actions.customer') }, { text: t('actions.name') }, { text: t('actions.offer') }, { text: t('actions.rank'), num: true }, { text: t('actions.potential'), num: true }, { text: t('actions.tier') }],
        data.offers.rows.map((row) => [row.customer, row.name ?? '', row.item, f.integer(row.rank), f.money(row.potential), tierName(t, row.tier)]),
        'list',
      ),
    );
    if (data.offers.total > data.offers.rows.length) parts.push(w.p(t('meta.more', { count: data.offers.total - data.offers.rows.length }), 'more'));
  }
  parts.push(w.h3(t('actions.contactsTitle', { from: f.date(data.contacts.from), to: f.date(data.contacts.to) })));
  if (data.contacts.total === 0) parts.push(w.p(t('meta.nobody')));
  else {
    parts.push(
      w.p(
        t('actions.contactsIntro', {
          count: data.contacts.total,
          lead: t('units.days', { count: c.settings.contactLeadDays }),
          cap: c.settings.contactCap,
          years: t('units.years', { count: c.settings.contactCapYears }),
        }),
      ),
      w.table(
        [{ text: t('actions.date') }, { text: t('actions.customer') }, { text: t('actions.name') }, { text: t('actions.contactReason') }, { text: t('actions.strategy') }, { text: t('actions.lastPurchase') }],
        data.contacts.rows.map((row) => [f.dateShort(row.date), row.customer, row.name ?? '', t(row.reason === 'winBack' ? 'actions.winBack' : 'actions.rhythm'), strategyName(t, row.strategy), row.lastPurchase ? f.dateShort(row.lastPurchase) : t('meta.none')]),
        'list',
      ),
    );
    if (data.contacts.total > data.contacts.rows.length) parts.push(w.p(t('meta.more', { count: data.contacts.total - data.contacts.rows.length }), 'more'));
  }
  return parts.join('');
}

function methods(c: Context): string {
  const { input, w, t, f } = c;
  const s = input.run.summary;
  const st = c.settings;
  const terms = ['contribution', 'window', 'ladder', 'whale', 'quadrants', 'strategies', 'active', 'ltv', 'clv', 'validation', 'cac', 'cohorts', 'lifecycle', 'crossSell', 'contacts', 'whatif'];
  w.bold.push(...terms.map((term) => t(`methods.terms.${term}`)));
  const definitions = `<dl class="definitions">${terms.map((term) => `<dt>${escapeHtml(t(`methods.terms.${term}`))}</dt><dd>${escapeHtml(t(`methods.terms.${term}Text`, { share: f.percent(st.mvcProfitShare) }))}</dd>`).join('')}</dl>`;
  const yesNo = (value: boolean) => t(value ? 'meta.yes' : 'meta.no');
  const settings: [string, string][] = [
    [t('methods.settings.asOf'), st.asOf ? f.date(st.asOf) : t('methods.settings.asOfLast', { date: f.date(s.asOf) })],
    [t('methods.settings.currentWindowMonths'), c.months],
    [t('methods.settings.defaultMarginRate'), f.percent(st.defaultMarginRate)],
    [t('methods.settings.costPerOrder'), f.moneyFine(st.costPerOrder)],
    [t('methods.settings.mvcProfitShare'), f.percent(st.mvcProfitShare)],
    [t('methods.settings.mgcShare'), f.percent(st.mgcShare)],
    [t('methods.settings.inactivityDays'), st.inactivityDays !== null ? t('units.days', { count: st.inactivityDays }) : t('methods.settings.inactivityDerived', { days: t('units.days', { count: Math.round(s.inactivityDays) }), percentile: f.percent(st.inactivityPercentile, 0) })],
    [t('methods.settings.useModel'), yesNo(st.useModel)],
    [t('methods.settings.horizonMonths'), c.horizon],
    [t('methods.settings.discountRateYearly'), f.percent(st.discountRateYearly)],
    [t('methods.settings.currentThreshold'), f.money(st.currentThreshold)],
    [t('methods.settings.futureThreshold'), st.futureThreshold !== null ? f.money(st.futureThreshold) : t('methods.settings.futureThresholdDerived', { value: f.money(s.thresholds.future) })],
    [t('methods.settings.cohortPeriod'), t(`cohorts.${st.cohortPeriod}`)],
    [t('methods.settings.crossSellSegment'), t(`methods.settings.${st.crossSellSegment}`)],
    [t('methods.settings.crossSellLevel'), t(`methods.settings.${st.crossSellLevel}`)],
    [t('methods.settings.idealProfileAdoption'), f.percent(st.idealProfileAdoption)],
    [t('methods.settings.contactLeadDays'), t('units.days', { count: st.contactLeadDays })],
    [t('methods.settings.contactCap'), t('methods.settings.contactCapValue', { count: st.contactCap, years: t('units.years', { count: st.contactCapYears }) })],
    [t('methods.settings.comparisonMonths'), t('methods.settings.comparisonValue', { months: t('units.months', { count: st.comparisonMonths }) })],
    [t('methods.settings.currency'), st.currency ?? t('methods.settings.noCurrency')],
  ];
  const source = t(`methods.sources.${s.outlook.model ? s.outlook.model.origin : s.outlook.engine}`);
  const provenance = t('methods.provenance', {
    run: input.run.runId === null ? t('meta.none') : f.integer(input.run.runId),
    created: f.date(input.run.createdAt.slice(0, 10)),
    asOf: f.date(s.asOf),
    from: input.workspace.firstDate ? f.date(input.workspace.firstDate) : t('meta.none'),
    to: input.workspace.lastDate ? f.date(input.workspace.lastDate) : t('meta.none'),
    source,
  });
  const backtest = input.backtest;
  const signed = (value: number | null) => (value === null ? t('meta.none') : `${value > 0 ? '+' : ''}${f.percent(value)}`);
  const heldUp = backtest
    ? t('methods.backtest', {
        date: f.date(backtest.asOf),
        months: backtest.horizonMonths,
        projectedCustomers: f.integer(Math.round(backtest.projected.activeCustomers)),
        projectedRevenue: f.money(backtest.projected.revenue),
        actualCustomers: f.integer(backtest.actual.activeCustomers),
        actualRevenue: f.money(backtest.actual.revenue),
        customersError: signed(backtest.errors.activeCustomers),
        revenueError: signed(backtest.errors.revenue),
      })
    : t('methods.noBacktest', { months: c.settings.horizonMonths });
  return [
    w.h3(t('methods.provenanceTitle')),
    w.p(provenance),
    ...(input.run.stale ? [w.p(t('meta.stale'), 'note')] : []),
    `<div class="keep">${w.h3(t('methods.backtestTitle'))}${w.p(heldUp)}</div>`,
    ...(c.f.locale === 'fa' ? [w.p(t('methods.calendar'))] : []),
    w.h3(t('methods.definitionsTitle')),
    definitions,
    `<div class="keep">${w.h3(t('methods.settingsTitle'))}${w.table([{ text: t('methods.setting') }, { text: t('methods.value') }], settings, 'settings')}</div>`,
  ].join('');
}

function stylesheet(input: ReportInput, f: Formats, t: Translate, fontFamily: string): string {
  const page = PAGE[input.pageSize];
  const rtl = f.rtl;
  const counter = rtl ? 'persian' : 'decimal';
  // "Page {page} of {pages}" as CSS content with the page counters in the client's digits.
  const pageText = t('meta.page', { page: '\uE000', pages: '\uE001' });
  const pageContent = pageText
    .split(/(\uE000|\uE001)/)
    .filter((part) => part !== '')
    .map((part) => (part === '\uE000' ? `counter(page, ${counter})` : part === '\uE001' ? `counter(pages, ${counter})` : cssString(part)))
    .join(' ');
  const running = `${t('meta.title')} · ${t('meta.asOf', { date: f.date(input.run.summary.asOf) })}`;
  const start = rtl ? 'right' : 'left';
  const end = rtl ? 'left' : 'right';
  const box = `font-family: ${fontFamily}; font-size: 7.5pt; color: #7b8794;`;
  const coverHeight = page.height - MARGIN.top - MARGIN.bottom - 2;
  return `
@page { size: ${input.pageSize === 'A4' ? 'A4' : 'letter'}; margin: ${MARGIN.top}mm ${MARGIN.side}mm ${MARGIN.bottom}mm ${MARGIN.side}mm;
  @top-${start} { content: ${cssString(input.client)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @top-${end} { content: ${cssString(running)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: ${pageContent}; ${box} vertical-align: top; padding-top: 3mm; }
}
@page cover { @top-${start} { content: none; } @top-${end} { content: none; } @bottom-center { content: none; } }
* { box-sizing: border-box; }
html { font-family: ${fontFamily}; font-size: 9.5pt; line-height: 1.45; color: #1f2933; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1, h2, h3, .cover-title { font-weight: 700; line-height: 1.25; }
h2 { font-size: 16pt; color: #1f6f8b; margin: 0 0 8pt; padding-bottom: 4pt; border-bottom: 1.5pt solid #1f6f8b; break-after: avoid; }
h3 { font-size: 11pt; margin: 12pt 0 5pt; break-after: avoid; color: #323f4b; }
p { margin: 0 0 6pt; }
section.part { break-before: page; }
section.part.first, section.part.short { break-before: auto; }
section.part.short { margin-top: 18pt; }
.cover { page: cover; height: ${coverHeight}mm; display: flex; flex-direction: column; justify-content: space-between; break-after: page; }
.cover-logo { min-height: 22mm; text-align: ${end}; }
.cover-logo img { max-height: 22mm; max-width: 60mm; }
.cover-title { font-size: 13pt; color: #1f6f8b; text-transform: uppercase; letter-spacing: ${rtl ? '0' : '0.08em'}; }
.cover h1 { font-size: 30pt; margin: 6pt 0 8pt; }
.cover .subtitle { font-size: 12pt; color: #52606d; max-width: 140mm; }
.cover-meta { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 12pt; margin: 0; font-size: 10pt; }
.cover-meta dt { color: #7b8794; }
.cover-meta dd { margin: 0; font-weight: 700; }
.cover-contents { border-top: 1pt solid #cbd2d9; padding-top: 6pt; font-size: 9.5pt; }
.cover-contents-title { font-weight: 700; margin-bottom: 3pt; }
.cover-contents ol { margin: 0; padding: 0; list-style: none; columns: 2; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin: 4pt 0 8pt; break-inside: avoid; }
.kpi { border: 0.75pt solid #d9e2ec; border-radius: 3pt; padding: 5pt 7pt; background: #f5f7fa; }
.kpi-value { font-size: 13pt; font-weight: 700; color: #1f2933; white-space: nowrap; }
.kpi-label { font-size: 8pt; color: #52606d; }
.words p { text-align: justify; }
ul.todo { margin: 0; padding-${start}: 14pt; }
ul.todo li { margin-bottom: 3pt; }
figure.chart { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 700; font-size: 9.5pt; margin-bottom: 2pt; color: #323f4b; }
figure.chart svg { display: block; width: 100%; height: auto; direction: ltr; unicode-bidi: isolate; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 8pt; font-size: 8.3pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: start; font-weight: 700; background: #e4e7eb; padding: 3pt 4pt; vertical-align: bottom; }
td { padding: 2.5pt 4pt; border-bottom: 0.5pt solid #e4e7eb; vertical-align: top; }
th.num, td.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.compact { font-size: 8pt; }
table.list td:first-child { white-space: nowrap; }
table.list td:nth-child(2) { max-width: 40mm; }
table.quadrants { table-layout: fixed; }
table.quadrants th { background: none; text-align: center; font-size: 8pt; color: #52606d; }
table.quadrants tbody th { width: 22%; text-align: ${end}; vertical-align: middle; }
td.quadrant { border: 2pt solid #fff; padding: 6pt 8pt; vertical-align: top; }
.q-name { font-weight: 700; font-size: 11pt; }
.q-figures { font-size: 8.5pt; margin: 2pt 0 3pt; }
.q-action { font-size: 8pt; color: #3e4c59; }
${Object.entries(QUADRANT_COLORS).map(([quadrant, color]) => `.q-${quadrant} { background: ${color}1a; } .q-${quadrant} .q-name { color: ${color}; }`).join(' ')}
.keep { break-inside: avoid; page-break-inside: avoid; }
.list { margin-bottom: 4pt; }
.list-title { font-weight: 700; margin: 8pt 0 2pt; break-after: avoid; }
p.more { font-size: 8pt; color: #7b8794; margin-top: -4pt; }
p.note { font-size: 8.5pt; color: #9c2a2a; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 8pt; margin: 0 0 8pt; font-size: 8.3pt; break-inside: avoid; }
dl.legend dt { font-weight: 700; }
dl.legend dd { margin: 0; }
dl.definitions { margin: 0; }
dl.definitions dt { font-weight: 700; margin-top: 5pt; break-after: avoid; }
dl.definitions dd { margin: 0 0 2pt; break-inside: avoid; }
table.settings td:first-child { width: 55%; }
`;
}

/** The whole report as HTML, with the fonts it embeds and the time each stage took. */
export function buildReportHtml(input: ReportInput): BuiltReport {
  const timings: { stage: string; ms: number }[] = [];
  const time = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    const value = work();
    timings.push({ stage, ms: performance.now() - start });
    return value;
  };
  const settings = input.run.settings;
  const f = createFormats(input.locale, settings.currency);
  const t = createTranslator(input.locale, f);
  const families = fontFamilies(input.locale);
  const fontFamily = [...families.map((family) => `'${family}'`), 'sans-serif'].join(', ');
  const data = time('action lists', () => gatherReportData(input.loaded, input.run.summary.asOf));
  const w = new Writer(t, f, { formats: f, fontFamily: families.map((family) => `'${family}'`).join(', ') });
  const context: Context = {
    input,
    data,
    w,
    t,
    f,
    settings,
    months: t('units.months', { count: settings.currentWindowMonths }),
    horizon: t('units.months', { count: settings.horizonMonths }),
  };
  const builders: Record<Exclude<ReportSection, 'cover'>, (c: Context) => string> = { summary, ladder, strategies, clv, channels, cohorts, whatif, actions, methods };
  const sections = REPORT_SECTIONS.filter((section) => input.sections.includes(section));
  const body = time('sections', () => {
    const parts: string[] = [];
    if (sections.includes('cover')) parts.push(cover(context, sections));
    let number = 0;
    for (const section of sections) {
      if (section === 'cover') continue;
      number++;
      const title = `${f.integer(number)}. ${t(`sections.${section}`)}`;
      const body = builders[section](context);
      // A section with only a few words (no data for it: no channels, no scenario) follows the one
      // before on its page instead of taking a page of its own.
      const short = !/<(table|figure|svg|ul|ol)\b/.test(body) && body.length < 1500;
      parts.push(`<section class="part${parts.length === 0 ? ' first' : ''}${short ? ' short' : ''}" data-section="${section}">${w.h2(title, `section-${section}`)}${body}</section>`);
    }
    return parts.join('\n');
  });
  timings.push({ stage: `charts (${w.charts})`, ms: w.chartMs });
  const css = stylesheet(input, f, t, fontFamily);
  const fonts = time('fonts', () => embedFonts(`${css}\n${body}`, `${w.bold.join('\n')}\n${input.client}`, families));
  const lang = input.locale;
  const html = `<!doctype html>
<html lang="${lang}" dir="${f.rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(`${t('meta.title')} — ${input.client}`)}</title>
<style>
${fonts.css}
${css}
</style>
</head>
<body>
${body}
</body>
</html>`;
  return { html, fonts, timings, charts: w.charts };
}
