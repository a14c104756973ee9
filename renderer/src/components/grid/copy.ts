import type { CellKeyDownEvent, Column, FullWidthCellKeyDownEvent, GridApi, IRowNode } from 'ag-grid-community';

/**
 * Ctrl+C (⌘C) in any grid: the selected rows as tab-separated text with the column headers (it
 * pastes into Excel as a table), else the focused cell's value — both as the grid shows them.
 * AG Grid's own clipboard is an Enterprise feature; this is the part a person needs.
 */
export function copyOnKey<TData>(event: CellKeyDownEvent<TData> | FullWidthCellKeyDownEvent<TData>): void {
  const key = event.event as KeyboardEvent | null | undefined;
  if (!key || key.key.toLowerCase() !== 'c' || !(key.ctrlKey || key.metaKey) || key.altKey || key.shiftKey) return;
  const text = copyText(event.api, event.node);
  if (text === null) return;
  key.preventDefault();
  writeClipboard(text);
}

/** What Ctrl+C copies from a grid, or null when there is nothing to copy. */
export function copyText<TData>(api: GridApi<TData>, focusedRow: IRowNode<TData> | null): string | null {
  const selected = api.getSelectedNodes();
  if (selected.length > 0) return rowsText(api, selected);
  const focused = api.getFocusedCell();
  if (!focused || !focusedRow) return null;
  return shownText(api, focusedRow, focused.column as Column);
}

/** One cell as the grid shows it. */
export function shownText<TData>(api: GridApi<TData>, node: IRowNode<TData>, column: Column): string {
  return cellText(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }));
}

/** Rows as tab-separated text under the displayed columns' headers. */
export function rowsText<TData>(api: GridApi<TData>, nodes: readonly IRowNode<TData>[]): string {
  const columns = api.getAllDisplayedColumns();
  const header = columns.map((column) => cellText(api.getDisplayNameForColumn(column, null)));
  return [header, ...nodes.map((node) => columns.map((column) => shownText(api, node, column)))].map((row) => row.join('\t')).join('\n');
}

/** Puts text on the clipboard; a refusal (no focus, no permission) is not worth an error. */
export function writeClipboard(text: string): void {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** One cell of tab-separated text: no tab or line break inside. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
