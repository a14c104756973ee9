import { useLayoutEffect } from 'react';
import type { AppCommand } from '../../../shared/ipc/contract';
import { api } from '../api';
import { workspaceActions } from '../features/workspace/actions';
import { useApp, type Route } from './AppContext';

/** Keyboard shortcuts of the renderer; the desktop menu shows the same accelerators and sends the same commands. */
const SHORTCUTS: Record<string, AppCommand> = {
  h: 'home',
  n: 'newWorkspace',
  o: 'openWorkspace',
  w: 'closeWorkspace',
  ',': 'settings',
};

/** Ctrl+1 … Ctrl+6: the analysis screens in the order of the sidebar, then the data. */
export const SCREEN_SHORTCUTS: Record<string, Route> = {
  '1': 'ladder',
  '2': 'strategies',
  '3': 'customers',
  '4': 'cohorts',
  '5': 'channels',
  '6': 'data',
};

/** The digit of a key press, whatever the keyboard layout writes on it (Persian digits, AZERTY's &é"…). */
function digitOf(event: KeyboardEvent): string | null {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (match) return match[1] ?? null;
  return /^[1-9]$/.test(event.key) ? event.key : null;
}

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
  // A layout effect: the handlers see the app as it is drawn (a shortcut pressed right after a
  // workspace appears must not meet the handler of the frame before).
  useLayoutEffect(() => {
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
        case 'glossary':
          return app.openGlossary();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      // F1: the glossary (the desktop menu's accelerator sends the same command; opening twice is opening once).
      if (event.key === 'F1' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        run('glossary');
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const digit = digitOf(event);
      const screen = digit ? SCREEN_SHORTCUTS[digit] : undefined;
      if (screen) {
        event.preventDefault();
        if (app.workspace) app.navigate(screen);
        return;
      }
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
