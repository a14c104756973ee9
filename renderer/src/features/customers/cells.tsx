import type { ICellRendererParams } from 'ag-grid-community';
import { CODE_KINDS, codeColor } from '../analysis/codes';
import { useCodeWord } from './values';

type Row = Record<string, unknown>;

/** A code (tier, quadrant, strategy, stage, segment) as a coloured pill with its word. */
export function CodeCell(props: ICellRendererParams<Row, unknown>) {
  const word = useCodeWord();
  const key = props.colDef?.colId ?? '';
  const value = props.value;
  if (value === null || value === undefined || value === '') return null;
  const code = String(value);
  return (
    <span className="code-pill code-pill--cell" style={{ ['--tone' as string]: codeColor(CODE_KINDS[key] ?? key, code) }}>
      {word(key, code)}
    </span>
  );
}
