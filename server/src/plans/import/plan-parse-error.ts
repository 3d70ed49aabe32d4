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

export const PLAN_PARSE_ERROR_CODES = [
  'empty_file',
  'not_a_zip',
  'not_an_office_file',
  'no_table',
  'no_header',
  'unsupported_type',
  'too_many_rows',
  'table_too_wide',
  'too_many_cells',
  'merge_too_large',
  'nesting_too_deep',
  'too_many_entries',
  'entry_too_large',
  'record_too_long',
  'bad_csv',
  'parse_timeout',
  'parse_out_of_memory',
] as const
export type PlanParseErrorCode = (typeof PLAN_PARSE_ERROR_CODES)[number]

export { MAX_PLAN_ROWS }

/**
 * A file that cannot be read as a plan. The message says in English and Vietnamese what is
 * wrong and what the principal can do, since it is shown as is in the import preview.
 */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError'
  constructor(
    readonly code: PlanParseErrorCode,
    /** The same text in Vietnamese, for the import wizard. */
    readonly messageVi: string,
    message: string,
  ) {
    super(message)
  }
}

export function planParseError(code: PlanParseErrorCode, detail?: string): PlanParseError {
  const { en, vi } = MESSAGES[code]
  const tail = detail ? ` ${detail}` : ''
  return new PlanParseError(code, `${vi}${tail}`, `${en}${tail}`)
}

const en = (n: number) => n.toLocaleString('en-US')
const vi = (n: number) => n.toLocaleString('vi-VN')

const MESSAGES: Record<PlanParseErrorCode, { en: string; vi: string }> = {
  empty_file: {
    en: 'The file is empty.',
    vi: 'Tệp trống, không có nội dung.',
  },
  not_a_zip: {
    en: 'The file is damaged or is not a real .docx/.xlsx file.',
    vi: 'Tệp bị hỏng hoặc không phải tệp Word/Excel thật; hãy mở bằng Word/Excel rồi lưu lại.',
  },
  not_an_office_file: {
    en: 'The file is a zip archive but not a Word or Excel document.',
    vi: 'Tệp nén này không phải tài liệu Word hay Excel.',
  },
  no_table: {
    en: 'No table was found in the file; the plan must be a table.',
    vi: 'Không tìm thấy bảng nào trong tệp; kế hoạch phải được trình bày dạng bảng.',
  },
  no_header: {
    en: 'No plan table was found: no row has headings such as "Tiêu chí", "Công việc cần thực hiện", "Thời gian thực hiện".',
    vi: 'Không tìm thấy bảng kế hoạch: không có hàng tiêu đề nào có các cột như “Tiêu chí”, “Công việc cần thực hiện”, “Thời gian thực hiện”.',
  },
  unsupported_type: {
    en: 'Only .docx, .xlsx and .csv files can be imported.',
    vi: 'Chỉ nhập được tệp .docx, .xlsx hoặc .csv; tệp .doc/.xls cũ hãy lưu lại thành .docx/.xlsx.',
  },
  too_many_rows: {
    en: `The plan table has more than ${MAX_PLAN_ROWS} rows, the most one import accepts.`,
    vi: `Bảng kế hoạch có hơn ${MAX_PLAN_ROWS} dòng, vượt giới hạn cho phép.`,
  },
  table_too_wide: {
    en: `A table in the file is wider than ${MAX_TABLE_COLUMNS} columns; a plan has far fewer.`,
    vi: `Bảng trong tệp rộng hơn ${MAX_TABLE_COLUMNS} cột, vượt giới hạn cho phép; bảng kế hoạch chỉ có vài chục cột.`,
  },
  too_many_cells: {
    en: `The tables in the file have more than ${en(MAX_DOCUMENT_CELLS)} cells in all, the most one import reads.`,
    vi: `Các bảng trong tệp có tổng cộng hơn ${vi(MAX_DOCUMENT_CELLS)} ô, vượt giới hạn cho phép.`,
  },
  merge_too_large: {
    en: `Merged cells in the sheet cover more than ${en(MAX_MERGED_CELLS)} cells; unmerge them or import a smaller sheet.`,
    vi: `Ô gộp quá lớn: các vùng gộp ô trong trang tính phủ hơn ${vi(MAX_MERGED_CELLS)} ô; hãy bỏ gộp ô hoặc thu gọn trang tính.`,
  },
  nesting_too_deep: {
    en: `Tables are nested more than ${MAX_TABLE_NESTING} deep in the file.`,
    vi: `Tệp có bảng lồng trong bảng quá ${MAX_TABLE_NESTING} tầng, vượt giới hạn cho phép.`,
  },
  too_many_entries: {
    en: `The file holds more than ${en(MAX_ZIP_ENTRIES)} parts; a Word or Excel plan has a few dozen.`,
    vi: `Tệp chứa hơn ${vi(MAX_ZIP_ENTRIES)} thành phần nén; tệp Word/Excel kế hoạch chỉ có vài chục.`,
  },
  entry_too_large: {
    en: `The compressed file unpacks to more than ${mb(MAX_ENTRY_BYTES)} in one part (or ${mb(MAX_UNZIPPED_BYTES)} in all), the most one import reads.`,
    vi: `Tệp nén giải nén ra hơn ${mb(MAX_ENTRY_BYTES)} ở một thành phần (hoặc hơn ${mb(MAX_UNZIPPED_BYTES)} tổng cộng), vượt giới hạn cho phép.`,
  },
  record_too_long: {
    en: `A line of the CSV file is longer than ${en(MAX_CSV_RECORD_CHARS)} characters.`,
    vi: `Một dòng của tệp CSV dài hơn ${vi(MAX_CSV_RECORD_CHARS)} ký tự, vượt giới hạn cho phép.`,
  },
  bad_csv: {
    en: 'The CSV file is malformed (a quoted field is never closed, or similar); save it again from Excel.',
    vi: 'Tệp CSV bị lỗi định dạng (có ô mở dấu ngoặc kép mà không đóng…); hãy mở bằng Excel rồi lưu lại.',
  },
  parse_timeout: {
    en: `The file is too complex: reading it took longer than the ${PARSE_TIME_BUDGET_MS / 1000} seconds allowed.`,
    vi: `Tệp quá phức tạp, đọc quá thời gian cho phép (${PARSE_TIME_BUDGET_MS / 1000} giây).`,
  },
  parse_out_of_memory: {
    en: `The file is too complex: reading it needs more than the ${PARSE_WORKER_HEAP_MB} MB of memory allowed.`,
    vi: `Tệp quá phức tạp, cần nhiều hơn ${PARSE_WORKER_HEAP_MB} MB bộ nhớ cho phép để đọc.`,
  },
}
