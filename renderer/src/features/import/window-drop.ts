/**
 * Files dropped on the window. On the import screen the wizard takes them; anywhere else a dropped
 * export goes to the import wizard too — into the open workspace, or a new one the person names
 * when none is open or the open one is a sample.
 */
import { useEffect, useRef, useState } from 'react';
import type { useApp } from '../../app/AppContext';
import { workspaceActions } from '../workspace/actions';
import { wizardActions } from './wizard';

type App = ReturnType<typeof useApp>;

/** A file dragged over any part of the window (while `enabled`); true while one is over it. */
export function useWindowFileDrop(enabled: boolean, onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFileRef = useRef(onFile);
  useEffect(() => {
    onFileRef.current = onFile;
  });
  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) onFileRef.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
  return dragging;
}

/** The window-wide drop outside the import screen (the shell uses it). */
export function useDropToImport(app: App): void {
  useWindowFileDrop(app.route !== 'import', (file) => void dropToImport(app, file));
}

async function dropToImport(app: App, file: File): Promise<void> {
  const workspace = await workspaceActions.forOwnData(app);
  if (!workspace) return;
  wizardActions.attach(workspace.path);
  app.navigate('import');
  await wizardActions.drop(app, file);
}
