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
}
