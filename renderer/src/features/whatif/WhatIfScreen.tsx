import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun } from '../../../../shared/domain/analysis';
import { plusFiveRetentionScenario, type Scenario } from '../../../../shared/analytics/whatif';
import { validateScenario } from '../../../../shared/domain/whatif';
import { useApp } from '../../app/AppContext';
import { Staged, useStaged } from '../../components/staged';
import { AnalysisFrame, Panel } from '../analysis/AnalysisFrame';
import { useWhatIfFormat } from './format';
import { CompareView } from './Compare';
import { emptyScenario, niceCeil, type MoneyRanges } from './levers';
import { LadderBeforeAfter, ProfitWaterfall, RoiTable, Tornado, WhatIfKpis, YearTable } from './Results';
import { MAX_COMPARE, SavedScenarios } from './SavedScenarios';
import { ScenarioEditor } from './ScenarioEditor';
import { ensureBaseline, scenarioActions, useWhatIfState } from './store';

const PLUS_FIVE_GROUPS = JSON.stringify(plusFiveRetentionScenario().groups);
const sameScenario = (a: Scenario, b: Scenario) => JSON.stringify(a) === JSON.stringify(b);
/** How long a scenario must rest (no slider moving) before the charts and tables follow it. */
const SETTLE_MS = 150;
/** Heights of the placeholders of the parts shown a frame later (the charts' and about the tables'). */
const CHART_HEIGHT = 280;
const TABLE_HEIGHT = 160;

/** What-if: a scenario editor beside the baseline of the latest analysis, projected locally on every change. */
export function WhatIfScreen() {
  const { t } = useTranslation();
  return (
    <AnalysisFrame title={t('whatif.title')} name="whatif">
      {(run) => <WhatIfBody run={run} />}
    </AnalysisFrame>
  );
}

function WhatIfBody({ run }: { run: AnalysisRun }) {
  const { t } = useTranslation();
  const app = useApp();
  const key = `${app.workspace?.path ?? ''}|${run.runId ?? ''}|${run.createdAt}`;
  const state = useWhatIfState();
  const { showError } = app;
  useEffect(() => ensureBaseline(key, showError), [key, showError]);
  if (state.key !== key || state.status === 'loading' || state.status === 'idle') {
    return (
      <div className="analysis-loading muted" aria-busy="true">
        {t('whatif.loading')}
      </div>
    );
  }
  if (state.status === 'error' || !state.engine || !state.reply) return <p className="muted">{t('whatif.failed')}</p>;
  return <WhatIfWorkbench key={key} />;
}

