/**
 * The lists a manager acts on, for the customers passing a filter: every customer with every metric,
 * the cross-sell offers, the lifetime values, the contact plan — as .xlsx or CSV (by the file's
 * extension) or the contact plan as an iCalendar file. With the person's words the headers, codes
 * and reasons are in their language; without, the keys and codes (stable for scripts).
 */
import { writeFileSync } from 'node:fs';
import { CONTACT_REASONS } from '../../../shared/analytics/contacts';
import { toICalendar } from '../../../shared/analytics/exports';
import { NO_DAY } from '../../../shared/analytics/dataset';
import { TIERS } from '../../../shared/analytics/ladder';
import { describeReason, reasonParams, REASONS, STRATEGIES, type Reason } from '../../../shared/analytics/strategies';
import type { CustomerFilter, ExportList } from '../../../shared/domain/analysis';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import type { CellKind, ExportWords, TableCell } from '../../../shared/domain/export';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import type { ColumnArray } from '../../db/analysis-store';
import { createFormats } from '../report/i18n';
import { writeTable } from '../export/table-file';
import { filterCustomers, reasonValues, type LoadedRun } from './results';

interface ListColumn {
  key: string;
  kind: CellKind;
}

/** How a customer column's type is written. */
const KIND_OF: Record<string, CellKind> = { money: 'money', integer: 'integer', number: 'number', share: 'percent', date: 'date' };

