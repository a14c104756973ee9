import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppState } from '../../electron/services/app/app-state';
import { tempDir } from '../support/harness';

describe('app state', () => {
  it('remembers settings, recent workspaces (newest first, no duplicates) and the window', () => {
    const file = join(tempDir(), 'app-state.json');
    const state = new AppState(file);
    expect(state.isFirstRun).toBe(true);
    state.updateSettings({ locale: 'fa' });
    state.remember('/a.vlw', null);
    state.remember('/b.vlw', null);
    state.remember('/a.vlw', null);
    state.setWindowState({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    const again = new AppState(file);
    expect(again.settings()).toEqual({ locale: 'fa', theme: 'system', keepRejectedValues: true });
    expect(again.recent().map((entry) => entry.path)).toEqual(['/a.vlw', '/b.vlw']);
    expect(again.windowState()).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    again.forget('/a.vlw');
    expect(new AppState(file).recent().map((entry) => entry.path)).toEqual(['/b.vlw']);
  });

  it('starts from defaults when the file is damaged, and repairs it on the next save', () => {
    const file = join(tempDir(), 'app-state.json');
    writeFileSync(file, '{ "settings": { "locale": "klingon" }, "recent": 5');
    const state = new AppState(file);
    expect(state.settings().locale).toBe('en');
    state.updateSettings({ theme: 'dark' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ settings: { locale: 'en', theme: 'dark' }, recent: [] });
  });

  it('keeps nothing on disk in memory-only mode', () => {
    const state = new AppState(null);
    state.remember('/x.vlw', null);
    expect(state.recent()).toHaveLength(1);
  });
});
