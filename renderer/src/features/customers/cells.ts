import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { CODE_KINDS, codeColor } from '../analysis/codes';

type Row = Record<string, unknown>;

/** What a pill column passes its cells (cellRendererParams): the code's word in the UI language. */
export interface PillParams {
  word: (key: string, code: string) => string;
}

/**
 * A code (tier, quadrant, strategy, stage, segment) as a coloured pill with its word. A plain DOM
 * component, not a React one: the grid creates and refreshes it without a React render per cell,
 * which matters when a sort or a filter repaints every visible row at once.
 */
export class PillCell implements ICellRendererComp<Row> {
  private readonly gui = document.createElement('span');
  private code: string | null = null;
  private word: PillParams['word'] | null = null;

  init(params: ICellRendererParams<Row, unknown> & PillParams): void {
    this.gui.className = 'code-pill code-pill--cell';
    this.show(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<Row, unknown> & PillParams): boolean {
    this.show(params);
    return true;
  }

  private show(params: ICellRendererParams<Row, unknown> & PillParams): void {
    const value = params.value;
    const code = value === null || value === undefined || value === '' ? null : String(value);
    if (code === this.code && params.word === this.word && code !== null) return;
    this.code = code;
    this.word = params.word;
    if (code === null) {
      this.gui.style.display = 'none';
      this.gui.textContent = '';
      return;
    }
    const key = params.colDef?.colId ?? '';
    this.gui.style.display = '';
    this.gui.style.setProperty('--tone', codeColor(CODE_KINDS[key] ?? key, code));
    this.gui.textContent = params.word(key, code);
  }
}
