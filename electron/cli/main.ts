/**
 * `value-ladder` — the headless interface over the same services and contract as the app.
 * Each command is an entry of COMMANDS; `--json` prints machine-readable output on stdout,
 * errors go to stderr with a non-zero exit code.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createApi, type Api } from '../../shared/ipc/client';
import { AppError } from '../../shared/ipc/errors';
import { SampleName, type WorkspaceSummary } from '../../shared/domain/workspace';
import { directTransport } from '../services/api/direct-transport';
import { createBackend, headlessPorts } from '../services/backend';
import { SOURCE_SAMPLES_DIR, packageVersion } from '../services/paths';
import { inspectWorkspaceFile } from '../db/connection';
import { readMeta } from '../db/queries';
import { openSqlite } from '../db/sqlite';

interface CommandContext {
  api: Api;
  json: boolean;
  out: (text: string) => void;
  /** Progress on stderr for people; silent with --json or when stderr is not a terminal. */
  progress: (stage: string, done: number, total: number) => void;
}

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Record<string, unknown>, context: CommandContext): Promise<void>;
}

class UsageError extends Error {}

function requireArgs(positionals: string[], count: number, usage: string): void {
  if (positionals.length !== count) throw new UsageError(`usage: value-ladder ${usage}`);
}

function printSummary(summary: WorkspaceSummary, context: CommandContext): void {
  if (context.json) {
    context.out(JSON.stringify(summary, null, 2));
    return;
  }
  const rows: [string, string][] = [
    ['workspace', summary.path],
    ['schema version', String(summary.schemaVersion)],
    ['customers', summary.customers.toLocaleString('en')],
    ['transactions', summary.transactions.toLocaleString('en')],
    ['revenue', summary.revenue.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
    ['dates', summary.firstDate ? `${summary.firstDate} … ${summary.lastDate}` : '(no transactions)'],
    ['size', `${(summary.sizeBytes / 1_048_576).toFixed(1)} MB`],
  ];
  for (const [table, count] of Object.entries(summary.tables)) rows.push([`  ${table}`, count.toLocaleString('en')]);
  const width = Math.max(...rows.map(([label]) => label.length));
  context.out(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
}

/** A file that holds the same sample already may be rebuilt without --replace: nothing of the person's is lost. */
function holdsSample(path: string, sample: string): boolean {
  try {
    inspectWorkspaceFile(path);
    const db = openSqlite(path, { readonly: true, fileMustExist: true });
    try {
      return readMeta(db, 'sample') === sample;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

const COMMANDS: Record<string, Command> = {
  sample: {
    usage: 'sample cdnow|demo <workspace> [--replace] [--json]',
    summary: 'Create a workspace filled with a built-in sample (the CDNOW transactions or the demo business).',
    options: { replace: { type: 'boolean' } },
    async run(positionals, values, context) {
      requireArgs(positionals, 2, this.usage);
      const sample = SampleName.safeParse(positionals[0]);
      if (!sample.success) throw new UsageError(`unknown sample "${positionals[0]}": choose cdnow or demo`);
      const path = resolve(positionals[1] as string);
      const replace = values.replace === true || (existsSync(path) && holdsSample(path, sample.data));
      const summary = await context.api['workspace.createSample']({ sample: sample.data, path, replace }, { onProgress: (p) => context.progress(p.stage, p.done, p.total) });
      printSummary(summary, context);
    },
  },
  info: {
    usage: 'info <workspace> [--json]',
    summary: 'What a workspace holds: schema version, customers, transactions, revenue and date range.',
    options: {},
    async run(positionals, _values, context) {
      requireArgs(positionals, 1, this.usage);
      printSummary(await context.api['workspace.open']({ path: resolve(positionals[0] as string) }), context);
    },
  },
};

function help(): string {
  const lines = ['usage: value-ladder <command> [options]', '', 'commands:'];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push('', 'Every command accepts --json for machine-readable output. Errors go to stderr with a non-zero exit code.');
  return lines.join('\n');
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

export async function main(argv: string[], io: CliIo = STDIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(packageVersion());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`value-ladder: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const backend = createBackend({
    ports: headlessPorts('cli'),
    dataDir: join(tmpdir(), 'value-ladder-cli'),
    ephemeralState: true,
    samplesDir: SOURCE_SAMPLES_DIR,
    appVersion: packageVersion(),
    logError: (where, error) => io.err(`value-ladder: internal error in ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    const json = values.json === true;
    const interactive = !json && process.stderr.isTTY === true;
    await command.run(positionals, values, {
      api: createApi(directTransport(backend)),
      json,
      out: io.out,
      progress: (stage, done, total) => {
        if (interactive) process.stderr.write(`\r${stage} ${total > 0 ? Math.round((100 * done) / total) : 0}%   ${done >= total ? '\n' : ''}`);
      },
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`value-ladder: ${error.message}`);
      return 2;
    }
    const appError = error instanceof AppError ? error : new AppError('internal', String(error));
    io.err(`value-ladder: ${appError.message}${appError.hint ? `\n${appError.hint}` : ''}`);
    return 1;
  } finally {
    await backend.dispose();
  }
}
