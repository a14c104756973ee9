import { BrowserWindow, dialog, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { WORKSPACE_EXTENSION } from '../../shared/domain/workspace';
import type { FilePurpose } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';

const WORKSPACE = [{ name: 'Value Ladder workspace', extensions: [WORKSPACE_EXTENSION] }];
const EXPORTS = [
  { name: 'Exports (CSV, text, Excel)', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm'] },
  { name: 'All files', extensions: ['*'] },
];

const OPEN: Partial<Record<FilePurpose, OpenDialogOptions>> = {
  openWorkspace: { properties: ['openFile'], filters: WORKSPACE },
  importFile: { properties: ['openFile'], filters: EXPORTS },
};
const SAVE: Partial<Record<FilePurpose, SaveDialogOptions>> = {
  createWorkspace: { filters: WORKSPACE, defaultPath: `workspace.${WORKSPACE_EXTENSION}`, properties: ['createDirectory', 'showOverwriteConfirmation'] },
  saveTable: {
    filters: [
      { name: 'Excel workbook', extensions: ['xlsx'] },
      { name: 'CSV', extensions: ['csv'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  },
  saveCalendar: { filters: [{ name: 'iCalendar', extensions: ['ics'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] },
  savePdf: { filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] },
};

/** The native file dialogs behind `dialog.chooseFile`. */
export async function chooseFile(purpose: FilePurpose, suggestedName?: string): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const open = OPEN[purpose];
  if (open) {
    const result = parent ? await dialog.showOpenDialog(parent, open) : await dialog.showOpenDialog(open);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const save = { ...SAVE[purpose], ...(suggestedName ? { defaultPath: suggestedName } : {}) };
  const result = parent ? await dialog.showSaveDialog(parent, save) : await dialog.showSaveDialog(save);
  return result.canceled ? null : (result.filePath ?? null);
}

/** The desktop's viewer or file manager for a file the services wrote (report.show). */
export async function showFile(path: string, how: 'open' | 'folder'): Promise<void> {
  if (how === 'folder') {
    shell.showItemInFolder(path);
    return;
  }
  const failure = await shell.openPath(path);
  if (failure) throw new AppError('fileUnreadable', { path });
}
