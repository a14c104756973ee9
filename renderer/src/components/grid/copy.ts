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
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** What Ctrl+C copies from a grid, or null when there is nothing to copy. */
export function copyText<TData>(api: GridApi<TData>, focusedRow: IRowNode<TData> | null): string | null {
  const columns = api.getAllDisplayedColumns();
  const shown = (node: IRowNode<TData>, column: Column) => cellText(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }));
  const selected = api.getSelectedNodes();
  if (selected.length > 0) {
    const header = columns.map((column) => cellText(api.getDisplayNameForColumn(column, null)));
    return [header, ...selected.map((node) => columns.map((column) => shown(node, column)))].map((row) => row.join('\t')).join('\n');
  }
  const focused = api.getFocusedCell();
  if (!focused || !focusedRow) return null;
  return shown(focusedRow, focused.column as Column);
}

/** One cell of tab-separated text: no tab or line break inside. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
