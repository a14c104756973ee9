import type { SampleName, WorkspaceSummary } from '../../../../shared/domain/workspace';
import { AppError } from '../../../../shared/ipc/errors';
import { api } from '../../api';
import { i18next } from '../../i18n';
import type { useApp } from '../../app/AppContext';

type App = ReturnType<typeof useApp>;

/** The workspace actions shared by the home screen, the menu and the keyboard shortcuts. */
export const workspaceActions = {
  async open(app: App): Promise<void> {
    try {
      const path = await api['dialog.chooseFile']({ purpose: 'openWorkspace' });
      if (path) await workspaceActions.openPath(app, path);
    } catch (error) {
      app.showError(error);
    }
  },
  /** Opens a workspace; a protected one asks for its password first. */
  async openPath(app: App, path: string): Promise<void> {
    try {
      await api['workspace.open']({ path });
    } catch (error) {
      if (error instanceof AppError && error.key === 'workspaceLocked') app.askPassword(path);
      else app.showError(error);
    }
  },
  /**
   * Where the person's own data goes: the open workspace unless it is a sample (the demo's rows
   * must not mix with a client's), else a new one they name.
   */
  async forOwnData(app: App): Promise<WorkspaceSummary | null> {
    return app.workspace && app.workspace.sample === null ? app.workspace : workspaceActions.create(app);
  },
  /** Asks where, creates and opens a workspace (protected when given a password); its summary, or null (cancelled or failed: the error is shown). */
  async create(app: App, password?: string): Promise<WorkspaceSummary | null> {
    try {
      const path = await api['dialog.chooseFile']({ purpose: 'createWorkspace' });
      return path ? await api['workspace.create']({ path, ...(password === undefined ? {} : { password }) }) : null;
    } catch (error) {
      app.showError(error);
      return null;
    }
  },
  async close(app: App): Promise<void> {
    try {
      await api['workspace.close']({});
      app.navigate('home');
    } catch (error) {
      app.showError(error);
    }
  },
  async openSample(app: App, sample: SampleName): Promise<void> {
    await app.runJob(i18next.t('home.creatingSample'), (options) => api['workspace.openSample']({ sample }, options));
  },
};
