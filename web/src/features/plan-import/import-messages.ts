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
    proseTitle: 'Tìm thấy trong văn bản',
    proseHint:
      'Các hoạt động viết thành đoạn văn trong mục “Tổ chức thực hiện” có nêu tiêu chí. Đánh dấu những dòng cần nhập thành thẻ.',
    proseAccept: (p: { lead: string }) => `Nhập hoạt động của ${p.lead}`,
    proseNoLead: '(không nêu người chủ trì)',
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
    nothingNew:
      'Không có thẻ mới: mọi dòng của tệp đã có thẻ giống hệt trong kế hoạch (tệp này đã được nhập).',
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
    titleInto: (p: { plan: string }) => `Nhập kế hoạch vào “${p.plan}”`,
    titleIntoNew: 'Nhập kế hoạch vào một kế hoạch mới',
    stepNewPlan: 'Kế hoạch mới',
    targetLegend: 'Nhập vào',
    targetNew: 'Một kế hoạch mới',
    targetNewHint:
      'Tạo từ năm học và bộ tiêu chí ghi trong tệp; bạn sửa được trước khi tạo. Không thêm gì vào kế hoạch đang có.',
    targetPlan: (p: { title: string; year: string }) => `${p.title} (năm học ${p.year})`,
    targetInView: 'đang xem',
    newPlanIntro: (p: { file: string }) =>
      `Kế hoạch mới cho tệp ${p.file}. Năm học và bộ tiêu chí được đọc từ tệp; sửa nếu cần.`,
    newPlanDetected: (p: { found: string }) => `Trong tệp: ${p.found}`,
    newPlanNothingDetected: 'Tệp không ghi năm học hay thông tư: hãy chọn.',
    planTitle: 'Tên kế hoạch',
    defaultPlanTitle: (p: { year: string }) =>
      `Kế hoạch cải tiến chất lượng giáo dục năm học ${p.year}`,
    planSchoolYear: 'Năm học',
    planFramework: 'Bộ tiêu chí',
    frameworkOption: (p: { code: string; title: string }) => `${p.code} · ${p.title}`,
    createPlan: 'Tạo kế hoạch và xem trước',
    creatingPlan: 'Đang tạo…',
    createPlanFailed: 'Không tạo được kế hoạch. Hãy thử lại.',
    rowsInFile: (p: { n: number }) => `${p.n} dòng kế hoạch`,
    importingInto: (p: { plan: string; year: string }) =>
      `Nhập vào kế hoạch “${p.plan}”, năm học ${p.year}`,
    compareTitle: 'So với kế hoạch',
    compareYear: (p: { file: string; plan: string }) =>
      `Năm học: tệp ${p.file}, kế hoạch ${p.plan}`,
    compareYearSame: (p: { year: string }) => `Năm học ${p.year}: giống kế hoạch`,
    compareYearUnknown: (p: { plan: string }) =>
      `Tệp không ghi năm học; kế hoạch là năm học ${p.plan}`,
    compareFramework: (p: { file: string; plan: string }) =>
      `Bộ tiêu chí khác nhau: tệp theo ${p.file}, kế hoạch theo ${p.plan}. Tiêu chí không có trong bộ của kế hoạch được đánh dấu ở từng dòng.`,
    compareFrameworkSame: (p: { code: string }) => `Bộ tiêu chí ${p.code}: giống kế hoạch`,
    compareFrameworkUnknown: 'Tệp không ghi thông tư; không so được bộ tiêu chí.',
    timeframesLegend: 'Thời gian thực hiện trong tệp thuộc năm học khác. Bạn muốn:',
    timeframesShift: (p: { year: string }) => `Chuyển các tháng sang năm học ${p.year}`,
    timeframesShiftHint:
      'Mỗi tháng giữ số tháng và chuyển vào năm học của kế hoạch (tháng 8 đến tháng 7).',
    timeframesKeep: 'Giữ nguyên như trong tệp',
    timeframesKeepHint: 'Các thẻ có thể bị đánh dấu quá hạn ngay khi nhập.',
    timeframesChoose: 'Hãy chọn cách xử lý thời gian thực hiện trước khi xác nhận.',
    timeframesBefore: 'Trong tệp',
    timeframesAfter: 'Sau khi chuyển',
    timeframesUnchanged: 'không đổi',
    oddKept: 'Giữ nguyên',
    oddBareYear: 'có năm không kèm tháng',
    oddSpansYears: 'kéo dài hơn một năm học',
    oddCrossesYear: 'vắt qua hai năm học',
    oddTitle: (p: { n: number }) => `${p.n} thời gian được giữ nguyên, hãy xem lại sau khi nhập:`,
    emptyTable:
      'Bảng kế hoạch trong tệp không có dòng nào: chỉ có dòng tiêu đề cột. Không có gì để nhập.',
    emptyFound: 'Tệp còn có:',
    emptyHeadings: 'Các dòng chữ ngoài bảng',
    emptyTables: 'Các bảng khác',
    emptyTable1: (p: { rows: number; columns: number; text: string }) =>
      `Bảng ${p.rows} dòng × ${p.columns} cột${p.text ? `: “${p.text}”` : ''}`,
    emptyNothingElse: 'Tệp không có gì khác ngoài bảng này.',
    undoLater: 'Có thể hoàn tác lần nhập này trong lịch sử kế hoạch.',
    openHistory: 'Mở lịch sử kế hoạch',
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
    proseTitle: 'Found in the text',
    proseHint:
      'Actions written as paragraphs under "Tổ chức thực hiện" that name a criterion. Tick those to import as cards.',
    proseAccept: (p: { lead: string }) => `Import the action of ${p.lead}`,
    proseNoLead: '(no lead named)',
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
    nothingNew:
      'No new cards: every row of the file matches an identical card of the plan (this file has already been imported).',
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
    titleInto: (p) => `Import a plan into “${p.plan}”`,
    titleIntoNew: 'Import a plan into a new plan',
    stepNewPlan: 'New plan',
    targetLegend: 'Import into',
    targetNew: 'A new plan',
    targetNewHint:
      'Made from the school year and framework the file states; you can change them first. Nothing is added to an existing plan.',
    targetPlan: (p) => `${p.title} (school year ${p.year})`,
    targetInView: 'in view',
    newPlanIntro: (p) =>
      `A new plan for ${p.file}. The school year and framework are read from the file; change them if needed.`,
    newPlanDetected: (p) => `In the file: ${p.found}`,
    newPlanNothingDetected: 'The file states no school year or circular: please choose.',
    planTitle: 'Plan title',
    defaultPlanTitle: (p) => `Education quality improvement plan, school year ${p.year}`,
    planSchoolYear: 'School year',
    planFramework: 'Criteria framework',
    frameworkOption: (p) => `${p.code} · ${p.title}`,
    createPlan: 'Create the plan and preview',
    creatingPlan: 'Creating…',
    createPlanFailed: 'Could not create the plan. Please try again.',
    rowsInFile: (p) => plural(p.n, 'plan row', 'plan rows'),
    importingInto: (p) => `Importing into “${p.plan}”, school year ${p.year}`,
    compareTitle: 'Compared with the plan',
    compareYear: (p) => `School year: file ${p.file}, plan ${p.plan}`,
    compareYearSame: (p) => `School year ${p.year}: same as the plan`,
    compareYearUnknown: (p) => `The file states no school year; the plan is ${p.plan}`,
    compareFramework: (p) =>
      `Different frameworks: the file follows ${p.file}, the plan ${p.plan}. Criteria the plan's framework lacks are marked on their rows.`,
    compareFrameworkSame: (p) => `Framework ${p.code}: same as the plan`,
    compareFrameworkUnknown: 'The file cites no circular; the frameworks cannot be compared.',
    timeframesLegend: 'The timeframes in the file belong to another school year. Do you want to:',
    timeframesShift: (p) => `Move the months into school year ${p.year}`,
    timeframesShiftHint:
      'Each month keeps its number and moves into the plan’s school year (August to July).',
    timeframesKeep: 'Keep them as in the file',
    timeframesKeepHint: 'Cards may be marked overdue as soon as they are imported.',
    timeframesChoose: 'Choose what to do with the timeframes before confirming.',
    timeframesBefore: 'In the file',
    timeframesAfter: 'After the move',
    timeframesUnchanged: 'unchanged',
    oddKept: 'Kept as written',
    oddBareYear: 'a year without a month',
    oddSpansYears: 'longer than a school year',
    oddCrossesYear: 'runs across two school years',
    oddTitle: (p) =>
      `${plural(p.n, 'timeframe is', 'timeframes are')} kept as written; check them after the import:`,
    emptyTable:
      'The plan table in the file has no rows, only its header row. There is nothing to import.',
    emptyFound: 'The file also holds:',
    emptyHeadings: 'Text outside the table',
    emptyTables: 'Other tables',
    emptyTable1: (p) =>
      `A table of ${plural(p.rows, 'row', 'rows')} × ${plural(p.columns, 'column', 'columns')}${p.text ? `: “${p.text}”` : ''}`,
    emptyNothingElse: 'The file holds nothing else besides this table.',
    undoLater: 'This import can be undone from the plan’s history.',
    openHistory: 'Open the plan history',
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
