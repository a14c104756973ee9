/**
 * The analysis codes and reasons in every UI language: each code the analysis speaks in has its
 * word, each strategy reason its short label and its full sentence, and the English sentence is
 * describeReason's (the CLI and CSV wording), word for word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/domain/app-settings';
import { LIFECYCLE_STAGES } from '../../shared/analytics/lifecycle';
import { TIERS } from '../../shared/analytics/ladder';
import { QUADRANTS } from '../../shared/analytics/quadrants';
import { RFM_SEGMENTS } from '../../shared/analytics/rfm';
import { describeReason, REASONS, STRATEGIES, type ReasonValues } from '../../shared/analytics/strategies';
import { SOURCE_ROOT } from '../../electron/services/paths';
import * as codes from '../../renderer/src/features/analysis/codes';

type Catalogue = { [key: string]: string | Catalogue };
const DIR = join(SOURCE_ROOT, 'renderer', 'src', 'i18n', 'locales');
const load = (locale: string) => JSON.parse(readFileSync(join(DIR, `${locale}.json`), 'utf8')) as Catalogue;

function message(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const VALUES: ReasonValues = {
  profit: 1234.5,
  margin: -12.25,
  costToServe: 300,
  future: 0,
  recencyDays: 210,
  inactivityDays: 137,
  lifetimeProfit: 4567.891,
  previousRevenue: 9000,
  revenue: 1200.4,
  recentRevenue: 100,
  earlierRevenue: 700,
  months: 12,
};
const SIGNED = new Set(['profit', 'margin', 'future', 'lifetimeProfit']);

describe('analysis codes in the catalogues', () => {
  it('the renderer knows the codes the analytics produce', () => {
    expect(codes.TIERS).toEqual(TIERS);
    expect(codes.QUADRANTS).toEqual(QUADRANTS);
    expect(codes.STRATEGIES).toEqual(STRATEGIES);
    expect(codes.LIFECYCLE_STAGES).toEqual(LIFECYCLE_STAGES);
    expect(codes.RFM_SEGMENTS).toEqual(RFM_SEGMENTS);
    expect(codes.REASONS).toEqual(REASONS);
  });

  it.each(LOCALES)('%s has a word for every code and a short label and a sentence for every reason', (locale) => {
    const catalogue = load(locale);
    const keys = [
      ...TIERS.map((code) => `codes.tier.${code}`),
      ...QUADRANTS.map((code) => `codes.quadrant.${code}`),
      ...STRATEGIES.map((code) => `codes.strategy.${code}`),
      ...LIFECYCLE_STAGES.map((code) => `codes.lifecycle.${code}`),
      ...RFM_SEGMENTS.map((code) => `codes.rfmSegment.${code}`),
      ...STRATEGIES.map((code) => `strategies.describe.${code}`),
      ...QUADRANTS.map((code) => `strategies.quadrant.actions.${code}`),
      ...REASONS.flatMap((reason) => [`reasons.short.${reason}`, `reasons.full.${reason}`]),
    ];
    expect(keys.filter((key) => !message(catalogue, key)?.trim())).toEqual([]);
  });

  it.each(REASONS)('the English sentence of %s is describeReason word for word', (reason) => {
    const template = message(load('en'), `reasons.full.${reason}`) ?? '';
    const written = template.replace(/{{\s*(\w+)\s*}}/g, (_, name: keyof ReasonValues | 'refund') => {
      // A refund is the window's revenue given back: said as a positive amount.
      if (name === 'refund') return (-VALUES.revenue).toFixed(2);
      const value = VALUES[name];
      if (name === 'recencyDays' || name === 'inactivityDays' || name === 'months') return String(value);
      return SIGNED.has(name) ? `${value > 0 ? '+' : ''}${value.toFixed(2)}` : value.toFixed(2);
    });
    expect(written).toBe(describeReason(reason, VALUES));
  });
});
