import { defineMessages, type Lang } from './messages.ts'
import { formatNumber } from './number-format.ts'

// Imported by the plan parse worker through its own entry (@caitien/shared/import-messages):
// it must stay light, depending on messages.ts and number-format.ts alone.

/** Why a file could not be read as a plan at all (the server's PlanParseError codes). */
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

/** The limits a plan file is read within, as the refusals quote them. */
export interface PlanFileLimits {
  planRows: number
  tableColumns: number
  documentCells: number
  mergedCells: number
  tableNesting: number
  zipEntries: number
  /** "20 MB": the most one part of a .docx/.xlsx unpacks to. */
  entrySize: string
  /** "50 MB": the most all its parts unpack to. */
  unzippedSize: string
  csvRecordChars: number
  parseSeconds: number
  parseHeapMb: number
}

/**
 * Where in the file a refusal points, when it can say: a count that passed a limit, a
 * line, or a reader's own technical words (kept as they are, for whoever looks closer).
 */
export type PlanFileDetail =
  | { rows: number; in?: 'sheet' | 'table' }
  | { columns: number; line?: number }
  | { moreThanLines: number }
  | { line: number; technical?: string }
  | { technical: string }

type Refusal = { limits: PlanFileLimits; detail?: PlanFileDetail }

const vi = (n: number) => formatNumber(n, 'vi')
const en = (n: number) => formatNumber(n, 'en')

function detailVi(d: PlanFileDetail | undefined): string {
  if (!d) return ''
  if ('rows' in d) {
    const where = d.in === 'sheet' ? ' trong trang tính' : d.in === 'table' ? ' trong một bảng' : ''
    return ` (${d.rows} dòng${where})`
  }
  if ('columns' in d) return ` (${d.columns} cột${d.line ? ` ở dòng ${d.line}` : ''})`
  if ('moreThanLines' in d) return ` (> ${d.moreThanLines} dòng)`
  if ('line' in d) return ` (dòng ${d.line}${d.technical ? `: ${d.technical}` : ''})`
  return ` (${d.technical})`
}

function detailEn(d: PlanFileDetail | undefined): string {
  if (!d) return ''
  if ('rows' in d) {
    const where = d.in === 'sheet' ? ' in the sheet' : d.in === 'table' ? ' in a table' : ''
    return ` (${d.rows} rows${where})`
  }
  if ('columns' in d) return ` (${d.columns} columns${d.line ? ` on line ${d.line}` : ''})`
  if ('moreThanLines' in d) return ` (> ${d.moreThanLines} lines)`
  if ('line' in d) return ` (line ${d.line}${d.technical ? `: ${d.technical}` : ''})`
  return ` (${d.technical})`
}

/**
 * A file that cannot be read as a plan: what is wrong and what the principal can do, then
 * where (the detail). Shown as is by the import wizard and the CLI.
 */
