export const PLAN_PARSE_ERROR_CODES = [
  'empty_file',
  'not_a_zip',
  'not_an_office_file',
  'no_table',
  'no_header',
  'unsupported_type',
  'too_many_rows',
] as const
export type PlanParseErrorCode = (typeof PLAN_PARSE_ERROR_CODES)[number]

/** More rows than any real plan has; a bigger table is a wrong file or a data dump. */
export const MAX_PLAN_ROWS = 2000

/**
 * A file that cannot be read as a plan. The message says in English and Vietnamese what is
 * wrong and what the principal can do, since it is shown as is in the import preview.
 */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError'
  constructor(
    readonly code: PlanParseErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export function planParseError(code: PlanParseErrorCode, detail?: string): PlanParseError {
  const base = MESSAGES[code]
  return new PlanParseError(code, detail ? `${base} ${detail}` : base)
}

const MESSAGES: Record<PlanParseErrorCode, string> = {
  empty_file: 'The file is empty. (Tệp trống, không có nội dung.)',
  not_a_zip:
    'The file is damaged or is not a real .docx/.xlsx file. (Tệp bị hỏng hoặc không phải tệp Word/Excel thật; hãy mở bằng Word/Excel rồi lưu lại.)',
  not_an_office_file:
    'The file is a zip archive but not a Word or Excel document. (Tệp nén này không phải tài liệu Word hay Excel.)',
  no_table:
    'No table was found in the file; the plan must be a table. (Không tìm thấy bảng nào trong tệp; kế hoạch phải được trình bày dạng bảng.)',
  no_header:
    'No plan table was found: no row has headings such as "Tiêu chí", "Công việc cần thực hiện", "Thời gian thực hiện". (Không tìm thấy hàng tiêu đề của bảng kế hoạch.)',
  unsupported_type:
    'Only .docx, .xlsx and .csv files can be imported. (Chỉ nhập được tệp .docx, .xlsx hoặc .csv; tệp .doc/.xls cũ hãy lưu lại thành .docx/.xlsx.)',
  too_many_rows: `The plan table has more than ${MAX_PLAN_ROWS} rows, the most one import accepts. (Bảng kế hoạch có hơn ${MAX_PLAN_ROWS} dòng, vượt giới hạn cho phép.)`,
}