function WhatIfWorkbench() {
  const { t } = useTranslation();
  const app = useApp();
  const f = useWhatIfFormat();
  const state = useWhatIfState();
  const engine = state.engine!;
  const reply = state.reply!;
  const saved = useMemo(() => state.saved ?? [], [state.saved]);

  const [scenario, setScenario] = useState<Scenario>(() => emptyScenario());
  const [name, setName] = useState(() => t('whatif.newName'));
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [compare, setCompare] = useState<number[]>([]);
  const [comparing, setComparing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const shown = useStaged(3);

  // Changes from the sliders are applied once per animation frame: however many input events a
  // drag fires, the projection and the repaint happen at most once per frame. The latest scenario
  // is kept in a ref too, so that every change applies to it (never to a stale render's copy).
  const latest = useRef(scenario);
  const pending = useRef<((scenario: Scenario) => Scenario)[]>([]);
  const frame = useRef(0);
  const settleOnFlush = useRef(false);
  const pointerDown = useRef(false);
  const lastFlush = useRef(Number.NEGATIVE_INFINITY);
  // The scenario the charts and tables show: the current one once it has rested for SETTLE_MS, at
  // once when the hand lets go of a slider, and at once for a change on its own (a click, a typed
  // value). While a slider is dragged (or a key held on it) only the KPI cards and the slider follow
  // each frame; the charts, the tables and the sensitivity wait.
  const [settled, setSettled] = useState<Scenario>(scenario);
  const settle = useCallback((next: Scenario) => startTransition(() => setSettled(next)), []);
  const update = useCallback(
    (change: (scenario: Scenario) => Scenario) => {
      pending.current.push(change);
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const changes = pending.current;
        pending.current = [];
        const next = changes.reduce((value, apply) => apply(value), latest.current);
        latest.current = next;
        setScenario(next);
        setMessage(null);
        const now = performance.now();
        const alone = !pointerDown.current && now - lastFlush.current > SETTLE_MS;
        lastFlush.current = now;
        if (settleOnFlush.current || alone) {
          settleOnFlush.current = false;
          settle(next);
        }
      });
    },
    [settle],
  );
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useEffect(() => {
    if (settled === scenario) return;
    const timer = window.setTimeout(() => settle(scenario), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [scenario, settled, settle]);
  useEffect(() => {
    // Letting go of a slider (anywhere on the page): the charts follow at once.
    const press = () => {
      pointerDown.current = true;
    };
    const release = () => {
      pointerDown.current = false;
      if (frame.current) settleOnFlush.current = true;
      else settle(latest.current);
    };
    window.addEventListener('pointerdown', press, true);
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      window.removeEventListener('pointerdown', press, true);
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  }, [settle]);

  // Everything, sensitivity included, for the settled scenario; the KPI cards of a scenario that
  // has not settled yet without sensitivity (its two passes over the customers are left out).
  const full = useMemo(() => engine.compute(settled), [engine, settled]);
  const result = useMemo(() => (scenario === settled ? full : engine.compute(scenario, { sensitivity: false })), [engine, scenario, settled, full]);

  const money = useMemo<MoneyRanges>(() => {
    const revenue = engine.baseline.revenue;
    let total = 0;
    for (let i = 0; i < revenue.length; i++) total += revenue[i] as number;
    const perCustomer = revenue.length > 0 ? total / revenue.length : 0;
    return { perCustomer: Math.max(10, niceCeil(perCustomer * 0.5)), fixed: Math.max(1000, niceCeil(total * 0.1)) };
  }, [engine]);

  const currentSaved = saved.find((entry) => entry.id === currentId) ?? null;
  const dirty = currentSaved ? !sameScenario(currentSaved.scenario, scenario) || currentSaved.name !== name.trim() : true;
  const plusFive = scenario.grouping === 'tier' && JSON.stringify(scenario.groups) === PLUS_FIVE_GROUPS;
  const compared = compare.map((id) => saved.find((entry) => entry.id === id)).filter((entry) => entry !== undefined);

  const load = (next: Scenario, nextName: string, id: number | null) => {
    pending.current = [];
    latest.current = next;
    setScenario(next);
    setSettled(next);
    setName(nextName);
    setCurrentId(id);
    setMessage(null);
  };

  const save = async () => {
    const checked = validateScenario(scenario);
    if (!checked.ok) {
      setMessage(checked.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
      return;
    }
    try {
      const entry = await scenarioActions.save({ ...(currentId !== null ? { id: currentId } : {}), name: name.trim() || t('whatif.newName'), scenario: checked.scenario, ...(currentSaved ? { forReport: currentSaved.forReport } : {}) });
      setCurrentId(entry.id);
      setName(entry.name);
      setMessage(t('whatif.savedAs', { name: entry.name }));
    } catch (error) {
      app.showError(error);
    }
  };

  return (
    <div className="whatif" data-testid="whatif" data-settled={settled === scenario} data-results-profit={full.delta.profit}>
      <section className="card whatif-bar" aria-label={t('whatif.bar')}>
        <label className="whatif-bar__name">
          <span className="muted small">{t('whatif.name')}</span>
          <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} data-testid="scenario-name" />
        </label>
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={!dirty} data-testid="save-scenario">
          {currentId !== null ? t('whatif.save') : t('whatif.saveNew')}
        </button>
        <button type="button" className="button" onClick={() => load(emptyScenario(scenario.grouping), t('whatif.newName'), null)} data-testid="new-scenario">
          {t('whatif.new')}
        </button>
        <span className="whatif-bar__status muted small" role="status" data-testid="save-status">
          {message ?? (currentSaved && dirty ? t('whatif.unsaved') : '')}
        </span>
        <button type="button" className="button whatif-bar__plus-five" onClick={() => load(plusFiveRetentionScenario(), t('whatif.plusFive.name'), null)} data-testid="try-plus-five">
          {t('whatif.plusFive.try')}
        </button>
      </section>

      {comparing && compared.length >= 2 ? (
        <Panel
          title={t('whatif.compare.title')}
          subtitle={t('whatif.compare.subtitle')}
          className="whatif-compare-panel"
          testId="compare-panel"
          actions={
            <button type="button" className="button button--quiet button--small" onClick={() => setComparing(false)} data-testid="close-compare">
              {t('whatif.compare.close')}
            </button>
          }
        >
          <CompareView engine={engine} entries={compared} />
        </Panel>
      ) : null}

      <div className="whatif__body">
        <div className="whatif__side">
          <Panel title={t('whatif.editor.title')} subtitle={t('whatif.editor.subtitle')} testId="editor-panel">
            <ScenarioEditor scenario={scenario} update={update} result={result} money={money} analysisRate={reply.discountRate} />
          </Panel>
          <Panel
            title={t('whatif.saved.title')}
            subtitle={t('whatif.saved.subtitle', { max: f.integer(MAX_COMPARE) })}
            testId="saved-panel"
            actions={
              <button type="button" className="button button--small" disabled={compared.length < 2} onClick={() => setComparing(true)} data-testid="compare">
                {t('whatif.saved.compare', { n: f.integer(compared.length) })}
              </button>
            }
          >
            <SavedScenarios
              saved={saved}
              currentId={currentId}
              onOpen={(entry) => load(entry.scenario, entry.name, entry.id)}
              compare={compare}
              onCompareChange={setCompare}
              onDeleted={(id) => {
                if (id === currentId) setCurrentId(null);
              }}
            />
          </Panel>
        </div>

        <div className="whatif__results">
          <WhatIfKpis result={result} />
          {plusFive ? (
            <Panel title={t('whatif.plusFive.title')} className="whatif-method" testId="plus-five-panel">
              <p className="whatif-method__lead" data-testid="plus-five-lead">
                {t('whatif.plusFive.lead', {
                  years: f.integer(result.horizonYears),
                  delta: f.signedWhole(result.delta.profit),
                  percent: result.delta.profitPercent === null ? '—' : f.signedPercent(result.delta.profitPercent),
                })}
              </p>
              <p>
                {t('whatif.plusFive.method', {
                  months: f.integer(reply.windowMonths),
                  retention: f.percent(reply.yearlyRetention),
                  raised: f.percent(Math.min(1, reply.yearlyRetention + 0.05)),
                  rate: f.percent(result.discountRate),
                  years: f.integer(result.horizonYears),
                })}{' '}
                {t(`whatif.plusFive.source.${reply.engine}`)}
              </p>
              <p className="muted">{t('whatif.plusFive.caveat', { years: f.integer(result.horizonYears) })}</p>
            </Panel>
          ) : null}
          <Panel title={t('whatif.waterfall.title')} subtitle={t('whatif.waterfall.subtitle')} testId="waterfall-panel">
            <ProfitWaterfall result={full} />
          </Panel>
          {/* The charts below the waterfall come a frame later: the screen shows its figures first. */}
          <div className="whatif__charts">
            <Panel title={t('whatif.ladder.title')} subtitle={t('whatif.ladder.subtitle', { years: f.integer(full.horizonYears) })} testId="ladder-panel">
              <Staged stage={2} shown={shown} height={CHART_HEIGHT}>
                <LadderBeforeAfter result={full} />
              </Staged>
            </Panel>
            <Panel title={t('whatif.tornado.title')} subtitle={t('whatif.tornado.subtitle')} testId="tornado-panel">
              <Staged stage={2} shown={shown} height={CHART_HEIGHT}>
                <Tornado result={full} />
              </Staged>
            </Panel>
          </div>
          <Panel title={t('whatif.roi.title')} subtitle={t('whatif.roi.subtitle')} testId="roi-panel">
            <Staged stage={3} shown={shown} height={TABLE_HEIGHT}>
              <RoiTable result={full} />
            </Staged>
          </Panel>
          <Panel title={t('whatif.years.title')} subtitle={t('whatif.years.subtitle', { rate: f.percent(full.discountRate) })} testId="years-panel">
            <Staged stage={3} shown={shown} height={TABLE_HEIGHT}>
              <YearTable result={full} />
            </Staged>
          </Panel>
        </div>
      </div>
    </div>
  );
}
