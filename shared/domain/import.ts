import { z } from 'zod';

/** What a file can be imported as (DOMAIN.md "Input data"); also the CLI's `--as` names. */
export const IMPORT_KINDS = ['transactions', 'customers', 'costs', 'products', 'marketing', 'prospects'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** How a column's text is read. */
export type FieldType = 'id' | 'text' | 'date' | 'money' | 'number' | 'rate';

export interface FieldSpec {
  type: FieldType;
  required: boolean;
}

/**
 * The fields each kind of file can fill. `amount` may instead come as quantity × unitPrice;
 * a transactions file may carry customer details (name, region) that fill the customer.
 */
export const IMPORT_FIELDS = {
  transactions: {
    customerId: { type: 'id', required: true },
    date: { type: 'date', required: true },
    amount: { type: 'money', required: true },
    cost: { type: 'money', required: false },
    marginRate: { type: 'rate', required: false },
    quantity: { type: 'number', required: false },
    unitPrice: { type: 'money', required: false },
    productId: { type: 'text', required: false },
    category: { type: 'text', required: false },
    orderId: { type: 'id', required: false },
    channel: { type: 'text', required: false },
    customerName: { type: 'text', required: false },
    region: { type: 'text', required: false },
  },
  customers: {
    customerId: { type: 'id', required: true },
    name: { type: 'text', required: false },
    acquiredDate: { type: 'date', required: false },
    channel: { type: 'text', required: false },
    acquisitionCost: { type: 'money', required: false },
    region: { type: 'text', required: false },
    industry: { type: 'text', required: false },
    size: { type: 'text', required: false },
    age: { type: 'number', required: false },
    income: { type: 'money', required: false },
  },
  costs: {
    customerId: { type: 'id', required: true },
    date: { type: 'date', required: true },
    cost: { type: 'money', required: true },
    kind: { type: 'text', required: false },
  },
  products: {
    productId: { type: 'id', required: true },
    name: { type: 'text', required: false },
    category: { type: 'text', required: false },
    marginRate: { type: 'rate', required: false },
  },
  marketing: {
    channel: { type: 'text', required: true },
    date: { type: 'date', required: true },
    spend: { type: 'money', required: true },
    newCustomers: { type: 'number', required: false },
  },
  prospects: {
    prospectId: { type: 'id', required: true },
    name: { type: 'text', required: false },
    channel: { type: 'text', required: false },
    region: { type: 'text', required: false },
    industry: { type: 'text', required: false },
    size: { type: 'text', required: false },
    age: { type: 'number', required: false },
    income: { type: 'money', required: false },
  },
} as const satisfies Record<ImportKind, Record<string, FieldSpec>>;

export type FieldName<K extends ImportKind = ImportKind> = keyof (typeof IMPORT_FIELDS)[K] & string;

/** Every field name of any kind. */
export const ALL_FIELD_NAMES = [...new Set(Object.values(IMPORT_FIELDS).flatMap((fields) => Object.keys(fields)))].sort();

export const NumberFormatSchema = z.object({
  decimal: z.enum(['.', ',']),
  thousands: z.enum(['', ',', '.', ' ', "'"]),
});

export const DATE_FORMATS = ['ymd', 'dmy', 'mdy', 'excel', 'jalali'] as const;
export const DateFormatSchema = z.enum(DATE_FORMATS);

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** What the person may set instead of what was detected; everything is optional. */
export const ImportOptions = z
  .object({
    kind: ImportKind.optional(),
    encoding: z.string().min(1).max(40).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    /** 1-based line of the header row; 0 when the file has none. */
    headerLine: z.number().int().min(0).max(1000).optional(),
    numberFormat: NumberFormatSchema.optional(),
    dateFormat: DateFormatSchema.optional(),
    /** Field → column index (0-based), or null to leave a field unmapped. */
    mapping: z.record(z.string().max(40), z.number().int().min(0).max(10_000).nullable()).optional(),
    keyRules: z.object({ ignoreCase: z.boolean(), ignoreSpaces: z.boolean(), ignoreLeadingZeros: z.boolean() }).strict().optional(),
    /** Keep rows that exactly repeat an earlier row even when an order id tells they are the same line. */
    keepDuplicates: z.boolean().optional(),
    /** Leave out identical rows that have no order id too (kept by default: they may be real purchases). */
    dropPossibleDuplicates: z.boolean().optional(),
    /** A source profile by name (profiles.ts), or `none` to read the file without one; recognised from the header when not given. */
    profile: z.string().min(1).max(40).optional(),
    /** Whether an order's amount keeps its tax and shipping (profiles): excluded by default. */
    taxShipping: z.enum(['exclude', 'include']).optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

const ColumnInfo = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.string().nullable(),
  /** A few values from the file, as written. */
  samples: z.array(z.string()),
});

/** What was found in a file, and the plan an import would follow. */
export const ImportDetection = z.object({
  format: z.enum(['text', 'xlsx']),
  encoding: z.string().nullable(),
  encodingConfidence: z.number(),
  delimiter: z.string().nullable(),
  headerLine: z.number().int(),
  kind: ImportKind,
  numberFormat: NumberFormatSchema,
  currency: z.string().nullable(),
  dateFormat: DateFormatSchema.nullable(),
  mapping: z.record(z.string(), z.number().int().nullable()),
  /** True when the mapping came from an earlier import of a file with the same columns. */
  rememberedMapping: z.boolean(),
  /** The platform export recognised (or chosen), null for a file read column by column. */
  profile: z.object({ name: z.string(), label: z.string(), platform: z.string().optional(), export: z.string().optional() }).nullable(),
  /** Day and month could be either way round in every date seen: the person must say which. */
  dateAmbiguous: z.boolean(),
  /** The file has dates and amounts (it looks like sales), whatever it is imported as. */
  salesLike: z.boolean(),
});
export type ImportDetection = z.infer<typeof ImportDetection>;

/**
 * Why a row was rejected, skipped or left out as a duplicate, as a stable code; with its
 * parameters it is turned into words in the reader's language (the English words are `reason`).
 */
export const ISSUE_CODES = [
  'blank_line', 'total_row', 'unclosed_quote', 'field_count', 'missing', 'not_a_number', 'bad_date', 'future_date', 'duplicate',
  'status_skipped', 'group_row', 'possible_duplicate',
] as const;
export const IssueCode = z.enum(ISSUE_CODES);
export type IssueCode = z.infer<typeof IssueCode>;

/** What the date a `bad_date` row should have had looks like: a DateFormat, or `none` when the column's format is unknown. */
export const DATE_HINTS = [...DATE_FORMATS, 'none'] as const;
export type DateHint = (typeof DATE_HINTS)[number];

/** The parameters each code's sentence needs (`column` is the file's own header). */
export interface IssueParamsOf {
  blank_line: Record<string, never>;
  total_row: Record<string, never>;
  unclosed_quote: Record<string, never>;
  field_count: { expected: number; found: number };
  missing: { column: string };
  not_a_number: { column: string };
  bad_date: { dateFormat: DateHint };
  future_date: Record<string, never>;
  duplicate: { of: number };
  /** A row of a status that is no sale (its reason: one of SKIP_REASONS). */
  status_skipped: { status: string; reason: string };
  /** A row of a grouped report that names the group (its customer). */
  group_row: Record<string, never>;
  /** The same as an earlier row, with no order id to tell them apart: kept (it may be a real second purchase). */
  possible_duplicate: { of: number };
}

export const IssueParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type IssueParams = z.infer<typeof IssueParams>;

/** English words for a date format, as `bad_date` names it. */
export const DATE_HINT_WORDS: Record<DateHint, string> = {
  ymd: 'YYYY-MM-DD',
  dmy: 'DD.MM.YYYY',
  mdy: 'MM/DD/YYYY',
  excel: 'an Excel date number',
  jalali: 'a Solar Hijri date YYYY/MM/DD',
  none: 'a date',
};

/**
 * The English sentence of an issue: what `reason` holds, the CLI prints and the log exports. The
 * renderer's catalogues say the same (the English catalogue word for word, a test checks it).
 */
export function describeIssue<C extends IssueCode>(code: C, params: IssueParamsOf[C]): string;
export function describeIssue(code: IssueCode, params: IssueParams): string;
export function describeIssue(code: IssueCode, params: IssueParams): string {
  switch (code) {
    case 'blank_line':
      return 'blank line';
    case 'total_row':
      return 'total row';
    case 'unclosed_quote':
      return 'a quote is never closed';
    case 'field_count':
      return `expected ${params.expected} fields, found ${params.found}`;
    case 'missing':
      return `${params.column} is missing`;
    case 'not_a_number':
      return `${params.column} is not a number`;
    case 'bad_date':
      return `not a valid date (expected ${DATE_HINT_WORDS[params.dateFormat as DateHint] ?? DATE_HINT_WORDS.none})`;
    case 'future_date':
      return 'the date is in the future';
    case 'duplicate':
      return `repeats line ${params.of}`;
    case 'status_skipped':
      return `not a sale: ${STATUS_REASON_WORDS[params.reason as string] ?? params.reason} (${params.status})`;
    case 'group_row':
      return 'group heading';
    case 'possible_duplicate':
      return `same as line ${params.of} (kept: there is no order id to tell them apart)`;
  }
}

/** English words for why rows of a status are left out. */
export const STATUS_REASON_WORDS: Record<string, string> = {
  unpaid: 'unpaid',
  failed: 'failed',
  voided: 'voided',
  cancelled: 'cancelled',
  refunded: 'refunded in full',
  pending: 'pending',
  notSale: 'not a sale',
};

export const ImportIssue = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** In English (see describeIssue). */
  reason: z.string(),
  /** Null for issues logged before codes were kept: only `reason` is known. */
  code: IssueCode.nullable(),
  params: IssueParams,
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** A row that repeats an earlier one; `kept` when it stays in (no order id tells them apart). */
export const DuplicateRow = z.object({ line: z.number().int(), of: z.number().int(), kept: z.boolean().optional() });
export type DuplicateRow = z.infer<typeof DuplicateRow>;

export const PreviousImport = z.object({ importId: z.number().int(), importedAt: z.string(), fileName: z.string() });

export const ImportPreview = z.object({
  file: z.object({ path: z.string(), name: z.string(), sizeBytes: z.number().int(), hash: z.string() }),
  detected: ImportDetection,
  columns: z.array(ColumnInfo),
  /** The first rows as parsed (after the header). */
  rows: z.array(z.array(z.string())),
  /** The same file (by content) was imported before. */
  previousImport: PreviousImport.nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** Most issues a reply carries; all of them stay in the workspace's import log. */
export const ISSUE_LIMIT = 10_000;

/**
 * What an import should not do without the person's yes: most are shown before the Import button and
 * need `acceptWarnings`; ambiguous dates need the date format said instead.
 */
export const IMPORT_WARNINGS = ['rejected_share', 'unknown_customers', 'sales_not_transactions', 'mixed_currency', 'unknown_statuses', 'ambiguous_dates'] as const;
export const ImportWarning = z.object({ code: z.enum(IMPORT_WARNINGS), params: IssueParams });
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ImportSummary = z.object({
  kind: ImportKind,
  /** Rows that were (or, for a check, would be) imported. */
  accepted: z.number().int(),
  rejectedCount: z.number().int(),
  skippedCount: z.number().int(),
  duplicateCount: z.number().int(),
  rejected: z.array(ImportIssue),
  skipped: z.array(ImportIssue.pick({ line: true, reason: true, code: true, params: true })),
  duplicates: z.array(DuplicateRow),
  /** Sum of the accepted amounts (transactions) or costs/spend, to check against the file's own total. */
  total: z.number(),
  detected: ImportDetection,
  /** Identical rows kept because no order id tells them apart (see `possible_duplicate`). */
  possibleDuplicateCount: z.number().int(),
  /** Refunds netted or left out: orders or rows with money given back, and how much. */
  refunds: z.object({ count: z.number().int(), amount: z.number() }),
  /** Rows with no customer (guests, placeholders): kept under the unknown customer, out of the ladder. */
  unknownCustomer: z.object({ rows: z.number().int(), amount: z.number() }),
  warnings: z.array(ImportWarning),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportResult = ImportSummary.extend({
  /** The import's entry in the log; null when nothing was written. */
  importId: z.number().int().nullable(),
  committed: z.boolean(),
  /** Why nothing was written, when it was not: in English, and as a message key with its parameters. */
  notCommittedReason: z.string().nullable(),
  notCommitted: z.object({ key: z.enum(['importAlreadyDone', 'importStrictRejected', 'importNoRows', 'importWarnings', 'importDatesAmbiguous']), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
  replacedImportId: z.number().int().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportLogEntry = z.object({
  importId: z.number().int(),
  kind: ImportKind,
  fileName: z.string(),
  hash: z.string(),
  importedAt: z.string(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
  duplicates: z.number().int(),
  detected: ImportDetection.nullable(),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntry>;

/**
 * The English sentence of an import warning: what the CLI prints. The renderer's catalogues say
 * the same (`import.check.warnings.<code>`; the English one word for word, a test checks it), with
 * the share as a percentage and the amount as money.
 */
export function describeWarning(warning: ImportWarning): string {
  const p = warning.params;
  switch (warning.code) {
    case 'rejected_share':
      return `${p.count} rows (${Math.round(Number(p.share) * 1000) / 10} %) were rejected`;
    case 'unknown_customers':
      return `${p.rows} rows (${p.amount}) name no customer: they are kept under the unknown customer, out of the ladder`;
    case 'sales_not_transactions':
      return `the file has dates and amounts but is read as ${p.kind}: no sales would come of it`;
    case 'mixed_currency':
      return `the amounts are in more than one currency (${p.currencies}) and are added up as they are`;
    case 'unknown_statuses':
      return `statuses this import does not know were counted as sales: ${p.statuses}`;
    case 'ambiguous_dates':
      return `every date reads day first or month first (such as ${p.example}): say which`;
  }
}
