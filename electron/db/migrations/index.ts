import { migration001 } from './001-initial';
import { migration002 } from './002-import-log';
import { migration003 } from './003-analysis';
import { migration004 } from './004-model-fits';
import { migration005 } from './005-scenarios';
import { migration006 } from './006-issue-codes';
import { migration007 } from './007-backtests';
import { migration008 } from './008-forget-source-paths';
import type { Migration } from './types';

/** Every migration, in order; a workspace's `user_version` is the number of the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

for (const [index, migration] of MIGRATIONS.entries()) {
  if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
}