/** Writes one of the action lists of a run; returns the number of rows (events for the calendar). */
export async function exportList(
  loaded: LoadedRun,
  list: ExportList,
  path: string,
  filter: CustomerFilter | undefined,
  settings: AnalysisSettings,
  words?: ExportWords,
): Promise<{ path: string; rows: number }> {
  const chosen = filterCustomers(loaded, filter);
  const included = new Uint8Array(loaded.labels.length);
  for (const row of chosen) included[row] = 1;
  const reasonText = reasonWriter(loaded, settings, words);
  const codeOf = (kind: string, code: string) => (code && words ? (words.codes[kind]?.[code] ?? code) : code);
  const label = (row: number) => loaded.labels[row] ?? '';
  const name = (row: number) => loaded.names[row] ?? null;
  const tier = (row: number) => codeOf('tier', TIERS[(loaded.columns.tier as Uint8Array)[row] as number] ?? '');
  const strategy = (row: number) => codeOf('strategy', STRATEGIES[(loaded.columns.strategy as Uint8Array)[row] as number] ?? '');
  const day = (value: number) => (value === NO_DAY ? null : isoFromEpochDay(value));

  let columns: ListColumn[];
  let rows: TableCell[][];
  if (list === 'customers') {
    columns = [...loaded.defs.map((def) => ({ key: def.key, kind: KIND_OF[def.type] ?? 'text' })), { key: 'reasonText', kind: 'text' }];
    rows = Array.from(chosen, (row) => [
      ...loaded.defs.map((def): TableCell => {
        const value = def.value(row);
        if (typeof value === 'boolean') return words ? (value ? words.yes : words.no) : value ? 'yes' : 'no';
        if (def.type === 'code' && typeof value === 'string') return codeOf(def.key, value);
        return def.type === 'money' && typeof value === 'number' ? Math.round(value * 100) / 100 : value;
      }),
      reasonText(row),
    ]);
  } else if (list === 'crosssell') {
    columns = [
      { key: 'customer', kind: 'text' }, { key: 'name', kind: 'text' }, { key: 'offer', kind: 'text' }, { key: 'rank', kind: 'integer' },
      { key: 'score', kind: 'number' }, { key: 'potentialProfit', kind: 'money' }, { key: 'tier', kind: 'text' }, { key: 'strategy', kind: 'text' },
    ];
    const customer = loaded.columns.offerCustomer as Int32Array;
    rows = [];
    for (let i = 0; i < customer.length; i++) {
      const row = customer[i] as number;
      if (!included[row]) continue;
      rows.push([
        label(row), name(row), loaded.summary.crossSell.itemLabels[(loaded.columns.offerItem as Int32Array)[i] as number] ?? '',
        (loaded.columns.offerRank as Int32Array)[i] as number, Number(((loaded.columns.offerScore as Float64Array)[i] as number).toFixed(4)),
        Number(((loaded.columns.crossSellPotential as Float64Array)[row] as number).toFixed(2)), tier(row), strategy(row),
      ]);
    }
  } else if (list === 'clv') {
    const value = (column: string, row: number) => {
      const number = (loaded.columns[column] as ColumnArray | undefined)?.[row];
      return number === undefined || Number.isNaN(number) ? null : Number(number.toFixed(6));
    };
    // The model's own columns (P(alive), CLV) are empty when the analysis had no model.
    columns = [
      { key: 'customer', kind: 'text' }, { key: 'name', kind: 'text' }, { key: 'probabilityActive', kind: 'percent' }, { key: 'expectedPurchases', kind: 'number' },
      { key: 'expectedRevenue', kind: 'money' }, { key: 'probabilityAlive', kind: 'percent' }, { key: 'clv', kind: 'money' }, { key: 'futureProfit', kind: 'money' },
    ];
    rows = Array.from(chosen, (row) => [label(row), name(row), value('activeChance', row), value('expectedPurchases', row), value('expectedRevenue', row), value('probabilityAlive', row), value('clv', row), value('future', row)]);
  } else {
    const customer = loaded.columns.contactCustomer as Int32Array;
    const events: { row: number; day: number; reason: string }[] = [];
    for (let i = 0; i < customer.length; i++) {
      const row = customer[i] as number;
      if (included[row]) events.push({ row, day: (loaded.columns.contactDay as Int32Array)[i] as number, reason: CONTACT_REASONS[(loaded.columns.contactReason as Uint8Array)[i] as number] ?? 'rhythm' });
    }
    if (list === 'contactsCalendar') {
      const text = toICalendar(
        events.map(({ row, day: eventDay, reason }, index) => ({
          uid: `${loaded.run.runId}-${index}@value-ladder`,
          day: eventDay,
          summary: `${words ? codeOf('contactReason', reason) : reason === 'winBack' ? 'Win back' : 'Contact'}: ${name(row) ?? label(row)}`,
          description: `${label(row)} — ${reasonText(row)}`,
        })),
        '-//Value Ladder//Contact plan//EN',
        Date.parse(loaded.run.createdAt),
      );
      writeFileSync(path, text);
      return { path, rows: events.length };
    }
    columns = [
      { key: 'date', kind: 'date' }, { key: 'customer', kind: 'text' }, { key: 'name', kind: 'text' }, { key: 'contactReason', kind: 'text' },
      { key: 'strategy', kind: 'text' }, { key: 'tier', kind: 'text' }, { key: 'lastPurchase', kind: 'date' },
    ];
    rows = events.map(({ row, day: eventDay, reason }) => [isoFromEpochDay(eventDay), label(row), name(row), codeOf('contactReason', reason), strategy(row), tier(row), day((loaded.columns.lastDay as Int32Array)[row] as number)]);
  }
  const written = await writeTable(path, {
    sheet: words?.headers[`list.${list}`] ?? list,
    columns: columns.map(({ key, kind }) => ({ header: words?.headers[key] ?? key, kind })),
    rows,
    currency: settings.currency,
  });
  return { path, rows: written };
}

/** The reason for each customer's strategy as a sentence: the person's template with their numbers, else English. */
function reasonWriter(loaded: LoadedRun, settings: AnalysisSettings, words: ExportWords | undefined): (row: number) => string {
  const fine = (value: number) => value.toFixed(2);
  if (!words) {
    return (row) => {
      const code = REASONS[(loaded.columns.reason as Uint8Array)[row] as number];
      return code ? describeReason(code as Reason, reasonValues(loaded, row, settings), fine) : '';
    };
  }
  const f = createFormats(words.locale, settings.currency);
  const formats = { integer: f.integer, money: f.moneyFine, signedMoney: (value: number) => `${value > 0 ? '+' : ''}${f.moneyFine(value)}` };
  return (row) => {
    const code = REASONS[(loaded.columns.reason as Uint8Array)[row] as number];
    const template = code ? words.reasons[code] : undefined;
    if (!code || !template) return code ? describeReason(code as Reason, reasonValues(loaded, row, settings), fine) : '';
    const params = reasonParams(reasonValues(loaded, row, settings), formats);
    return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '—');
  };
}
