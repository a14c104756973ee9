import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/ipc/contract';
import { api } from '../api';
import { workspaceActions } from '../features/workspace/actions';
import { useApp } from './AppContext';

/** Keyboard shortcuts of the renderer; the desktop menu shows the same accelerators and sends the same commands. */
const SHORTCUTS: Record<string, AppCommand> = {
  h: 'home',
  n: 'newWorkspace',
  o: 'openWorkspace',
  w: 'closeWorkspace',
  ',': 'settings',
};

/**
 * Shortcuts the renderer owns everywhere, the desktop app included: the menu (APP_COMMANDS) has no
 * entry for them, so nothing else would handle them.
 */
const LOCAL_SHORTCUTS: Record<string, (app: ReturnType<typeof useApp>) => void> = {
  i: (app) => {
    if (app.workspace) app.navigate('import');
  },
};

/** Runs app commands from the menu (desktop) and from shortcuts (everywhere). */
export function useAppCommands(): void {
  const app = useApp();
  useEffect(() => {
    const run = (command: AppCommand) => {
      switch (command) {
        case 'home':
          return app.navigate('home');
        case 'settings':
          return app.navigate('settings');
        case 'newWorkspace':
          return void workspaceActions.create(app);
        case 'openWorkspace':
          return void workspaceActions.open(app);
        case 'closeWorkspace':
          return void workspaceActions.close(app);
        case 'openDemo':
          return void workspaceActions.openSample(app, 'demo');
        case 'openCdnow':
          return void workspaceActions.openSample(app, 'cdnow');
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const local = LOCAL_SHORTCUTS[event.key.toLowerCase()];
      if (local) {
        event.preventDefault();
        local(app);
        return;
      }
      const command = SHORTCUTS[event.key.toLowerCase()];
      // In the desktop app the menu owns the accelerators; only the browser harness handles them here.
      if (!command || window.valueLadder) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    const off = api.on('app.command', ({ command }) => run(command));
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [app]);
}
