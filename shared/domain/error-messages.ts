/**
 * Error codes a call can fail with: they let the renderer and the CLI decide what to offer next.
 * What people read comes from the error's key (ERROR_MESSAGES below).
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'already_exists',
  'no_workspace',
  'workspace_newer',
  'workspace_corrupt',
  'not_a_workspace',
  'workspace_busy',
  'workspace_locked',
  'io',
  'cancelled',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Every error a call can end with, by key: its code, and its words in English with `{{name}}`
 * placeholders. The renderer says the same in the person's language from its catalogues
 * (`errors.messages.<key>`, the English one word for word: a test checks it); the CLI and the logs
 * use these words. Parameters are plain values: paths, names, numbers, ISO dates, and codes that
 * the renderer turns into words (an import `kind`, a list of `fields`).
 */
export const ERROR_MESSAGES = {
  cancelled: { code: 'cancelled', message: 'Cancelled.' },
  internal: { code: 'internal', message: 'Something went wrong inside Value Ladder. The details were written to the log.', hint: 'Try again; if it happens again, send the log to support.' },
  taskStopped: { code: 'internal', message: 'A background task stopped unexpectedly.', hint: 'Try again.' },
  unknownCall: { code: 'unknown_call', message: 'There is no call named "{{name}}".' },
  invalidRequest: { code: 'invalid_input', message: 'The request "{{call}}" was not valid: {{detail}}.' },
  needsDesktop: { code: 'unavailable', message: 'This needs the desktop app.' },
  harnessToken: { code: 'unavailable', message: 'The harness refused the request: the link is missing its token.', hint: 'Open the full URL the harness printed.' },
  harnessDown: { code: 'unavailable', message: 'The harness is not running.', hint: 'Start it again with npm run web.' },
  linkRefused: { code: 'invalid_input', message: 'Only https:// and mailto: links can be opened outside the app.' },

  noWorkspace: { code: 'no_workspace', message: 'No workspace is open.', hint: 'Open a workspace or create one from the home screen.' },
  workspaceMissing: { code: 'not_found', message: 'There is no workspace at {{path}}.', hint: 'Check the path, or create a new workspace.' },
  workspaceIsFolder: { code: 'invalid_input', message: '{{path}} is a folder, not a workspace file.' },
  notADatabase: { code: 'not_a_workspace', message: '{{path}} is not a Value Ladder workspace (it is not a database file).', hint: 'To use a CSV or Excel export, create a workspace and import the file into it.' },
  foreignDatabase: { code: 'not_a_workspace', message: '{{path}} is a database, but not a Value Ladder workspace.', hint: 'Open a .vlw file made by Value Ladder.' },
  workspaceNewer: {
    code: 'workspace_newer',
    message: 'This workspace was saved by a newer version of Value Ladder (schema {{schema}}; this version reads up to {{supported}}). It was not changed.',
    hint: 'Update Value Ladder to open it.',
  },
  workspaceDamaged: { code: 'workspace_corrupt', message: 'The workspace {{path}} is damaged and cannot be opened. It was not changed.', hint: 'Open a backup copy, or create a new workspace and import the original exports again.' },
  workspaceStructure: {
    code: 'workspace_corrupt',
    message: 'The workspace {{path}} has an unexpected structure ({{count}} differences, first: {{first}}).',
    hint: 'It may have been edited by another program. Open a backup copy or create a new workspace.',
  },
  workspaceNotAttached: { code: 'not_a_workspace', message: '{{path}} is not an open Value Ladder workspace of this version.', hint: 'Open it in the app first.' },
  workspaceExists: { code: 'already_exists', message: '{{path}} already exists.', hint: 'Choose another name, or open it.' },
  workspaceAlreadyOpen: { code: 'already_exists', message: '{{path}} is already open.' },
  sampleTargetExists: { code: 'already_exists', message: '{{path}} already exists.', hint: 'Choose another file, or replace it.' },

  workspaceBusy: { code: 'workspace_busy', message: 'The workspace is in use by another program.', hint: 'Close the other program (or the other Value Ladder window) and try again.' },
  workspaceFileDamaged: { code: 'workspace_corrupt', message: 'The workspace file is damaged.', hint: 'Open a backup copy of the workspace, or re-create it from the original exports.' },
  notAWorkspaceFile: { code: 'not_a_workspace', message: 'This file is not a Value Ladder workspace.', hint: 'Choose a .vlw file, or import the data into a new workspace.' },
  diskFull: { code: 'io', message: 'The disk is full.', hint: 'Free some space and try again.' },
  workspaceReadOnly: { code: 'io', message: 'The workspace file is read-only.', hint: 'Check the file permissions or copy the workspace to a folder you can write to.' },
  workspaceCannotOpen: { code: 'io', message: 'The workspace file cannot be opened.', hint: 'Check that the folder exists and that you may write to it.' },
  workspaceIo: { code: 'io', message: 'The workspace file could not be read or written.', hint: 'Check the disk and try again.' },
  pathMissing: { code: 'not_found', message: 'The file or folder {{path}} does not exist.', hint: 'Check the path.' },
  permissionDenied: { code: 'io', message: 'Permission denied: {{path}}.', hint: 'Check the file permissions.' },
  pathIsFolder: { code: 'invalid_input', message: '{{path}} is a folder, not a file.', hint: 'Choose a file.' },
  diskReadOnly: { code: 'io', message: 'The disk is read-only: {{path}}.', hint: 'Choose a folder you can write to.' },

  workspaceLocked: { code: 'workspace_locked', message: '{{path}} is protected with a password.', hint: 'Enter its password to open it.' },
  wrongPassword: { code: 'workspace_locked', message: 'The password does not open {{path}}. The file was not changed.', hint: 'Check the password (capital letters and keyboard layout count) and try again.' },
  passwordTooShort: { code: 'invalid_input', message: 'A password needs at least {{min}} characters.', hint: 'Choose a longer password: a few words are easy to remember and hard to guess.' },
  workspaceViewOnly: { code: 'invalid_input', message: '{{path}} is open for viewing only: it is in a folder Value Ladder cannot write to.', hint: 'Copy the workspace to a folder you can write to and open the copy there.' },
  pathNotGranted: { code: 'invalid_input', message: 'Value Ladder uses only files you chose: {{path}} was not chosen for this.', hint: 'Choose the file with the button or drop it on the window.' },
  fileUnreadable: { code: 'not_found', message: 'The file {{path}} cannot be read.', hint: 'Check that it exists and that you may read it.' },
  fileTooLarge: { code: 'invalid_input', message: '{{name}} is larger than 2 GB.', hint: 'Split the export into smaller files.' },
  droppedFileTooLarge: { code: 'invalid_input', message: '{{name}} is too large to drop here.', hint: 'Use Choose file… instead: the app then reads the file where it is.' },
  droppedFileUnreadable: { code: 'io', message: '{{name}} could not be read.', hint: 'Check that the file is on this computer and not locked by another program, then try again.' },
  unknownEncoding: { code: 'invalid_input', message: 'Unknown text encoding "{{name}}".', hint: 'Use a name such as utf-8, windows-1251, gb18030, utf-16le or iso-8859-2.' },
  spreadsheetDamaged: { code: 'invalid_input', message: 'The spreadsheet cannot be read: it is damaged or not an .xlsx file.', hint: 'Open it in Excel and save it again as .xlsx, or export it as CSV.' },
  spreadsheetEmpty: { code: 'invalid_input', message: 'The spreadsheet has no worksheet.' },
  fileEmpty: { code: 'invalid_input', message: '{{name}} is empty: it holds no rows.', hint: 'Export the data again, or choose another file.' },
  fileHeaderOnly: { code: 'invalid_input', message: '{{name}} holds only a header line and no rows of data.', hint: 'Check the export\'s dates and filters, then export again.' },
  fileNotTable: { code: 'invalid_input', message: '{{name}} is a {{format}} file, not a table of data.', hint: 'Choose a CSV, TSV or Excel (.xlsx) export.' },
  fileIsHtml: { code: 'invalid_input', message: '{{name}} is a web page (HTML), not a spreadsheet, even if its name ends in .xls.', hint: 'Open it in Excel and save it as .xlsx or CSV, or download the platform\'s CSV export instead.' },
  fileBinary: { code: 'invalid_input', message: '{{name}} is not a text table: it holds binary data.', hint: 'Choose a CSV, TSV or Excel (.xlsx) export.' },
  spreadsheetEncrypted: { code: 'invalid_input', message: '{{name}} is protected with a password.', hint: 'Open it in Excel, remove the password, save it and choose it again — or export it as CSV.' },
  spreadsheetLegacy: { code: 'invalid_input', message: '{{name}} is an Excel 97–2003 (.xls) or password-protected workbook, which cannot be read.', hint: 'Open it in Excel and save it as Excel Workbook (.xlsx) or CSV.' },
  importMissingColumns: {
    code: 'invalid_input',
    message: 'The file cannot be imported as {{kind}}: no column is chosen for {{fields}}.',
    hint: 'Choose the columns in the mapping step (or with the CLI, pass --as to say what the file is).',
  },
  importMissing: { code: 'not_found', message: 'There is no import #{{id}} in this workspace.' },
  importAlreadyDone: { code: 'already_exists', message: 'This file was already imported on {{date}} (as {{name}}); nothing was imported again.' },
  importStrictRejected: { code: 'invalid_input', message: '{{count}} rows were rejected and strict mode is on: nothing was imported.' },
  importNoRows: { code: 'invalid_input', message: 'No row of the file could be imported.' },
  importWarnings: {
    code: 'invalid_input',
    message: 'Nothing was imported: the check found {{count}} things to look at first.',
    hint: 'Read the warnings; when they are what you expect, import anyway (the CLI: --accept-warnings).',
  },
  importDatesAmbiguous: {
    code: 'invalid_input',
    message: 'Nothing was imported: every date could be read day first or month first (such as {{example}}).',
    hint: 'Say which: choose the date format in the mapping step (the CLI: --date-format dmy or mdy).',
  },
  profileNoCustomer: {
    code: 'invalid_input',
    message: 'This {{profile}} export has no column that says who the buyer is, so no customer can be told apart.',
    hint: 'Export a report that includes the buyer (an e-mail or a customer id), or import another file.',
  },
  unknownProfile: { code: 'invalid_input', message: 'There is no import profile named "{{name}}".', hint: 'Choose one of: {{names}}.' },

  notAnalysed: { code: 'not_found', message: 'This workspace has not been analysed yet.', hint: 'Run the analysis first (Analyse, or value-ladder analyze).' },
  asOfBeforeData: { code: 'invalid_input', message: 'There is nothing to analyse on {{date}}: the first purchase is on {{first}}.', hint: 'Choose a later analysis date.' },
  nothingToAnalyse: { code: 'invalid_input', message: 'There is nothing to analyse yet: the workspace has no transactions.', hint: 'Import an export of orders or invoices first.' },
  analysisOutdated: { code: 'not_found', message: 'The last analysis was made by an older version and lacks what this needs.', hint: 'Run the analysis again.' },
  unknownSortColumn: { code: 'invalid_input', message: 'There is no column "{{column}}" to sort by.' },
  customerMissing: { code: 'not_found', message: 'There is no customer "{{customer}}" in the last analysis.', hint: 'Analyse the workspace again if the customer was imported since.' },
  calibrationAfterEnd: { code: 'invalid_input', message: 'The calibration cannot end after the last transaction ({{date}}).' },
  backtestTooLate: { code: 'invalid_input', message: 'A back-test from {{date}} needs {{months}} months of data after it, and the data ends on {{last}}.', hint: 'Choose {{latest}} or an earlier date, or a shorter horizon.' },
  scenarioMissing: { code: 'not_found', message: 'There is no saved scenario number {{id}}.', hint: 'It may have been deleted already: list the scenarios again.' },
  scenarioNameTaken: { code: 'already_exists', message: 'A scenario named "{{name}}" already exists.', hint: 'Choose another name, or save over that one.' },

  reportNotMade: { code: 'not_found', message: 'No report has been made in this session.', hint: 'Create the report first.' },
  reportNotPdf: { code: 'invalid_input', message: 'A report is a PDF file: "{{name}}" should end in .pdf.' },
  reportFolderMissing: { code: 'not_found', message: 'There is no folder {{path}} to write the report to.', hint: 'Choose an existing folder.' },
  reportWriteFailed: { code: 'io', message: 'The report could not be written to {{path}}.', hint: 'Check that the folder is writable and the file is not open in another program.' },
  reportFontMissing: { code: 'unavailable', message: 'The report font "{{name}}" is missing from this installation.', hint: 'Reinstall the app (or run npm ci) to restore its fonts.' },
  printerClosed: { code: 'unavailable', message: 'The report printer has been closed.' },
  printerUnavailable: { code: 'unavailable', message: 'Chromium could not be started to print the report ({{path}}).', hint: 'Install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.' },
} as const satisfies Record<string, { code: ErrorCode; message: string; hint?: string }>;

export type ErrorKey = keyof typeof ERROR_MESSAGES;
export const ERROR_KEYS = Object.keys(ERROR_MESSAGES) as ErrorKey[];
export type ErrorParams = Record<string, string | number>;

/** Fills `{{name}}` placeholders; a missing parameter stays visible as its placeholder. */
export function fillMessage(template: string, params: ErrorParams): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
