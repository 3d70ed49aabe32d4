/**
 * Every bound on reading a plan file, in one place. A plan is a table of at most a few
 * thousand rows and a few dozen columns, so each bound sits far above any real plan and far
 * below what would stall or exhaust the server. Each is checked before the thing it bounds
 * is allocated; the worker's memory and time budget catch whatever slips past them.
 * The messages that name these limits are in plan-parse-error.ts.
 */

/** An uploaded plan file; 10 MB leaves room for embedded pictures in a .docx. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** Body rows of the plan table: more than any real plan has; a bigger table is a data dump. */
export const MAX_PLAN_ROWS = 2000

/** Rows of any one table, sheet or CSV before its grid is laid out (title and heading rows included). */
export const MAX_TABLE_ROWS = 2 * MAX_PLAN_ROWS

/**
 * Grid columns of a table. A plan has at most about 30; a Word table wider than this, or a
 * CSV record with more fields, is refused. An Excel sheet is cut at this width instead,
 * since a stray cell far to the right of a real plan is common.
 */
export const MAX_TABLE_COLUMNS = 64

/** Grid positions over all the tables of one file (rows × width, merged positions included). */
export const MAX_DOCUMENT_CELLS = 400_000

/** Positions covered by merged ranges in a workbook, counted before the workbook is read. */
export const MAX_MERGED_CELLS = 100_000

/** Tables nested in table cells, counted from the outermost. */
export const MAX_TABLE_NESTING = 5

/** Entries in a .docx/.xlsx archive (a plan has a few dozen). */
export const MAX_ZIP_ENTRIES = 1000

/** What one archive entry that is read may inflate to; also the most XML handed to a parser. */
export const MAX_ENTRY_BYTES = 20 * 1024 * 1024

/** What all the entries read from one archive may inflate to together. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024

/** Characters in one CSV record (a row with every field at its length limit is far shorter). */
export const MAX_CSV_RECORD_CHARS = 1_000_000

/** The heap of the worker that reads one file. */
export const PARSE_WORKER_HEAP_MB = 256

/** Wall-clock time for reading one file, worker start included. */
export const PARSE_TIME_BUDGET_MS = 5_000

/** Files read at the same time; more wait their turn rather than each take a worker's heap. */
export const MAX_CONCURRENT_PARSES = 2

const MB = 1024 * 1024
export const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`
