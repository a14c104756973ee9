import { api } from '../../api';
import type { useApp } from '../../app/AppContext';

type App = ReturnType<typeof useApp>;

/** Asks where to save the log of one import and writes it there as CSV; the saved path, or null. */
export async function exportImportLog(app: App, importId: number): Promise<{ path: string; rows: number } | null> {
  try {
    const path = await api['dialog.chooseFile']({ purpose: 'saveCsv', suggestedName: `import-${importId}.csv` });
    if (!path) return null;
    return await api['import.exportLog']({ importId, path });
  } catch (error) {
    app.showError(error);
    return null;
  }
}
