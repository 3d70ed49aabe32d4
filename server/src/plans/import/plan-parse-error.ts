import type { Lang } from '@caitien/shared'
import {
  planFileMessages,
  type PlanFileDetail,
  type PlanFileLimits,
  type PlanParseErrorCode,
} from '@caitien/shared/import-messages'
import {
  MAX_CSV_RECORD_CHARS,
  MAX_DOCUMENT_CELLS,
  MAX_ENTRY_BYTES,
  MAX_MERGED_CELLS,
  MAX_PLAN_ROWS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_NESTING,
  MAX_UNZIPPED_BYTES,
  MAX_ZIP_ENTRIES,
  PARSE_TIME_BUDGET_MS,
  PARSE_WORKER_HEAP_MB,
  mb,
} from './import-limits.ts'

export { MAX_PLAN_ROWS }

/** The limits of import-limits.ts, as the refusals (shared/src/import-messages.ts) quote them. */
const LIMITS: PlanFileLimits = {
  planRows: MAX_PLAN_ROWS,
  tableColumns: MAX_TABLE_COLUMNS,
  documentCells: MAX_DOCUMENT_CELLS,
  mergedCells: MAX_MERGED_CELLS,
  tableNesting: MAX_TABLE_NESTING,
  zipEntries: MAX_ZIP_ENTRIES,
  entrySize: mb(MAX_ENTRY_BYTES),
  unzippedSize: mb(MAX_UNZIPPED_BYTES),
  csvRecordChars: MAX_CSV_RECORD_CHARS,
  parseSeconds: PARSE_TIME_BUDGET_MS / 1000,
  parseHeapMb: PARSE_WORKER_HEAP_MB,
}

/**
 * A file that cannot be read as a plan: a code, and where in the file when it can say.
 * Worded by shared/src/import-messages.ts in every language (what is wrong and what the
 * principal can do), since the import wizard shows it as is; `message` is the English,
 * for the CLI and logs.
 */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError'
  constructor(
    readonly code: PlanParseErrorCode,
    readonly detail?: PlanFileDetail,
  ) {
    super(planFileMessages.en[code]({ limits: LIMITS, detail }))
  }

  messageIn(lang: Lang): string {
    return planFileMessages[lang][this.code]({ limits: LIMITS, detail: this.detail })
  }

  /** The Vietnamese, for the import wizard. */
  get messageVi(): string {
    return this.messageIn('vi')
  }
}

export function planParseError(code: PlanParseErrorCode, detail?: PlanFileDetail): PlanParseError {
  return new PlanParseError(code, detail)
}
