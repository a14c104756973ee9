import type { FilePurpose } from '../../../shared/ipc/contract';

/**
 * What a host (the Electron shell, the browser harness, the CLI) gives the services that only it
 * can do: ask the person for a file, open a link outside the app. The services never import Electron.
 */
export interface HostPorts {
  kind: 'electron' | 'harness' | 'cli';
  chooseFile(purpose: FilePurpose, suggestedName?: string): Promise<string | null>;
  /** Called only with URLs that passed `assertSafeExternalUrl`. */
  openExternal(url: string): Promise<void>;
}