export const planFileMessages = defineMessages(
  {
    empty_file: (p: Refusal) => `Tệp trống, không có nội dung.${detailVi(p.detail)}`,
    not_a_zip: (p: Refusal) =>
      `Tệp bị hỏng hoặc không phải tệp Word/Excel thật; hãy mở bằng Word/Excel rồi lưu lại.${detailVi(p.detail)}`,
    not_an_office_file: (p: Refusal) =>
      `Tệp nén này không phải tài liệu Word hay Excel.${detailVi(p.detail)}`,
    no_table: (p: Refusal) =>
      `Không tìm thấy bảng nào trong tệp; kế hoạch phải được trình bày dạng bảng.${detailVi(p.detail)}`,
    no_header: (p: Refusal) =>
      `Không tìm thấy bảng kế hoạch: không có hàng tiêu đề nào có các cột như “Tiêu chí”, “Công việc cần thực hiện”, “Thời gian thực hiện”.${detailVi(p.detail)}`,
    unsupported_type: (p: Refusal) =>
      `Chỉ nhập được tệp .docx, .xlsx hoặc .csv; tệp .doc/.xls cũ hãy lưu lại thành .docx/.xlsx.${detailVi(p.detail)}`,
    too_many_rows: (p: Refusal) =>
      `Bảng kế hoạch có hơn ${p.limits.planRows} dòng, vượt giới hạn cho phép.${detailVi(p.detail)}`,
    table_too_wide: (p: Refusal) =>
      `Bảng trong tệp rộng hơn ${p.limits.tableColumns} cột, vượt giới hạn cho phép; bảng kế hoạch chỉ có vài chục cột.${detailVi(p.detail)}`,
    too_many_cells: (p: Refusal) =>
      `Các bảng trong tệp có tổng cộng hơn ${vi(p.limits.documentCells)} ô, vượt giới hạn cho phép.${detailVi(p.detail)}`,
    merge_too_large: (p: Refusal) =>
      `Ô gộp quá lớn: các vùng gộp ô trong trang tính phủ hơn ${vi(p.limits.mergedCells)} ô; hãy bỏ gộp ô hoặc thu gọn trang tính.${detailVi(p.detail)}`,
    nesting_too_deep: (p: Refusal) =>
      `Tệp có bảng lồng trong bảng quá ${p.limits.tableNesting} tầng, vượt giới hạn cho phép.${detailVi(p.detail)}`,
    too_many_entries: (p: Refusal) =>
      `Tệp chứa hơn ${vi(p.limits.zipEntries)} thành phần nén; tệp Word/Excel kế hoạch chỉ có vài chục.${detailVi(p.detail)}`,
    entry_too_large: (p: Refusal) =>
      `Tệp nén giải nén ra hơn ${p.limits.entrySize} ở một thành phần (hoặc hơn ${p.limits.unzippedSize} tổng cộng), vượt giới hạn cho phép.${detailVi(p.detail)}`,
    record_too_long: (p: Refusal) =>
      `Một dòng của tệp CSV dài hơn ${vi(p.limits.csvRecordChars)} ký tự, vượt giới hạn cho phép.${detailVi(p.detail)}`,
    bad_csv: (p: Refusal) =>
      `Tệp CSV bị lỗi định dạng (có ô mở dấu ngoặc kép mà không đóng…); hãy mở bằng Excel rồi lưu lại.${detailVi(p.detail)}`,
    parse_timeout: (p: Refusal) =>
      `Tệp quá phức tạp, đọc quá thời gian cho phép (${p.limits.parseSeconds} giây).${detailVi(p.detail)}`,
    parse_out_of_memory: (p: Refusal) =>
      `Tệp quá phức tạp, cần nhiều hơn ${p.limits.parseHeapMb} MB bộ nhớ cho phép để đọc.${detailVi(p.detail)}`,
  } satisfies Record<PlanParseErrorCode, (p: Refusal) => string>,
  {
    empty_file: (p) => `The file is empty.${detailEn(p.detail)}`,
    not_a_zip: (p) => `The file is damaged or is not a real .docx/.xlsx file.${detailEn(p.detail)}`,
    not_an_office_file: (p) =>
      `The file is a zip archive but not a Word or Excel document.${detailEn(p.detail)}`,
    no_table: (p) =>
      `No table was found in the file; the plan must be a table.${detailEn(p.detail)}`,
    no_header: (p) =>
      `No plan table was found: no row has headings such as "Tiêu chí", "Công việc cần thực hiện", "Thời gian thực hiện".${detailEn(p.detail)}`,
    unsupported_type: (p) =>
      `Only .docx, .xlsx and .csv files can be imported.${detailEn(p.detail)}`,
    too_many_rows: (p) =>
      `The plan table has more than ${p.limits.planRows} rows, the most one import accepts.${detailEn(p.detail)}`,
    table_too_wide: (p) =>
      `A table in the file is wider than ${p.limits.tableColumns} columns; a plan has far fewer.${detailEn(p.detail)}`,
    too_many_cells: (p) =>
      `The tables in the file have more than ${en(p.limits.documentCells)} cells in all, the most one import reads.${detailEn(p.detail)}`,
    merge_too_large: (p) =>
      `Merged cells in the sheet cover more than ${en(p.limits.mergedCells)} cells; unmerge them or import a smaller sheet.${detailEn(p.detail)}`,
    nesting_too_deep: (p) =>
      `Tables are nested more than ${p.limits.tableNesting} deep in the file.${detailEn(p.detail)}`,
    too_many_entries: (p) =>
      `The file holds more than ${en(p.limits.zipEntries)} parts; a Word or Excel plan has a few dozen.${detailEn(p.detail)}`,
    entry_too_large: (p) =>
      `The compressed file unpacks to more than ${p.limits.entrySize} in one part (or ${p.limits.unzippedSize} in all), the most one import reads.${detailEn(p.detail)}`,
    record_too_long: (p) =>
      `A line of the CSV file is longer than ${en(p.limits.csvRecordChars)} characters.${detailEn(p.detail)}`,
    bad_csv: (p) =>
      `The CSV file is malformed (a quoted field is never closed, or similar); save it again from Excel.${detailEn(p.detail)}`,
    parse_timeout: (p) =>
      `The file is too complex: reading it took longer than the ${p.limits.parseSeconds} seconds allowed.${detailEn(p.detail)}`,
    parse_out_of_memory: (p) =>
      `The file is too complex: reading it needs more than the ${p.limits.parseHeapMb} MB of memory allowed.${detailEn(p.detail)}`,
  },
)

const count = (n: number, lang: Lang) => formatNumber(n, lang)

/**
 * What the import says about one row of a plan it can read: kept, skipped or refused
 * (the row number goes beside it, see `rowProblem`).
 */
