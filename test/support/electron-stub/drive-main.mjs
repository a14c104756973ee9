// Starts the bundled main process against the stand-in Electron, then reports what it set up.
await import(process.argv[2]);
const stub = globalThis.__electronStub;
const deadline = Date.now() + 30_000;
while (stub.windows.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

const window = stub.windows[0];
const fromApp = { senderFrame: { url: 'app://bundle/index.html' } };
const current = await stub.ipcHandlers.get('vl:call:workspace.current')(fromApp, { input: {}, jobId: 'smoke-1' });
const refused = await stub.ipcHandlers.get('vl:call:workspace.current')({ senderFrame: { url: 'https://evil.example/' } }, { input: {} });
const invalid = await stub.ipcHandlers.get('vl:call:workspace.open')(fromApp, { input: { path: 42 } });
const page = await stub.protocolHandlers.get('app')(new Request('app://bundle/index.html'));
const traversal = await stub.protocolHandlers.get('app')(new Request('app://bundle/..%2F..%2Fpackage.json'));
const blocked = await new Promise((resolve) => stub.session.beforeRequest({ url: 'https://example.com/' }, resolve));
const allowed = await new Promise((resolve) => stub.session.beforeRequest({ url: 'app://bundle/assets/x.js' }, resolve));
const permission = await new Promise((resolve) => stub.session.permissionRequest(null, 'geolocation', resolve));

console.log(JSON.stringify({
  schemes: stub.schemes.map((scheme) => scheme.scheme),
  sandboxEnabled: stub.sandboxEnabled,
  channels: [...stub.ipcHandlers.keys()],
  window: { loaded: window?.loaded, webPreferences: window?.options.webPreferences },
  menu: stub.menu?.template.map((item) => item.label ?? item.role),
  current,
  refused,
  invalid,
  page: { status: page.status, csp: page.headers.get('content-security-policy'), body: (await page.text()).slice(0, 2000) },
  traversal: traversal.status,
  blocked,
  allowed,
  permission,
}));
process.exit(0);
