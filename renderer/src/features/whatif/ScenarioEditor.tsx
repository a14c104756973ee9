import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPINGS, MAX_HORIZON_YEARS, SCENARIO_STRATEGIES, type GroupPlan, type Grouping, type Scenario, type ScenarioStrategy, type WhatIfResult } from '../../../../shared/analytics/whatif';
import { useAnalysisFormat } from '../analysis/format';
import { DROPPING, defaultStrategy, emptyScenario, fromShown, groupsOf, leverSpecs, leversInUse, setLever, toShown, withPlan, type LeverSpec, type MoneyRanges } from './levers';

type Update = (change: (scenario: Scenario) => Scenario) => void;

/** The word for a plan's strategy: the seven strategies, the four quadrant strategies, or "custom". */
export function useStrategyName() {
  const { t } = useTranslation();
  return (strategy: ScenarioStrategy) =>
    strategy === 'custom' ? t('whatif.strategyCustom') : (['reward', 'manage', 'develop', 'exit'] as string[]).includes(strategy) ? t(`codes.quadrant.${strategy}`) : t(`codes.strategy.${strategy}`);
}

export function useGroupName() {
  const { t } = useTranslation();
  return (grouping: Grouping, group: string) => t(`codes.${grouping}.${group}`);
}

/**
 * A slider with a number box beside it. The slider's own value follows the hand at once (local
 * state); the scenario is updated through `onChange`, which the screen throttles to animation frames.
 */
function LeverControl({ spec, value, onChange, label, unitLabel }: { spec: Omit<LeverSpec, 'key'> & { key: string }; value: number; onChange: (value: number) => void; label: string; unitLabel: string }) {
  const id = useId();
  const shown = toShown(value, spec.scale);
  const [local, setLocal] = useState({ from: shown, value: shown, text: String(shown) });
  // The scenario changed from elsewhere (another group, a loaded scenario): show its value.
  if (local.from !== shown) setLocal({ from: shown, value: shown, text: String(shown) });
  const commit = (next: number) => onChange(fromShown(Math.min(spec.limitMax, Math.max(spec.limitMin, next)), spec.scale));
  const sliderValue = Math.min(spec.max, Math.max(spec.min, local.value));
  return (
    <div className={`lever${local.value !== 0 ? ' lever--set' : ''}`} data-lever={spec.key}>
      <label className="lever__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="lever__slider"
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={sliderValue}
        onChange={(event) => {
          const next = Number(event.target.value);
          setLocal({ from: local.from, value: next, text: String(next) });
          commit(next);
        }}
        data-testid={`slider-${spec.key}`}
      />
      <span className="number-input lever__number">
        <input
          type="number"
          inputMode="decimal"
          min={spec.limitMin}
          max={spec.limitMax}
          step={spec.step}
          value={local.text}
          aria-label={label}
          onChange={(event) => {
            const text = event.target.value;
            const next = Number(text);
            setLocal({ from: local.from, value: text === '' || !Number.isFinite(next) ? local.value : next, text });
            if (text !== '' && Number.isFinite(next)) commit(next);
          }}
          data-testid={`number-${spec.key}`}
        />
        <span className="number-input__unit">{unitLabel}</span>
      </span>
    </div>
  );
}

interface Props {
  scenario: Scenario;
  update: Update;
  result: WhatIfResult;
  money: MoneyRanges;
  analysisRate: number;
}

