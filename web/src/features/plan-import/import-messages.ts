import { defineMessages, plural } from '@caitien/shared'

interface Summary {
  create: number
  update: number
  unchanged: number
  problems: number
}

interface Result {
  created: number
  updated: number
  unchanged: number
}

/** The import wizard: loaded with its lazy chunk. */
export const importMessages = defineMessages(
  {
    title: 'Nhập kế hoạch',
    stepFile: 'Chọn tệp',
    stepPreview: 'Xem trước',
    stepResult: 'Kết quả',
    dropHint: (p: { choose: string }) => `Kéo thả tệp kế hoạch vào đây, hoặc ${p.choose}`,
    chooseFile: 'Chọn tệp kế hoạch',
    formats:
      'Nhận tệp Word (.docx), Excel (.xlsx) hoặc CSV (.csv), tối đa 10 MB, có bảng kế hoạch với dòng tiêu đề cột. Tệp Word cũ (.doc) hay PDF: hãy mở và lưu lại thành .docx trước.',
    safeNote: 'Chưa có gì được lưu cho đến khi bạn xác nhận ở bước sau.',
    readFailed: 'Không đọc được tệp. Hãy thử lại.',
    confirmFailed: 'Không nhập được kế hoạch. Hãy thử lại.',
    columnsTitle: 'Cột trong tệp',
    columnsHint: 'Mỗi cột của tệp được đọc thành một trường của thẻ. Sửa nếu đọc sai.',
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
    fromFile: (p: { context: string }) => `Trong tệp: ${p.context}`,
    schoolYear: (p: { year: string }) => `năm học ${p.year}`,
    reading: (p: { file: string }) => `Đang đọc tệp… ${p.file}`,
    columnNumber: (p: { n: number }) => `Cột ${p.n}`,
    columnSelect: (p: { column: string }) => `Cột: ${p.column}`,
    leadOf: (p: { lead: string }) => `Chủ trì: ${p.lead}`,
    standardGroup: (p: { code: string; name: string | null }) =>
      `Tiêu chuẩn ${p.code}${p.name ? `: ${p.name}` : ''}`,
    /** The preview in one line: "12 dòng: 9 thẻ mới, 2 cập nhật, 1 không đổi; 3 vấn đề". */
    summary: (p: Summary) =>
      `${p.create + p.update + p.unchanged} dòng: ${p.create} thẻ mới, ${p.update} cập nhật, ${p.unchanged} không đổi; ${p.problems} vấn đề`,
    result: (p: Result) =>
      `Đã tạo ${p.created} thẻ, cập nhật ${p.updated}, không đổi ${p.unchanged}.`,
    /** A problem of a row, in the server's words. */
    problem: (p: { row: number; message: string }) => `Dòng ${p.row}: ${p.message}`,
    cardCount: (p: { n: number }) => `${p.n} thẻ`,
  },
  {
    title: 'Import plan',
    stepFile: 'Choose a file',
    stepPreview: 'Preview',
    stepResult: 'Result',
    dropHint: (p) => `Drop the plan file here, or ${p.choose}`,
    chooseFile: 'Choose the plan file',
    formats:
      'Word (.docx), Excel (.xlsx) or CSV (.csv) files up to 10 MB, with the plan table and its header row. An old Word file (.doc) or a PDF: open it and save it as .docx first.',
    safeNote: 'Nothing is saved until you confirm on the next step.',
    readFailed: 'Could not read the file. Please try again.',
    confirmFailed: 'Could not import the plan. Please try again.',
    columnsTitle: 'Columns in the file',
    columnsHint:
      'Each column of the file is read into one field of the cards. Fix any wrong guess.',
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
    fromFile: (p) => `In the file: ${p.context}`,
    schoolYear: (p) => `school year ${p.year}`,
    reading: (p) => `Reading the file… ${p.file}`,
    columnNumber: (p) => `Column ${p.n}`,
    columnSelect: (p) => `Column: ${p.column}`,
    leadOf: (p) => `Lead: ${p.lead}`,
    standardGroup: (p) => `Standard ${p.code}${p.name ? `: ${p.name}` : ''}`,
    summary: (p) =>
      `${plural(p.create + p.update + p.unchanged, 'row', 'rows')}: ${plural(p.create, 'new card', 'new cards')}, ${plural(p.update, 'update', 'updates')}, ${p.unchanged} unchanged; ${plural(p.problems, 'problem', 'problems')}`,
    result: (p) =>
      `Created ${plural(p.created, 'card', 'cards')}, updated ${p.updated}, unchanged ${p.unchanged}.`,
    problem: (p) => `Row ${p.row}: ${p.message}`,
    cardCount: (p) => plural(p.n, 'card', 'cards'),
  },
)

/** Names of the plan fields a column can hold, and of the row parts `changes` may list. */
export const importFieldLabels = defineMessages(
  {
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
  {
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
)

/** A field's name; a field the app does not know yet, as the server wrote it. */
export function fieldLabel(labels: (typeof importFieldLabels)['vi'], field: string): string {
  return Object.hasOwn(labels, field) ? labels[field as keyof typeof labels] : field
}
