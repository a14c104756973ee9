/**
 * What-if scenarios through the contract on the demo business: the baseline of the stored run,
 * projections in the main process equal to the renderer's (the pure function on the same
 * baseline), saved scenarios, and the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_CODE_COLUMNS, BASELINE_VALUE_COLUMNS, baselineFromPacked, computeWhatIf, plusFiveRetentionScenario, type Scenario } from '../../shared/analytics/whatif';
import type { AnalysisRun } from '../../shared/domain/analysis';
import { createApi, type Api } from '../../shared/ipc/client';
import { main } from '../../electron/cli/main';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';

let backend: Backend;
let api: Api;
let run: AnalysisRun;
let workspace: string;

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const strategyPlan: Scenario = {
  grouping: 'quadrant',
  horizonYears: 4,
  discountRate: 0.08,
  groups: {
    reward: { strategy: 'reward', retentionChange: 0.05, campaignCostPerCustomer: 15 },
    manage: { strategy: 'manage', costToServeChange: -0.2, marginChange: 0.02 },
    develop: { strategy: 'develop', crossSellUptake: 0.3, frequencyChange: 0.1, campaignCostFixed: 5000 },
    exit: { strategy: 'exit', dropCustomers: true },
  },
};

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  workspace = join(tempDir(), 'demo.vlw');
  await api['workspace.createSample']({ sample: 'demo', path: workspace });
  await expect(api['whatif.baseline']({})).rejects.toMatchObject({ code: 'not_found', message: 'This workspace has not been analysed yet.' });
  run = await api['analysis.run']({});
}, 120_000);
afterAll(() => backend.dispose());

describe('the what-if baseline and projection', () => {
  it('gives the baseline of the latest run as packed columns, with where it came from', async () => {
    const reply = await api['whatif.baseline']({});
    const baseline = { ...reply, columns: baselineFromPacked(reply) };
    // The demo supports a model: the analysis fitted BG/NBD itself, and the baseline follows it.
    expect(run.summary.outlook).toMatchObject({ engine: 'model', model: { origin: 'automatic', model: 'bgnbd' } });
    expect(baseline).toMatchObject({ runId: run.runId, asOf: run.summary.asOf, stale: false, engine: 'model', customers: run.summary.customers, windowMonths: 12, discountRate: 0.1 });
    expect(baseline.labels.tier).toEqual(['mvc', 'mgc', 'middle', 'belowZero']);
    expect(baseline.yearlyRetention).toBeGreaterThan(0.3);
    expect(baseline.yearlyRetention).toBeLessThan(1);
    // Its first year is the analysis' own twelve months ahead (the horizon is 12 months): revenue to a cent per customer.
    const firstYear = computeWhatIf(baselineFromPacked(reply), { grouping: 'tier', groups: {}, horizonYears: 1, discountRate: 0 }).years[0]?.baseline.revenue ?? 0;
    expect(Math.abs(firstYear - run.summary.outlook.projected.revenue)).toBeLessThan(0.01 * run.summary.customers);
    for (const name of [...BASELINE_CODE_COLUMNS, ...BASELINE_VALUE_COLUMNS]) expect(baseline.columns[name]).toHaveLength(run.summary.customers);
    // The tiers are the analysis' own.
    const mvc = baseline.columns.tier.filter((code) => code === 0).length;
    expect(mvc).toBe(run.summary.ladder.mvc.customers);
    // The reference future profit adds up to the analysis' customer equity (to the cent per customer).
    const future = baseline.columns.future.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(future - run.summary.customerEquity)).toBeLessThan(0.01 * run.summary.customers);
  });

  it('computes in the main process exactly what the pure function gives on the same baseline', async () => {
    const baseline = baselineFromPacked(await api['whatif.baseline']({}));
    for (const scenario of [strategyPlan, plusFiveRetentionScenario()]) {
      const remote = await api['whatif.compute']({ scenario });
      expect(remote).toEqual(computeWhatIf(baseline, scenario));
    }
  });

  it('"+5 % retention for everyone" raises profit', async () => {
    const result = await api['whatif.compute']({ scenario: plusFiveRetentionScenario() });
    expect(result.delta.profit).toBeGreaterThan(0);
    expect(result.delta.profitPercent).toBeGreaterThan(0);
    // Every tier keeps more customers to the end.
    for (const tier of result.tiersAtEnd) expect(tier.scenario).toBeGreaterThan(tier.baseline);
    console.info(
      `demo, +5 points yearly retention for everyone over 3 years: discounted contribution ${result.baseline.profit.toFixed(0)} → ${result.scenario.profit.toFixed(0)} (+${((result.delta.profitPercent ?? 0) * 100).toFixed(1)} %); ` +
        `year 3 alone ${result.years[2]?.baseline.contribution.toFixed(0)} → ${result.years[2]?.scenario.contribution.toFixed(0)}; yearly retention ${(await api['whatif.baseline']({})).yearlyRetention}`,
    );
  });

  it('dropping the Exit quadrant removes its revenue and its costs', async () => {
    const result = await api['whatif.compute']({ scenario: strategyPlan });
    const exit = result.groups.find((group) => group.group === 'exit');
    expect(exit).toMatchObject({ dropped: true, customers: run.summary.quadrants.exit.customers });
    // Their revenue and their costs both go: the group's whole baseline equity, whatever its sign.
    expect(exit?.scenarioEquity).toBe(0);
    expect(exit?.incrementalProfit).toBeCloseTo(-(exit?.baselineEquity ?? Number.NaN), 6);
    expect(result.waterfall.steps.reduce((sum, step) => sum + step.change, 0)).toBeCloseTo(result.delta.profit, 6);
    expect(result.groups.find((group) => group.group === 'reward')?.campaignCost).toBe(15 * run.summary.quadrants.reward.customers);
  });
});

describe('saved scenarios', () => {
  it('saves, lists, renames, duplicates and deletes', async () => {
    expect(await api['whatif.list']({})).toEqual([]);
    const plus5 = await api['whatif.save']({ name: '+5 % retention', scenario: plusFiveRetentionScenario(), forReport: true });
    expect(plus5).toMatchObject({ name: '+5 % retention', forReport: true, scenario: plusFiveRetentionScenario() });
    const plan = await api['whatif.save']({ name: 'Quadrant plan', scenario: strategyPlan });
    expect(plan.forReport).toBe(false);
    // The same name (in any case) saves over it.
    const again = await api['whatif.save']({ name: 'quadrant PLAN', scenario: { ...strategyPlan, horizonYears: 5 }, forReport: true });
    expect(again.id).toBe(plan.id);
    expect(again.scenario.horizonYears).toBe(5);
    expect((await api['whatif.list']({})).map((entry) => entry.name)).toEqual(['+5 % retention', 'Quadrant plan']);
    // Renamed through its id; a name taken by another is refused.
    expect((await api['whatif.save']({ id: plan.id, name: 'Quadrants 2026', scenario: strategyPlan, forReport: true })).name).toBe('Quadrants 2026');
    await expect(api['whatif.save']({ id: plan.id, name: '+5 % RETENTION', scenario: strategyPlan })).rejects.toMatchObject({ code: 'already_exists' });
    const copy = await api['whatif.duplicate']({ id: plus5.id });
    const copy2 = await api['whatif.duplicate']({ id: plus5.id });
    expect([copy.name, copy2.name]).toEqual(['+5 % retention (copy)', '+5 % retention (copy 2)']);
    expect(copy).toMatchObject({ forReport: false, scenario: plus5.scenario });
    const left = await api['whatif.delete']({ id: copy.id });
    expect(left.map((entry) => entry.name)).toEqual(['+5 % retention', 'Quadrants 2026', '+5 % retention (copy 2)']);
    await expect(api['whatif.delete']({ id: copy.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api['whatif.duplicate']({ id: 9999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a bad scenario with the field and the reason', async () => {
    const bad = { grouping: 'tier', groups: { mvc: { strategy: 'retain', retentionChange: 3 } } } as unknown as Scenario;
    await expect(api['whatif.save']({ name: 'bad', scenario: bad })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'scenario.groups.mvc.retentionChange', message: expect.stringMatching(/^must be a number from -1 to 1/) }],
    });
  });
});

describe('the whatif command', () => {
  it('round-trips the example: whatif --example | whatif --scenario', async () => {
    const example = await cli(['whatif', '--example']);
    expect(example.code).toBe(0);
    const file = join(tempDir(), 'plus5.json');
    writeFileSync(file, example.out);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(plusFiveRetentionScenario());
    const projected = await cli(['whatif', workspace, '--scenario', file, '--json']);
    expect(projected.err).toBe('');
    expect(projected.code).toBe(0);
    const json = JSON.parse(projected.out) as { baseline: { profit: number; customerEquity: number }; scenario: { profit: number; customerEquity: number }; years: unknown[]; analysis: { runId: number } };
    const direct = await api['whatif.compute']({ scenario: plusFiveRetentionScenario() });
    expect(json.baseline).toEqual(direct.baseline);
    expect(json.scenario).toEqual(direct.scenario);
    expect(json.years).toHaveLength(3);
    expect(json.analysis.runId).toBe(run.runId);
    const text = await cli(['whatif', workspace, '--scenario', file]);
    expect(text.out).toMatch(/^what-if by tier over 3 years/);
    expect(text.out).toContain('customer equity (discounted contribution)');
  });

  it('runs the analysis first when the workspace has none', async () => {
    const fresh = join(tempDir(), 'fresh.vlw');
    expect((await cli(['sample', 'demo', fresh, '--json'])).code).toBe(0);
    const file = join(tempDir(), 'plan.json');
    writeFileSync(file, JSON.stringify(strategyPlan));
    const projected = await cli(['whatif', fresh, '--scenario', file, '--json']);
    expect(projected.code).toBe(0);
    const json = JSON.parse(projected.out) as { baseline: { profit: number }; groups: { group: string }[] };
    expect(json.groups.map((group) => group.group)).toEqual(['reward', 'manage', 'develop', 'exit']);
    expect(json.baseline.profit).toBeCloseTo((await api['whatif.compute']({ scenario: strategyPlan })).baseline.profit, 6);
  }, 60_000);

  it('reports a bad scenario file one line per bad field, exit code 2', async () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ grouping: 'tier', horizon: 3, groups: { mvc: { strategy: 'keep', retentionChange: '5%' }, whales: { strategy: 'retain' } } }));
    const result = await cli(['whatif', workspace, '--scenario', file]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const lines = result.err.split('\n');
    expect(lines).toEqual([
      `value-ladder: ${file}: groups.mvc.strategy: must be one of "retain", "redesign", "enhance", "harvest", "terminate", "winBack", "start", "reward", "manage", "develop", "exit", "custom"`,
      `value-ladder: ${file}: groups.mvc.retentionChange: must be a number from -1 to 1: percentage points of yearly retention as a fraction (0.05 = 5 points more)`,
      `value-ladder: ${file}: horizon: is not a field of a scenario: use "grouping", "groups", "horizonYears" and "discountRate"`,
      `value-ladder: ${file}: groups.whales: is not a tier: use "mvc", "mgc", "middle", "belowZero"`,
    ]);
    writeFileSync(file, '{ "grouping": "tier", ');
    expect(await cli(['whatif', workspace, '--scenario', file])).toMatchObject({ code: 2, err: expect.stringMatching(/is not JSON/) });
    expect(await cli(['whatif', workspace, '--scenario', join(tempDir(), 'missing.json')])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read the scenario file/) });
    expect(await cli(['whatif', workspace])).toMatchObject({ code: 2 });
    expect(await cli(['whatif', workspace, '--example'])).toMatchObject({ code: 2 });
  });
});