/** Grouping, the groups with a strategy each, the levers of the chosen group, horizon and discount rate. */
export function ScenarioEditor({ scenario, update, result, money, analysisRate }: Props) {
  const { t } = useTranslation();
  const f = useAnalysisFormat();
  const strategyName = useStrategyName();
  const groupName = useGroupName();
  const groups = groupsOf(scenario.grouping);
  const [chosen, setChosen] = useState<string>(groups[0] ?? '');
  const active = groups.includes(chosen) ? chosen : (groups[0] ?? '');
  const plan = scenario.groups[active];
  const specs = leverSpecs(money);
  const unitLabel = (spec: LeverSpec) => (spec.unit === 'points' ? t('whatif.unit.points') : spec.unit === 'percent' ? '%' : (f.currency ?? t('whatif.unit.money')));
  const customersOf = (group: string) => result.groups.find((entry) => entry.group === group)?.customers ?? 0;

  const setStrategy = (group: string, value: string) =>
    update((current) => {
      if (value === '') return withPlan(current, group, null);
      const strategy = value as ScenarioStrategy;
      const previous: GroupPlan = current.groups[group] ?? { strategy };
      const next: GroupPlan = { ...previous, strategy };
      // Terminate and Exit let the group go; choosing another strategy after them keeps the customers.
      if (DROPPING.includes(strategy)) next.dropCustomers = true;
      else if (DROPPING.includes(previous.strategy)) delete next.dropCustomers;
      return withPlan(current, group, next);
    });

  return (
    <div className="whatif-editor" data-testid="whatif-editor">
      <div className="whatif-editor__row">
        <span className="whatif-editor__label">{t('whatif.editor.grouping')}</span>
        <div className="segmented" role="radiogroup" aria-label={t('whatif.editor.grouping')}>
          {GROUPINGS.map((grouping) => (
            <button
              key={grouping}
              type="button"
              role="radio"
              aria-checked={scenario.grouping === grouping}
              className={`segmented__item${scenario.grouping === grouping ? ' segmented__item--active' : ''}`}
              onClick={() => {
                if (grouping === scenario.grouping) return;
                update((current) => ({ ...emptyScenario(grouping), horizonYears: current.horizonYears, discountRate: current.discountRate }));
              }}
              data-grouping={grouping}
            >
              {t(`whatif.grouping.${grouping}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="muted small whatif-editor__hint">{t('whatif.editor.groupsHint')}</p>
      <ul className="whatif-groups">
        {groups.map((group) => {
          const groupPlan = scenario.groups[group];
          const inUse = leversInUse(groupPlan).length;
          return (
            <li key={group} className={`whatif-group${group === active ? ' whatif-group--active' : ''}`} data-group={group}>
              <button type="button" className="whatif-group__name" onClick={() => setChosen(group)} aria-pressed={group === active}>
                <strong>{groupName(scenario.grouping, group)}</strong>
                <span className="muted small">
                  {t('whatif.editor.customers', { n: f.integer(customersOf(group)) })}
                  {inUse > 0 ? ` · ${t('whatif.editor.leversSet', { n: f.integer(inUse) })}` : ''}
                </span>
              </button>
              <select
                className="whatif-group__strategy"
                value={groupPlan?.strategy ?? ''}
                onChange={(event) => {
                  setChosen(group);
                  setStrategy(group, event.target.value);
                }}
                aria-label={t('whatif.editor.strategyOf', { group: groupName(scenario.grouping, group) })}
                data-testid={`strategy-${group}`}
              >
                <option value="">{t('whatif.editor.noPlan')}</option>
                {SCENARIO_STRATEGIES.map((strategy) => (
                  <option key={strategy} value={strategy}>
                    {strategyName(strategy)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>

      <fieldset className="whatif-levers" data-testid="levers" data-group={active}>
        <legend>{t('whatif.editor.leversOf', { group: groupName(scenario.grouping, active) })}</legend>
        {specs.map((spec) => (
          <LeverControl
            key={`${scenario.grouping}-${active}-${spec.key}`}
            spec={spec}
            value={(plan?.[spec.key] as number | undefined) ?? 0}
            label={t(`whatif.lever.${spec.key}`)}
            unitLabel={unitLabel(spec)}
            onChange={(value) => update((current) => setLever(current, active, spec.key, value))}
          />
        ))}
        <label className="check-inline lever__drop">
          <input type="checkbox" checked={plan?.dropCustomers === true} onChange={(event) => {
              // Read now: the update runs in the next frame, when React has put the controlled box back.
              const drop = event.target.checked;
              update((current) => setLever(current, active, 'dropCustomers', drop));
            }} data-testid="lever-dropCustomers" />
          {t('whatif.lever.dropCustomers')}
        </label>
        <div className="whatif-levers__footer">
          <span className="muted small">{plan ? t('whatif.editor.planOf', { strategy: strategyName(plan.strategy) }) : t('whatif.editor.noPlanYet', { strategy: strategyName(defaultStrategy(active)) })}</span>
          {plan ? (
            <button type="button" className="button button--quiet button--small" onClick={() => update((current) => withPlan(current, active, null))}>
              {t('whatif.editor.resetGroup')}
            </button>
          ) : null}
        </div>
      </fieldset>

      <div className="whatif-editor__general">
        <LeverControl
          spec={{ key: 'horizon', unit: 'percent', scale: 1, min: 1, max: MAX_HORIZON_YEARS, step: 1, limitMin: 1, limitMax: MAX_HORIZON_YEARS }}
          value={scenario.horizonYears ?? 3}
          label={t('whatif.editor.horizon')}
          unitLabel={t('whatif.unit.years')}
          onChange={(value) => update((current) => ({ ...current, horizonYears: Math.max(1, Math.min(MAX_HORIZON_YEARS, Math.round(value))) }))}
        />
        <LeverControl
          spec={{ key: 'discount', unit: 'percent', scale: 100, min: 0, max: 30, step: 0.5, limitMin: 0, limitMax: 100 }}
          value={scenario.discountRate ?? analysisRate}
          label={t('whatif.editor.discount')}
          unitLabel="%"
          onChange={(value) => update((current) => ({ ...current, discountRate: value }))}
        />
        <p className="muted small whatif-editor__hint">
          {scenario.discountRate === null || scenario.discountRate === undefined ? t('whatif.editor.discountFromAnalysis') : t('whatif.editor.discountOwn', { rate: f.percent(analysisRate) })}
          {scenario.discountRate !== null && scenario.discountRate !== undefined ? (
            <button type="button" className="button button--quiet button--small" onClick={() => update((current) => ({ ...current, discountRate: null }))}>
              {t('whatif.editor.useAnalysisRate')}
            </button>
          ) : null}
        </p>
      </div>
    </div>
  );
}
