/**
 * Workspaces at the edges of what people bring, built the way a person would: an export written
 * as CSV and imported through the contract. The walk-everything tests (the app and the CLI) open
 * every screen, drill-down and report on each.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { epochDayFromIso, isoFromEpochDay } from '../../shared/domain/dates';

export interface EdgeLine {
  customer: string;
  name?: string;
  date: string;
  order?: string;
  product?: string;
  amount: number;
  cost?: number;
}

export interface EdgeWorkspace {
  name: string;
  /** What is at the edge, for the test's name. */
  about: string;
  lines: EdgeLine[];
  /** Customers the walk opens in the drill-down besides one of every tier and strategy. */
  drill: string[];
}

/** Names that have broken apps: markup, a right-to-left override that turns "gnp.exe" into "exe.png", and a name of 5,000 characters. */
export const HOSTILE_NAMES = ['<img src=x onerror="window.__xss=1"><b>Bold</b> & Co', 'P11\u202Egnp.exe', `Long${'o'.repeat(4996)}`];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

const START = epochDayFromIso('2022-01-03');
const day = (offset: number) => isoFromEpochDay(START + offset);

/** Ordinary customers around the edge cases, so the ladder, quadrants and strategies have people in them. */
function ordinary(count: number, seed: number, span = 1095): EdgeLine[] {
  const next = random(seed);
  const lines: EdgeLine[] = [];
  for (let c = 0; c < count; c++) {
    const orders = 1 + Math.floor(next() * 8);
    const first = Math.floor(next() * span * 0.7);
    const margin = next() < 0.12 ? 1.15 : 0.4 + next() * 0.4;
    for (let o = 0; o < orders; o++) {
      const amount = Math.round((20 + next() * 480) * 100) / 100;
      lines.push({ customer: `R${c + 1}`, date: day(Math.min(span, first + Math.floor(next() * (span - first)))), order: `R${c + 1}-${o + 1}`, product: `P${Math.floor(next() * 12)}`, amount, cost: Math.round(amount * margin * 100) / 100 });
    }
  }
  return lines;
}

export function edgeWorkspaces(): EdgeWorkspace[] {
  const next = random(99);
  const edges: EdgeLine[] = [...ordinary(150, 5)];
  // One customer with most of the rows, in no date order: a shop's till account ("cash" itself
  // would be read as no customer at all, and kept out of the analysis).
  for (let i = 0; i < 24_000; i++) {
    const amount = Math.round((2 + next() * 60) * 100) / 100;
    edges.push({ customer: 'TILL', date: day(Math.floor(next() * 1095)), product: `P${Math.floor(next() * 40)}`, amount, cost: Math.round(amount * 0.6 * 100) / 100 });
  }
  // One customer with 10,000 orders.
  for (let i = 0; i < 10_000; i++) edges.push({ customer: 'HEAVY', date: day(Math.floor((i * 1095) / 10_000)), order: `H${i + 1}`, product: `P${i % 30}`, amount: 50 + (i % 7), cost: 30 });
  // Spans of one customer's orders: none (every order on one day), 1, 28, 29 and 400 days.
  for (const span of [0, 1, 28, 29, 400]) {
    for (let k = 0; k < 3; k++) edges.push({ customer: `SPAN${span}`, date: day(600 + Math.round((span * k) / 2)), order: `S${span}-${k}`, amount: 120, cost: 70 });
  }
  edges.push({ customer: 'ONE', date: day(900), order: 'ONE-1', amount: 75, cost: 40 });
  // Zero and negative amounts.
  edges.push({ customer: 'ZERO', date: day(500), order: 'Z1', amount: 0, cost: 0 }, { customer: 'ZERO', date: day(700), order: 'Z2', amount: 0 });
  edges.push({ customer: 'NEG', date: day(300), order: 'N1', amount: 200, cost: 120 }, { customer: 'NEG', date: day(320), order: 'N2', amount: -200, cost: -120 }, { customer: 'NEG', date: day(800), order: 'N3', amount: -35 });
  HOSTILE_NAMES.forEach((name, k) => edges.push({ customer: `NAME${k}`, name, date: day(1000 + k), order: `NM${k}`, amount: 300, cost: 100 }));
  edges.push({ customer: '<script>window.__xss=2</script>', date: day(1050), order: 'X1', amount: 90, cost: 50 });

  // Every customer in one quadrant: the same profitable monthly buyers to the last day.
  const oneQuadrant: EdgeLine[] = [];
  for (let c = 0; c < 60; c++) for (let m = 0; m < 24; m++) oneQuadrant.push({ customer: `Q${String(c + 1).padStart(2, '0')}`, date: day(m * 30 + (c % 5)), order: `Q${c + 1}-${m}`, amount: 100 + c, cost: 40 });

  const oneDay: EdgeLine[] = [];
  for (let c = 0; c < 120; c++) oneDay.push({ customer: `D${String(c + 1).padStart(3, '0')}`, date: '2024-03-01', order: `D${c + 1}`, amount: 10 + c * 3, cost: c % 9 === 0 ? 20 + c * 3 : 5 + c });

  const refunds: EdgeLine[] = [];
  for (let c = 0; c < 40; c++) for (let k = 0; k <= c % 3; k++) refunds.push({ customer: `F${String(c + 1).padStart(2, '0')}`, date: day(c * 9 + k * 20), order: `F${c + 1}-${k}`, amount: -(15 + c + k), cost: -(8 + k) });

  return [
    { name: 'one-customer', about: 'one customer with one order', lines: [{ customer: 'ALONE', name: 'Only Customer', date: '2024-05-10', order: 'A1', amount: 100, cost: 60 }], drill: ['ALONE'] },
    { name: 'edges', about: 'a till account with most rows in random date order, one with 10,000 orders, spans of 0/1/28/29/400 days, zero and negative amounts, hostile names', lines: edges, drill: ['TILL', 'HEAVY', 'SPAN0', 'SPAN1', 'SPAN28', 'SPAN29', 'SPAN400', 'ONE', 'ZERO', 'NEG', 'NAME0', 'NAME1', 'NAME2', '<script>window.__xss=2</script>'] },
    { name: 'one-quadrant', about: 'every customer in one quadrant', lines: oneQuadrant, drill: ['Q01'] },
    { name: 'one-day', about: 'every order on one day', lines: oneDay, drill: ['D001', 'D010'] },
    { name: 'refunds-only', about: 'refunds only', lines: refunds, drill: ['F01', 'F03'] },
  ];
}

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The workspace's export as a CSV file a person could have made. */
export function writeEdgeCsv(workspace: EdgeWorkspace, dir: string): string {
  const path = join(dir, `${workspace.name}.csv`);
  const rows = workspace.lines.map((line) => [line.customer, line.name ?? '', line.date, line.order ?? '', line.product ?? '', line.amount.toFixed(2), line.cost === undefined ? '' : line.cost.toFixed(2)].map(cell).join(','));
  writeFileSync(path, `customer_id,customer_name,order_date,order_id,product,amount,cost\n${rows.join('\n')}\n`);
  return path;
}
