/**
 * One table-driven test over the whole contract: every call rejects malformed input with a
 * clear, typed error before its handler runs.
 */
import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { CALL_NAMES, contract, type CallName } from '../../shared/ipc/contract';
import { createDispatcher, type Handlers } from '../../electron/services/api/dispatcher';
import { EventBus } from '../../electron/services/api/events';
import { JobRegistry } from '../../electron/services/api/jobs';

/** A value of the wrong kind for a schema, so that a field can be broken on purpose. */
function wrongValueFor(schema: z.ZodType): unknown {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return wrongValueFor(def.innerType as z.ZodType);
    case 'string':
    case 'enum':
      return 12345;
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'object':
      return 'not an object';
    default:
      return Symbol.for('never valid');
  }
}

/** Malformed inputs for one call: wrong top-level shapes, an unknown field, and each field broken in turn. */
function malformedInputs(name: CallName): [string, unknown][] {
  const schema = contract[name].input as z.ZodType;
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'open sesame'],
    ['an array', [1, 2]],
    ['an unknown field', { __proto_pollution__: true, unexpected: 1 }],
  ];
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  for (const [key, field] of Object.entries(shape)) cases.push([`a wrong ${key}`, { [key]: wrongValueFor(field) }]);
  return cases;
}

function spyHandlers(calls: string[]): Handlers {
  return Object.fromEntries(CALL_NAMES.map((name) => [name, () => {
    calls.push(name);
    return null;
  }])) as unknown as Handlers;
}

describe('the contract', () => {
  const called: string[] = [];
  const dispatch = createDispatcher(spyHandlers(called), { events: new EventBus(), jobs: new JobRegistry() });

  const table = CALL_NAMES.flatMap((name) => malformedInputs(name).map(([label, input]) => ({ name, label, input })));

  it('covers every call with at least six malformed inputs', () => {
    expect(CALL_NAMES.length).toBeGreaterThanOrEqual(15);
    for (const name of CALL_NAMES) expect(table.filter((row) => row.name === name).length).toBeGreaterThanOrEqual(6);
  });

  it.each(table)('$name rejects $label', async ({ name, input }) => {
    const reply = await dispatch(name, input, 'job-1');
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid_input');
    expect(reply.error.message).toMatch(new RegExp(`^The request "${name.replace('.', '\\.')}" was not valid: `));
    expect(reply.error.message).not.toMatch(/\n\s+at /);
    expect(reply.error.issues?.length).toBeGreaterThan(0);
    expect(called).not.toContain(name);
  });

  it('rejects a call that is not in the contract, without running anything', async () => {
    const reply = await dispatch('fs.deleteEverything', {}, 'job-2');
    expect(reply).toEqual({ ok: false, error: { code: 'unknown_call', key: 'unknownCall', params: { name: 'fs.deleteEverything' }, message: 'There is no call named "fs.deleteEverything".' } });
    expect(called).toEqual([]);
  });

  it('marks the long jobs', () => {
    const jobs = CALL_NAMES.filter((name) => contract[name].job).sort();
    expect(jobs).toEqual(['analysis.run', 'import.check', 'import.preview', 'import.run', 'models.backtest', 'models.fit', 'report.create', 'workspace.anonymise', 'workspace.createSample', 'workspace.openSample', 'workspace.setPassword']);
  });
});
