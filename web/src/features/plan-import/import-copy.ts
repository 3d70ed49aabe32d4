import type { Lang } from '@caitien/shared'

/** Names of the plan fields a column can hold, and of the row parts `changes` may list. */
const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    standard: 'Tiêu chuẩn',
    standardName: 'Tên tiêu chuẩn',
    criterion: 'Tiêu chí',
    criterionLabel: 'Tên tiêu chí',
    section: 'Mức',
    weakness: 'Điểm yếu',
    target: 'Kết quả cần đạt',
    tasks: 'Công việc/giải pháp',
    measures: 'Biện pháp',
    lead: 'Chủ trì',
    coordinators: 'Phối hợp',
    timeframe: 'Thời gian',
    budget: 'Kinh phí',
    fundingSource: 'Nguồn kinh phí',
    support: 'Điều kiện hỗ trợ',
    evidence: 'Minh chứng',
    notes: 'Ghi chú',
  },
  en: {
    standard: 'Standard',
    standardName: 'Standard name',
    criterion: 'Criterion',
    criterionLabel: 'Criterion name',
    section: 'Level',
    weakness: 'Weakness',
    target: 'Target result',
    tasks: 'Tasks/solutions',
    measures: 'Measures',
    lead: 'Lead',
    coordinators: 'Coordinators',
    timeframe: 'Timeframe',
    budget: 'Budget',
    fundingSource: 'Funding source',
    support: 'Other support',
    evidence: 'Evidence',
    notes: 'Notes',
  },
}

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABELS[lang][field] ?? field
}

const vi = {
  title: 'Nhập kế hoạch',
  stepFile: 'Chọn tệp',
  stepPreview: 'Xem trước',
  stepResult: 'Kết quả',
  dropHint: 'Kéo thả tệp kế hoạch vào đây, hoặc',
  chooseFile: 'Chọn tệp kế hoạch',
  formats:
    'Nhận tệp Word (.docx), Excel (.xlsx) hoặc CSV (.csv), tối đa 10 MB, có bảng kế hoạch với dòng tiêu đề cột. Tệp Word cũ (.doc) hay PDF: hãy mở và lưu lại thành .docx trước.',
  safeNote: 'Chưa có gì được lưu cho đến khi bạn xác nhận ở bước sau.',
  reading: 'Đang đọc tệp…',
  readFailed: 'Không đọc được tệp. Hãy thử lại.',
  confirmFailed: 'Không nhập được kế hoạch. Hãy thử lại.',
  fromFile: 'Trong tệp',
  schoolYear: 'năm học',
  columnsTitle: 'Cột trong tệp',
  columnsHint: 'Mỗi cột của tệp được đọc thành một trường của thẻ. Sửa nếu đọc sai.',
  column: 'Cột',
  heading: 'Tiêu đề cột',
  field: 'Đọc thành',
  ignoreColumn: '— Bỏ qua cột —',
  reusedColumns: 'Các cột được đọc như lần nhập trước của tệp có cùng tiêu đề cột.',
  readAfresh: 'Đọc lại tự động',
  rowsTitle: 'Các dòng của tệp',
  rowNumber: 'Dòng',
  criterion: 'Tiêu chí',
  tasks: 'Công việc/giải pháp',
  lead: 'Chủ trì',
  timeframe: 'Thời gian',
  budget: 'Kinh phí',
  action: 'Kết quả',
  actionCreate: 'Mới',
  actionUpdate: 'Cập nhật',
  actionUnchanged: 'Không đổi',
  unknownCriterion: 'Tiêu chí không có trong bộ tiêu chí của kế hoạch',
  noBudget: 'Không có',
  problemsTitle: 'Dòng cần xem lại',
  noProblems: 'Không có vấn đề nào.',
  leadsTitle: 'Người chủ trì',
  leadsHint:
    'Chọn tài khoản cho từng người chủ trì ghi trong tệp: các thẻ mới sẽ được giao cho họ. Lựa chọn được nhớ cho lần nhập sau.',
  noLeads: 'Tệp không ghi người chủ trì.',
  chooseMembers: 'Chọn người',
  nobody: 'Chưa chọn ai',
  nothingNew: 'Không có thẻ mới: tệp này đã được nhập.',
  back: 'Quay lại',
  confirm: 'Xác nhận nhập',
  confirming: 'Đang nhập…',
  updating: 'Đang đọc lại…',
  viewBoard: 'Xem bảng',
  importAnother: 'Nhập tệp khác',
}

