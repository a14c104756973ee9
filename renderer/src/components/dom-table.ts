import type { CellKind, TableCell, TableToSave } from '../../../shared/domain/export';

/**
 * A table as the screen draws it, for saving: the headers of the head's last row, each column's kind
 * from its header's `data-kind` (money, integer, number, percent, date; text when absent) and each
 * cell's value from its `data-value` (a number or an ISO date; empty for none), else its text.
 * A cell spanning columns fills each of them; a column whose header says `data-kind="skip"` (buttons) is left out.
 */
export function tableFromElement(table: HTMLTableElement, sheet: string): TableToSave {
  const headRows = table.tHead?.rows;
  const headRow = headRows && headRows.length > 0 ? headRows[headRows.length - 1] : undefined;
  const headers = headRow ? spread(headRow) : [];
  const kept = headers.flatMap((cell, index) => (cell.dataset.kind === 'skip' ? [] : [index]));
  const columns = kept.map((index) => {
    const cell = headers[index] as HTMLTableCellElement;
    return { header: text(cell), kind: (cell.dataset.kind as CellKind | undefined) ?? 'text' };
  });
  const rows: TableCell[][] = [];
  const bodies = [...Array.from(table.tBodies), ...(table.tFoot ? [table.tFoot] : [])];
  for (const body of bodies) {
    for (const row of Array.from(body.rows)) {
      const cells = spread(row);
      if (cells.length === 0) continue;
      const values = kept.map((index, column) => {
        const cell = cells[index];
        return cell ? value(cell, columns[column]?.kind ?? 'text') : null;
      });
      rows.push(values);
    }
  }
  return { sheet, columns, rows };
}

function spread(row: HTMLTableRowElement): HTMLTableCellElement[] {
  const cells: HTMLTableCellElement[] = [];
  for (const cell of Array.from(row.cells)) for (let i = 0; i < Math.max(1, cell.colSpan); i++) cells.push(cell);
  return cells;
}

/** A cell's words, without the help beside them (the "?" and its tooltip). */
function text(cell: HTMLElement): string {
  let source: HTMLElement = cell;
  if (cell.querySelector('.term-help')) {
    source = cell.cloneNode(true) as HTMLElement;
    for (const help of source.querySelectorAll('.term-help')) help.remove();
  }
  return (source.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function value(cell: HTMLTableCellElement, kind: CellKind): TableCell {
  const raw = cell.dataset.value;
  if (raw === undefined) return text(cell) || null;
  if (raw === '') return null;
  if (kind === 'date' || kind === 'text') return raw;
  const number = Number(raw);
  return Number.isFinite(number) ? number : null;
}
