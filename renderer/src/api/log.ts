import { api } from '.';

/** Writes a renderer error (with its stack and React's component stack) to the app's log; a failure to do so is only lost, never shown. */
export function logRendererError(area: string, error: unknown, componentStack?: string | null): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = [error instanceof Error ? error.stack : undefined, componentStack ?? undefined].filter(Boolean).join('\n') || undefined;
  api['app.logError']({ area: area.slice(0, 200), message: message.slice(0, 4000), ...(stack ? { stack: stack.slice(0, 20_000) } : {}) }).catch(() => undefined);
}