export type ImportCopy = typeof vi

const en: ImportCopy = {
  title: 'Import plan',
  stepFile: 'Choose a file',
  stepPreview: 'Preview',
  stepResult: 'Result',
  dropHint: 'Drop the plan file here, or',
  chooseFile: 'Choose the plan file',
  formats:
    'Word (.docx), Excel (.xlsx) or CSV (.csv) files up to 10 MB, with the plan table and its header row. An old Word file (.doc) or a PDF: open it and save it as .docx first.',
  safeNote: 'Nothing is saved until you confirm on the next step.',
  reading: 'Reading the file…',
  readFailed: 'Could not read the file. Please try again.',
  confirmFailed: 'Could not import the plan. Please try again.',
  fromFile: 'In the file',
  schoolYear: 'school year',
  columnsTitle: 'Columns in the file',
  columnsHint: 'Each column of the file is read into one field of the cards. Fix any wrong guess.',
  column: 'Column',
  heading: 'Heading',
  field: 'Read as',
  ignoreColumn: '— Ignore column —',
  reusedColumns: 'The columns are read as in the last import of a file with the same headings.',
  readAfresh: 'Read them afresh',
  rowsTitle: 'Rows of the file',
  rowNumber: 'Row',
  criterion: 'Criterion',
  tasks: 'Tasks/solutions',
  lead: 'Lead',
  timeframe: 'Timeframe',
  budget: 'Budget',
  action: 'Result',
  actionCreate: 'New',
  actionUpdate: 'Update',
  actionUnchanged: 'Unchanged',
  unknownCriterion: 'Criterion not in the plan’s framework',
  noBudget: 'None',
  problemsTitle: 'Rows to check',
  noProblems: 'No problems.',
  leadsTitle: 'Leads',
  leadsHint:
    'Pick the accounts for each lead named in the file: new cards are assigned to them. The choice is remembered for the next import.',
  noLeads: 'The file names no leads.',
  chooseMembers: 'Choose people',
  nobody: 'Nobody chosen',
  nothingNew: 'No new cards: this file has already been imported.',
  back: 'Back',
  confirm: 'Confirm import',
  confirming: 'Importing…',
  updating: 'Reading again…',
  viewBoard: 'View board',
  importAnother: 'Import another file',
}

export const IMPORT_COPY: Record<Lang, ImportCopy> = { vi, en }

interface Summary {
  create: number
  update: number
  unchanged: number
  problems: number
}

/**
 * The preview in one line.
 *
 * @example
 * summaryLine({ create: 9, update: 2, unchanged: 1, problems: 3 }, 'vi')
 * // → '12 dòng: 9 thẻ mới, 2 cập nhật, 1 không đổi; 3 vấn đề'
 */
export function summaryLine(s: Summary, lang: Lang): string {
  const rows = s.create + s.update + s.unchanged
  if (lang === 'vi') {
    return `${rows} dòng: ${s.create} thẻ mới, ${s.update} cập nhật, ${s.unchanged} không đổi; ${s.problems} vấn đề`
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  return `${plural(rows, 'row', 'rows')}: ${plural(s.create, 'new card', 'new cards')}, ${plural(s.update, 'update', 'updates')}, ${s.unchanged} unchanged; ${plural(s.problems, 'problem', 'problems')}`
}

/** "Đã tạo 8 thẻ, cập nhật 0, không đổi 0." */
export function resultLine(
  r: { created: number; updated: number; unchanged: number },
  lang: Lang,
): string {
  return lang === 'vi'
    ? `Đã tạo ${r.created} thẻ, cập nhật ${r.updated}, không đổi ${r.unchanged}.`
    : `Created ${r.created} ${r.created === 1 ? 'card' : 'cards'}, updated ${r.updated}, unchanged ${r.unchanged}.`
}

/** "Dòng 7: …", the message as the server wrote it. */
export function problemLine(p: { row: number; message: string }, lang: Lang): string {
  return `${lang === 'vi' ? 'Dòng' : 'Row'} ${p.row}: ${p.message}`
}

/** "Chủ trì · 3 thẻ" beside a lead text. */
export function cardCount(n: number, lang: Lang): string {
  return lang === 'vi' ? `${n} thẻ` : `${n} ${n === 1 ? 'card' : 'cards'}`
}

/** "Cột 3" for a column without a heading. */
export function columnName(index: number, heading: string, lang: Lang): string {
  return heading.trim() || `${IMPORT_COPY[lang].column} ${index + 1}`
}
