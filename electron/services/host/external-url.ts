import { AppError } from '../../../shared/ipc/errors';

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/** Only https pages and mail links may leave the app; anything else (file:, javascript:, http:, custom schemes) is refused. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'https:' && (url.username !== '' || url.password !== '' || url.hostname === '')) return false;
  return true;
}

export function assertSafeExternalUrl(raw: string): void {
  if (!isSafeExternalUrl(raw)) {
    throw new AppError('linkRefused');
  }
}
