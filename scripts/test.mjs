// `npm test`: every check the project has, in order — types, lint, the vitest suites (unit, db,
// e2e in Chromium) and the packaging check — then one closing line `N passed, N failed`.
// Each non-vitest step counts as one test; vitest's own counts come from its JSON report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const REPORT = 'test-results/vitest.json';
const steps = [
  // The CLI's bundle, fresh before the suites start CLI processes side by side.
  ['build-cli', ['node', 'scripts/build-cli.mjs']],
  ['typecheck', ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings', '0']],
  ['vitest', ['npx', 'vitest', 'run', ...process.argv.slice(2)]],
  ['package:check', ['npx', 'tsx', 'scripts/package-check.ts']],
];

let passed = 0;
let failed = 0;
rmSync(REPORT, { force: true });
for (const [name, [command, ...args]] of steps) {
  console.log(`\n── ${name} ──`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (name === 'vitest') {
    if (existsSync(REPORT)) {
      const report = JSON.parse(readFileSync(REPORT, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      // A suite that fails to load has no failed test of its own: count it.
      failed += report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
      if (status !== 0 && report.numFailedTests === 0 && failed === 0) failed += 1;
    } else failed += 1;
  } else if (status === 0) passed += 1;
  else failed += 1;
}
const summary = `${passed} passed, ${failed} failed`;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
