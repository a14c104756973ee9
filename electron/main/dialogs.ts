import { BrowserWindow, dialog } from 'electron';
import { WORKSPACE_EXTENSION } from '../../shared/domain/workspace';

const FILTERS = [{ name: 'Value Ladder workspace', extensions: [WORKSPACE_EXTENSION] }];

/** The native file dialogs behind `dialog.chooseWorkspace`. */
export async function chooseWorkspaceFile(mode: 'open' | 'create'): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  if (mode === 'open') {
    const options = { properties: ['openFile' as const], filters: FILTERS };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options = { filters: FILTERS, defaultPath: `workspace.${WORKSPACE_EXTENSION}`, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}
