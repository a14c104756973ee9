import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import { useDarkTheme } from '../../app/useDarkTheme';
import { ErrorBoundary } from '../ErrorBoundary';
import { copyOnKey } from './copy';
import { useCopyMenu } from './CopyMenu';
import { gridLocaleText } from './locale';
import { gridTheme } from './theme';

/**
 * Every grid of the app: AG Grid with the app's theme (light or dark), right-to-left for Persian,
 * and AG Grid's own texts in the UI language. The grid reads direction and texts once, so it is
 * created anew when the language changes.
 */
export function Grid<TData>(props: AgGridReactProps<TData>) {
  return (
    <ErrorBoundary area="grid">
      <ThemedGrid<TData> {...props} />
    </ErrorBoundary>
  );
}

function ThemedGrid<TData>(props: AgGridReactProps<TData>) {
  const { i18n } = useTranslation();
  const dark = useDarkTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const { onCellKeyDown, onCellContextMenu } = props;
  const copyMenu = useCopyMenu();
  return (
    <>
      <AgGridReact<TData>
        key={language}
        theme={gridTheme(dark)}
        enableRtl={rtl}
        localeText={gridLocaleText(language)}
        preventDefaultOnContextMenu
        {...props}
        onCellKeyDown={(event) => {
          onCellKeyDown?.(event);
          copyOnKey(event);
        }}
        onCellContextMenu={(event) => {
          onCellContextMenu?.(event);
          copyMenu.open(event);
        }}
      />
      {copyMenu.menu}
    </>
  );
}
