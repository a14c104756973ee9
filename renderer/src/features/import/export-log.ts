import { api } from '../../api';
import type { useApp } from '../../app/AppContext';
import { saveTableFile } from '../../components/TableExport';

type App = ReturnType<typeof useApp>;

/** Asks where to save the whole log of one import (its counts and every issue, any number) and writes it as .xlsx or CSV; the saved path, or null. */
export function exportImportLog(app: App, importId: number): Promise<{ path: string; rows: number } | null> {
  return saveTableFile(app, `import-${importId}`, 'xlsx', (path) => api['import.exportLog']({ importId, path }));
}