export const planRowMessages = defineMessages(
  {
    timeframeUnreadable: (p: { text: string }) => `Không đọc được thời gian thực hiện “${p.text}”`,
    budgetUnreadable: (p: { text: string }) => `Không đọc được số tiền kinh phí “${p.text}”`,
    headingSkipped: (p: { text: string }) =>
      `Bỏ qua dòng tiêu đề “${p.text}” (không phải hoạt động)`,
    noCriterion: 'Không có tiêu chí',
    criterionUnreadable: (p: { label: string }) => `Không đọc được mã tiêu chí trong “${p.label}”`,
    strayText: (p: { text: string }) => `Bỏ qua nội dung nằm ngoài các cột của bảng: “${p.text}”`,
    criterionUnknown: (p: { criterion: string; framework: string }) =>
      `Tiêu chí ${p.criterion} không có trong khung ${p.framework}; thẻ vẫn giữ mã này.`,
    fieldTooLong: (p: { heading: string; length: number; limit: number }) =>
      `Ô “${p.heading}” dài ${count(p.length, 'vi')} ký tự, vượt giới hạn ${count(p.limit, 'vi')} ký tự của một thẻ; hãy rút gọn trong tệp. Chưa thể nhập tệp này cho đến khi sửa.`,
    fieldInvalid: (p: { heading: string; issue: string }) =>
      `Ô “${p.heading}” không hợp lệ (${p.issue}). Chưa thể nhập tệp này cho đến khi sửa.`,
  },
  {
    timeframeUnreadable: (p) => `Could not read the timeframe "${p.text}"`,
    budgetUnreadable: (p) => `Could not read the budget "${p.text}" as an amount`,
    headingSkipped: (p) => `Heading row skipped: "${p.text}"`,
    noCriterion: 'No criterion',
    criterionUnreadable: (p) => `Could not read the criterion code in "${p.label}"`,
    strayText: (p) => `Text outside the plan columns was left out: "${p.text}"`,
    criterionUnknown: (p) =>
      `Criterion ${p.criterion} is not in ${p.framework}; the card keeps the code.`,
    fieldTooLong: (p) =>
      `"${p.heading}" is ${count(p.length, 'en')} characters long, over the limit of ${count(p.limit, 'en')} a card holds; shorten it in the file. Nothing is imported until then.`,
    fieldInvalid: (p) => `"${p.heading}": ${p.issue}. Nothing is imported until it is corrected.`,
  },
)
export type PlanRowMessage = keyof (typeof planRowMessages)['vi']

/** The import's answers about the upload itself, and its refusal to confirm. */
export const importMessages = defineMessages(
  {
    notMultipart: 'Hãy gửi kế hoạch dạng multipart/form-data, với tệp ở trường “file”.',
    fileRequired: 'Chưa có tệp kế hoạch (trường “file”).',
    fileTooLarge: (p: { size: string }) => `Tệp lớn hơn giới hạn ${p.size}.`,
    tooManyParts: 'Yêu cầu gửi lên có quá nhiều phần, hoặc phần quá lớn.',
    unreadableBody: 'Không đọc được yêu cầu gửi lên (multipart/form-data).',
    fieldNotText: (p: { field: string }) => `Trường “${p.field}” phải là văn bản JSON.`,
    fieldNotJson: (p: { field: string }) => `Trường “${p.field}” không phải JSON hợp lệ.`,
    fieldInvalid: (p: { field: string; detail: string }) =>
      `Trường “${p.field}” không hợp lệ: ${p.detail}`,
    /** One refusal of a row, as the list of refusals shows it. */
    rowRefusal: (p: { row: number; message: string }) => `Dòng ${p.row}: ${p.message}`,
    moreRefusals: (p: { n: number }) => `(và ${p.n} lỗi khác)`,
  },
  {
    notMultipart: 'Send the plan as multipart/form-data with a "file" field.',
    fileRequired: 'A plan file is required (the "file" field).',
    fileTooLarge: (p) => `The file is over the ${p.size} limit.`,
    tooManyParts: 'The multipart body has too many or too large parts.',
    unreadableBody: 'The multipart body could not be read.',
    fieldNotText: (p) => `"${p.field}" must be a JSON text field.`,
    fieldNotJson: (p) => `"${p.field}" is not valid JSON.`,
    fieldInvalid: (p) => `"${p.field}" is not valid: ${p.detail}`,
    rowRefusal: (p) => `Row ${p.row}: ${p.message}`,
    moreRefusals: (p) => `(and ${p.n} more)`,
  },
)

type RowParams<K extends PlanRowMessage> = (typeof planRowMessages)['vi'][K] extends (
  p: infer P,
) => string
  ? [params: P]
  : []

/**
 * A problem with one row of a plan, in English (the CLI, logs) and Vietnamese (the
 * wizard), both from planRowMessages.
 *
 * @example
 * rowProblem(7, 'budgetUnreadable', { text: 'Ngân sách' }).messageVi
 * // → 'Không đọc được số tiền kinh phí “Ngân sách”'
 */
export function rowProblem<K extends PlanRowMessage>(
  row: number,
  key: K,
  ...params: RowParams<K>
): { row: number; message: string; messageVi: string } {
  const say = (lang: Lang) => {
    const message = planRowMessages[lang][key] as string | ((p: unknown) => string)
    return typeof message === 'function' ? message(params[0]) : message
  }
  return { row, message: say('en'), messageVi: say('vi') }
}

/** A row problem in one language. */
export function rowProblemText(
  problem: { message: string; messageVi: string },
  lang: Lang,
): string {
  return lang === 'vi' ? problem.messageVi : problem.message
}
