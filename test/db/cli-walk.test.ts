/**
 * Every CLI command on every edge workspace ends with exit 0, or with exit 1 or 2 and a specific
 * message in words: never "Something went wrong", never a stack, never another exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { edgeWorkspaces, writeEdgeCsv } from '../support/edge-workspaces';
import { tempDir } from '../support/harness';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What every run must be: a result, or a specific refusal in words. */
function expectClear(result: { code: number; out: string; err: string }, what: string): void {
  expect([0, 1, 2], `${what}: exit code ${result.code}\n${result.err}`).toContain(result.code);
  expect(result.err, what).not.toMatch(/Something went wrong|internal error|\n\s+at \S+ \(/);
  if (result.code === 0) expect(result.out.length, `${what}: no output`).toBeGreaterThan(0);
  else expect(result.err.length, `${what}: no message`).toBeGreaterThan(0);
}

const dir = tempDir('vl-cli-walk-');

describe('every CLI command on every edge workspace', () => {
  for (const edge of edgeWorkspaces()) {
    it(`${edge.name}: ${edge.about.slice(0, 60)}`, async () => {
      const workspace = join(dir, `${edge.name}.vlw`);
      const csv = writeEdgeCsv(edge, dir);
      const scenario = join(dir, 'scenario.json');
      const example = await run(['whatif', '--example']);
      expectClear(example, 'whatif --example');
      writeFileSync(scenario, example.out);
      const commands: string[][] = [
        ['import', workspace, csv, '--accept-warnings', '--json'],
        // The same file again: refused as imported already.
        ['import', workspace, csv],
        ['info', workspace, '--json'],
        ['analyze', workspace],
        ['fit', workspace, '--model', 'bgnbd', '--json'],
        ['fit', workspace, '--model', 'pareto-nbd', '--unit', 'day'],
        ['fit', workspace, '--model', 'gamma-gamma', '--unit', 'month', '--json'],
        ['clv', workspace, '--horizon-months', '6', '--out', join(dir, `${edge.name}-clv.csv`), '--json'],
        ...['customers', 'crosssell', 'contacts', 'calendar'].map((list) => ['export', workspace, list, '--out', join(dir, `${edge.name}-${list}.out`), '--json']),
        ['whatif', workspace, '--scenario', scenario],
      ];
      // A PDF takes a Chromium of its own per command: made where the data is most unusual (the app's walk builds every workspace's report).
      const printed = edge.name === 'edges' || edge.name === 'one-customer';
      if (printed) commands.push(['report', workspace, '--out', join(dir, `${edge.name}.pdf`), '--locale', 'fa', '--json']);
      // Asked wrongly: refused with the usage or a reason (on one workspace: the answers do not depend on the data).
      if (edge.name === 'edges') {
        commands.push(
          ['analyze', workspace, '--as-of', '1990-01-01'],
          ['analyze', workspace, '--as-of', 'yesterday'],
          ['fit', workspace, '--model', 'bgnbd', '--calibration-end', '2100-01-01'],
          ['export', workspace, 'everything', '--out', join(dir, 'x.csv')],
          ['report', workspace, '--out', join(dir, 'no-such-folder', 'r.pdf')],
          ['import', workspace, join(dir, 'missing.csv')],
        );
      }
      for (const args of commands) {
        const result = await run(args);
        expectClear(result, args.join(' ').slice(0, 120));
      }
      expect(existsSync(join(dir, `${edge.name}.pdf`))).toBe(printed);
      const info = await run(['info', workspace, '--json']);
      expect(JSON.parse(info.out)).toMatchObject({ transactions: expect.any(Number) });
    }, 180_000);
  }

  it('the installed command itself exits 0 after an import and an analysis, and 1 with words for a file that is no export', () => {
    const edge = edgeWorkspaces().find((candidate) => candidate.name === 'edges');
    if (!edge) throw new Error('no edges workspace');
    const workspace = join(dir, 'process.vlw');
    const bin = join(SOURCE_ROOT, 'bin', 'value-ladder.mjs');
    const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: SOURCE_ROOT, encoding: 'utf8', timeout: 120_000 });
    for (const args of [
      ['import', workspace, writeEdgeCsv(edge, dir), '--accept-warnings', '--json'],
      ['analyze', workspace, '--json'],
    ]) {
      const result = cli(args);
      expect(result.status, `${args[0]}: ${result.stderr}`).toBe(0);
    }
    const png = join(dir, 'picture.csv');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ab0000000049454e44ae426082', 'hex'));
    const refused = cli(['import', workspace, png]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).not.toMatch(/Something went wrong|\n\s+at /);
  }, 240_000);
});
