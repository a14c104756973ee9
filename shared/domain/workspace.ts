import { z } from 'zod';

/** The tables a workspace holds, in the order the product introduces them. */
export const TABLE_NAMES = ['transactions', 'customers', 'serviceCosts', 'products', 'marketingSpend', 'prospects'] as const;
export const TableName = z.enum(TABLE_NAMES);
export type TableName = z.infer<typeof TableName>;

export const SAMPLE_NAMES = ['demo', 'cdnow'] as const;
export const SampleName = z.enum(SAMPLE_NAMES);
export type SampleName = z.infer<typeof SampleName>;

/** File extension of a workspace: one SQLite file per client dataset. */
export const WORKSPACE_EXTENSION = 'vlw';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What a workspace holds, in numbers; cheap to compute, shown on the home screen and by `value-ladder info`. */
export const WorkspaceSummary = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  sizeBytes: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
  transactions: z.number().int().nonnegative(),
  /** Sum of net amounts of all transactions (refunds are negative and net out). */
  revenue: z.number(),
  firstDate: IsoDate.nullable(),
  lastDate: IsoDate.nullable(),
  tables: z.record(TableName, z.number().int().nonnegative()),
  sample: SampleName.nullable(),
  createdAt: z.string(),
  lastAnalysisAt: z.string().nullable(),
  /** Whether the file is encrypted with a password (electron/db/encryption.ts). */
  protected: z.boolean(),
  /** Opened for viewing from a folder the app cannot write to: the app works on a copy that goes when it closes. */
  viewOnly: z.boolean(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** An entry of the recent-workspaces list; the summary is what we knew when it was last open. */
export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
  /** Encrypted with a password: the list keeps no figures of it (they show once it is opened). */
  protected: z.boolean(),
  summary: WorkspaceSummary.nullable(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

/** An anonymised copy written for sharing (electron/db/anonymise.ts): what it holds, and what of the original it left out. */
export const AnonymisedCopyResult = z.object({
  path: z.string(),
  customers: z.number().int(),
  prospects: z.number().int(),
  attributes: z.object({ kept: z.array(z.string()), dropped: z.array(z.string()) }),
  /** Days every date was moved by (0 when not shifted). */
  shiftDays: z.number().int(),
});
export type AnonymisedCopyResult = z.infer<typeof AnonymisedCopyResult>;

/** Passwords shorter than this are refused: the key derivation slows guessing, it cannot make "1234" safe. */
export const MIN_PASSWORD_LENGTH = 8;
/** A workspace password as a call carries it (its length is checked where it is set, with a message). */
export const Password = z.string().min(1).max(1024);
