/**
 * Rows of delimited text: the reader's own split of chunks without quotes and papaparse's parse of
 * chunks with them give the rows, lines and offsets one parse of the whole text would.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { forEachRow } from '../../electron/services/import/table';

function rowsOf(text: string, delimiter = ',') {
  const rows: { fields: string[]; line: number; text: string }[] = [];
  forEachRow({ format: 'text', text, encoding: { encoding: 'utf-8', confidence: 1, bom: false } }, { delimiter }, (fields, line, start, end) => {
    rows.push({ fields, line, text: text.slice(start, end) });
  });
  return rows;
}

function sample(rows: number, newline: string, quoteEvery: number): string {
  const lines: string[] = ['customer,date,amount,note'];
  for (let i = 0; i < rows; i++) {
    const note = quoteEvery > 0 && i % quoteEvery === 0 ? `"a note, with a comma${i % (quoteEvery * 3) === 0 ? `${newline}and a second line` : ''}"` : i % 97 === 0 ? '' : `note ${i}`;
    lines.push(i % 211 === 0 ? '' : `C${i % 1000},2023-01-${String(1 + (i % 28)).padStart(2, '0')},${(i * 1.37).toFixed(2)},${note}`);
  }
  return lines.join(newline);
}

describe('rows of delimited text', () => {
  it.each([
    ['\n', 0],
    ['\r\n', 0],
    ['\n', 5000],
    ['\r\n', 700],
  ] as const)('reads %j text (a quoted field every %d rows) as one parse of the whole would', (newline, quoteEvery) => {
    const text = sample(40_000, newline, quoteEvery) + (quoteEvery === 700 ? newline : '');
    expect(text.length).toBeGreaterThan(1_000_000);
    const rows = rowsOf(text);
    const whole = Papa.parse<string[]>(text, { delimiter: ',', newline, skipEmptyLines: false }).data;
    // papaparse reports a last empty "row" after a final line break; the reader does not.
    if (text.endsWith(newline)) whole.pop();
    expect(rows.map((row) => row.fields)).toEqual(whole);
    // Each row's offsets cover its own text, line break included, and the lines count every break.
    expect(rows.map((row) => row.text).join('')).toBe(text);
    let line = 1;
    for (const row of rows) {
      expect(row.line).toBe(line);
      line += row.text.split('\n').length - 1;
    }
  });

  it('stops when the visitor says so, and after a limit', () => {
    const text = sample(1000, '\n', 0);
    let seen = 0;
    forEachRow({ format: 'text', text, encoding: { encoding: 'utf-8', confidence: 1, bom: false } }, { delimiter: ',' }, () => ++seen < 10);
    expect(seen).toBe(10);
    seen = 0;
    forEachRow({ format: 'text', text, encoding: { encoding: 'utf-8', confidence: 1, bom: false } }, { delimiter: ',', limit: 25 }, () => {
      seen++;
    });
    expect(seen).toBe(25);
  });
});
