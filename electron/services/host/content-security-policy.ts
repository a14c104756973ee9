/**
 * The renderer's content security policy, the same wherever it is served: the app's protocol, the
 * harness' builds, and the harness' dev mode (which adds only a nonce for Vite's inline preamble and
 * its hot-reload WebSocket). The renderer may load only its own files and talk only to its host:
 * no network, no inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // AG Grid and ECharts inject style elements and attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
