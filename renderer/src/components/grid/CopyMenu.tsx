import type { CellContextMenuEvent, Column, GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowsText, shownText, writeClipboard } from './copy';

interface Target {
  x: number;
  y: number;
  api: GridApi<unknown>;
  node: IRowNode<unknown>;
  column: Column;
}

/**
 * The right-click menu of every grid (AG Grid's own is an Enterprise feature): copy the cell, the
 * row, or the selected rows with their headers — tab-separated, so they paste into Excel as a table.
 */
export function useCopyMenu() {
  const [target, setTarget] = useState<Target | null>(null);
  const open = useCallback(<TData,>(event: CellContextMenuEvent<TData>) => {
    const mouse = event.event as MouseEvent | null | undefined;
    if (!mouse || !event.column) return;
    setTarget({ x: mouse.clientX, y: mouse.clientY, api: event.api as GridApi<unknown>, node: event.node as IRowNode<unknown>, column: event.column });
  }, []);
  // One close for the menu's life: its listeners and focus are set up once, not on every render.
  const close = useCallback(() => setTarget(null), []);
  const menu = target ? <CopyMenu target={target} onClose={close} /> : null;
  return { open, menu };
}

function CopyMenu({ target, onClose }: { target: Target; onClose(): void }) {
  const { t } = useTranslation();
  const panel = useRef<HTMLUListElement>(null);
  useEffect(() => {
    panel.current?.querySelector('button')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);
  const { api, node, column } = target;
  const selected = api.getSelectedNodes();
  const items = [
    { id: 'cell', label: t('grid.copy.cell'), text: () => shownText(api, node, column) },
    { id: 'row', label: t('grid.copy.row'), text: () => rowsText(api, [node]) },
    ...(selected.length > 1 ? [{ id: 'selected', label: t('grid.copy.selected', { count: selected.length }), text: () => rowsText(api, selected) }] : []),
  ];
  // Kept inside the window: the menu opens up or to the left when the click is near an edge.
  const x = Math.min(target.x, window.innerWidth - 240);
  const y = Math.min(target.y, window.innerHeight - 44 * items.length - 12);
  return (
    <ul ref={panel} className="context-menu menu-list" role="menu" style={{ left: Math.max(4, x), top: Math.max(4, y) }} data-testid="grid-context-menu">
      {items.map((item) => (
        <li key={item.id} role="none">
          <button
            type="button"
            role="menuitem"
            className="menu-list__item"
            data-testid={`grid-copy-${item.id}`}
            onClick={() => {
              writeClipboard(item.text());
              onClose();
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
