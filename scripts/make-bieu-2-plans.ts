/**
 * Writes synthetic Biểu 2 (TT57/2026) plans, each as .docx and .xlsx with its ground truth,
 * into test/fixtures/plans/. Fictional schools; the form as reported (shared/src/forms):
 *
 * - synthetic-bieu-2-form-wording: the form's own headings with the numbered row
 *   "(1)…(10)" under them, "Nội dung cải tiến" merged down over its activity rows, no
 *   criterion column at all, table IV with one problem naming a criterion and one naming
 *   none. In Excel, tables IV and V share one sheet under title rows.
 * - synthetic-bieu-2-other-wordings: "STT", "Mục tiêu (3)", "Hoạt động, giải pháp",
 *   "Phụ trách", "Minh chứng dự kiến", a column worded unlike the form but numbered
 *   "Kết quả thực hiện (10)", no numbered row; table IV "Tiêu chí liên quan (nếu có)"
 *   listing several criteria, one, or none; a header block and signature table around the
 *   tables, sections I–VIII as headings and paragraphs. In Excel, tables IV and V on two
 *   sheets.
 *
 * Run from the repository root: `npx tsx scripts/make-bieu-2-plans.ts`.
 * Written with the `docx` and `exceljs` packages (the server's dependencies), not with the
 * parser's own code, so a reader bug cannot hide in a matching writer bug.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { PLAN_ROW_FIELDS } from '../server/src/plans/import/understand-table.ts'

const requireFromServer = createRequire(new URL('../server/package.json', import.meta.url))
const docx = requireFromServer('docx') as typeof import('docx')
const ExcelJS = requireFromServer('exceljs') as typeof import('exceljs')

const outDir = fileURLToPath(new URL('../test/fixtures/plans/', import.meta.url))

/** The fields of an expected row: the parser's, and the problem the row is linked to. */
const ROW_FIELDS = [...PLAN_ROW_FIELDS, 'priorityProblem'] as const
type RowField = (typeof ROW_FIELDS)[number]

/** Table V's columns in the form's order; a fixture gives each its own heading. */
type V =
  | 'tt'
  | 'content'
  | 'target'
  | 'tasks'
  | 'indicators'
  | 'time'
  | 'lead'
  | 'support'
  | 'evidence'
  | 'level'
const V_COLUMNS: V[] = [
  'tt',
  'content',
  'target',
  'tasks',
  'indicators',
  'time',
  'lead',
  'support',
  'evidence',
  'level',
]
const V_FIELD: Record<V, RowField | null> = {
  tt: null,
  content: 'improvementContent',
  target: 'target',
  tasks: 'tasks',
  indicators: 'indicators',
  time: 'timeframe',
  lead: 'lead',
  support: 'support',
  evidence: 'evidence',
  level: 'completionLevel',
}

interface Problem {
  index: string
  standard: string
  criteriaText: string
  criteria: string[]
  currentState: string
  weakness: string
  cause: string
}

/** A group of table V rows under one "Nội dung cải tiến" (merged down over them or repeated). */
interface Group {
  content: string
  /** Which problem the parser links the group to, and what it takes from it. */
  problem: number
  standard: string | null
  criterion: string | null
  rows: Partial<Record<Exclude<V, 'tt' | 'content'>, string>>[]
}

interface Plan {
  id: string
  headerBlock: [string[], string[]]
  title: string[]
  school: string
  schoolYear: string
  /** Paragraphs before table IV: sections I–III. */
  before: { heading: string; lines: string[] }[]
  problemHeadings: string[]
  problems: Problem[]
  vHeadings: Record<V, string>
  numberedRow: boolean
  mergeContent: boolean
  groups: Group[]
  after: { heading: string; lines: string[] }[]
  /** Excel: tables IV and V on one sheet, or each on its own. */
  oneSheet: boolean
}

const FORM_PROBLEM_HEADINGS = [
  'TT',
  'Tiêu chuẩn',
  'Tiêu chí liên quan (nếu có)',
  'Đánh giá hiện trạng',
  'Điểm hạn chế',
  'Nguyên nhân của hạn chế',
]

const FOLLOW_UP = {
  heading: 'VI. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN',
  columns: [
    'Thời điểm',
    'Nội dung theo dõi',
    'Kết quả thực hiện',
    'Điều chỉnh (nếu có)',
    'Người đánh giá',
  ],
  rows: [
    ['Cuối học kỳ I', '', '', '', ''],
    ['Cuối năm học', '', '', '', ''],
  ],
}

const formWording: Plan = {
  id: 'synthetic-bieu-2-form-wording',
  headerBlock: [
    ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO GIẢ ĐỊNH', 'TRƯỜNG TIỂU HỌC GIẢ ĐỊNH HOA SEN'],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  ],
  title: ['KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC', 'Năm học 2026-2027'],
  school: 'Trường Tiểu học Giả Định Hoa Sen',
  schoolYear: '2026-2027',
  before: [
    {
      heading: 'I. THÔNG TIN CHUNG',
      lines: ['Trường Tiểu học Giả Định Hoa Sen, 18 lớp, 640 học sinh (số liệu giả định).'],
    },
    {
      heading: 'II. CĂN CỨ XÂY DỰNG KẾ HOẠCH',
      lines: [
        'Căn cứ Thông tư số 57/2026/TT-BGDĐT ngày 07/7/2026 của Bộ Giáo dục và Đào tạo;',
        'Căn cứ kết quả tự đánh giá năm học 2025-2026 của nhà trường.',
      ],
    },
    { heading: 'III. MỤC ĐÍCH, YÊU CẦU', lines: ['Khắc phục các hạn chế trọng tâm đã nêu.'] },
  ],
  problemHeadings: FORM_PROBLEM_HEADINGS,
  problems: [
    {
      index: '1',
      standard: 'Tiêu chuẩn 1',
      criteriaText: 'Tiêu chí 1.4',
      criteria: ['1.4'],
      currentState: 'Tổ chuyên môn sinh hoạt định kỳ 2 lần/tháng, nội dung chủ yếu là hành chính.',
      weakness: 'Sinh hoạt chuyên môn chưa theo hướng nghiên cứu bài học.',
      cause: 'Tổ trưởng chưa được bồi dưỡng về nghiên cứu bài học.',
    },
    {
      index: '2',
      standard: 'Tiêu chuẩn 3',
      criteriaText: '',
      criteria: [],
      currentState: 'Thư viện có 2.100 bản sách, ít sách tham khảo mới.',
      weakness: 'Thư viện thiếu đầu sách tham khảo và chưa có góc đọc ngoài trời.',
      cause: 'Kinh phí bổ sung sách hằng năm còn hạn chế.',
    },
  ],
  vHeadings: {
    tt: 'TT',
    content: 'Nội dung cải tiến',
    target: 'Mục tiêu cải tiến',
    tasks: 'Hoạt động/giải pháp',
    indicators: 'Chỉ số đánh giá kết quả',
    time: 'Thời gian thực hiện',
    lead: 'Đơn vị/cá nhân phụ trách',
    support: 'Nguồn lực bảo đảm',
    evidence: 'Thông tin, dữ liệu hoặc minh chứng dự kiến',
    level: 'Mức độ thực hiện',
  },
  numberedRow: true,
  mergeContent: true,
  groups: [
    {
      content: 'Đổi mới sinh hoạt chuyên môn theo nghiên cứu bài học',
      problem: 0,
      standard: '1',
      criterion: '1.4',
      rows: [
        {
          target: '100% tổ trưởng chuyên môn được bồi dưỡng',
          tasks: 'Tổ chức 2 buổi bồi dưỡng tổ trưởng về nghiên cứu bài học',
          indicators: 'Số tổ trưởng được bồi dưỡng/tổng số tổ trưởng',
          time: 'Tháng 9/2026 - Tháng 10/2026',
          lead: 'Phó Hiệu trưởng chuyên môn',
          support: 'Báo cáo viên của Phòng GD&ĐT',
          evidence: 'Kế hoạch bồi dưỡng;\nDanh sách tham dự',
          level: 'Hoàn thành',
        },
        {
          target: 'Mỗi tổ sinh hoạt ít nhất 1 chuyên đề/tháng',
          tasks: 'Các tổ sinh hoạt chuyên môn theo nghiên cứu bài học',
          indicators: 'Số chuyên đề/tháng của mỗi tổ',
          time: 'Tháng 10/2026 - Tháng 5/2027',
          lead: 'Tổ trưởng chuyên môn',
          evidence: 'Biên bản sinh hoạt chuyên môn',
          level: 'Đang thực hiện',
        },
        {
          tasks: 'Dự giờ, góp ý bài học minh họa',
          time: 'Tháng 11/2026',
          lead: 'Ban giám hiệu',
          evidence: 'Phiếu dự giờ',
        },
      ],
    },
    {
      content: 'Phát triển thư viện thân thiện',
      problem: 1,
      standard: '3',
      criterion: null,
      rows: [
        {
          target: 'Bổ sung 300 đầu sách tham khảo',
          tasks: 'Vận động xã hội hóa, mua sắm sách tham khảo',
          indicators: 'Số đầu sách bổ sung',
          time: 'Tháng 9/2026 - Tháng 3/2027',
          lead: 'Nhân viên thư viện',
          support: 'Ngân sách chi thường xuyên; nguồn xã hội hóa',
          evidence: 'Sổ đăng ký sách',
        },
        {
          target: 'Có 1 góc đọc ngoài trời',
          tasks: 'Cải tạo sân sau thành góc đọc ngoài trời',
          indicators: 'Góc đọc đưa vào sử dụng',
          time: 'Tháng 4/2027',
          lead: 'Hiệu trưởng',
          evidence: 'Ảnh chụp góc đọc',
          level: 'Chưa hoàn thành',
        },
      ],
    },
  ],
  after: [
    { heading: 'VII. TỔ CHỨC THỰC HIỆN', lines: ['Hiệu trưởng chỉ đạo chung; các tổ thực hiện.'] },
    {
      heading: 'VIII. CƠ CHẾ ĐÁNH GIÁ VÀ BÁO CÁO',
      lines: ['Báo cáo cuối học kỳ I và cuối năm học.'],
    },
  ],
  oneSheet: true,
}

const otherWordings: Plan = {
  id: 'synthetic-bieu-2-other-wordings',
  headerBlock: [
    ['UBND XÃ GIẢ ĐỊNH', 'TRƯỜNG MẦM NON GIẢ ĐỊNH SAO MAI', 'Số: 15/KH-MNSM'],
    [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Giả Định, ngày 20 tháng 9 năm 2026',
    ],
  ],
  title: ['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2026 - 2027'],
  school: 'Trường Mầm non Giả Định Sao Mai',
  schoolYear: '2026-2027',
  before: [
    { heading: 'I. Thông tin chung', lines: ['Trường Mầm non Giả Định Sao Mai có 9 nhóm, lớp.'] },
    {
      heading: 'II. Căn cứ xây dựng kế hoạch',
      lines: ['Thông tư 57/2026/TT-BGDĐT quy định về kiểm định chất lượng giáo dục;'],
    },
    { heading: 'III. Mục đích, yêu cầu', lines: ['Tập trung vào các vấn đề trọng tâm.'] },
  ],
  problemHeadings: [
    'STT',
    'Tiêu chuẩn',
    'Tiêu chí liên quan (nếu có)',
    'Hiện trạng',
    'Hạn chế',
    'Nguyên nhân',
  ],
  problems: [
    {
      index: '1',
      standard: 'Tiêu chuẩn 2: Cán bộ quản lý, giáo viên, nhân viên',
      criteriaText: 'Tiêu chí 2.1; Tiêu chí 2.3',
      criteria: ['2.1', '2.3'],
      currentState: '12/15 giáo viên đạt chuẩn nghề nghiệp mức khá trở lên.',
      weakness: 'Một số giáo viên còn lúng túng khi tổ chức hoạt động trải nghiệm cho trẻ.',
      cause: 'Ít được dự giờ, học hỏi mô hình tốt.',
    },
    {
      index: '2',
      standard: 'Tiêu chuẩn 5',
      criteriaText: '5.2',
      criteria: ['5.2'],
      currentState: 'Sân chơi có 4 khu vận động.',
      weakness: 'Khu vui chơi ngoài trời chưa phong phú.',
      cause: 'Diện tích sân hẹp.',
    },
    {
      index: '3',
      standard: 'Tiêu chuẩn 4',
      criteriaText: '',
      criteria: [],
      currentState: 'Cha mẹ trẻ ít tham gia hoạt động của lớp.',
      weakness: 'Phối hợp với gia đình chưa thường xuyên.',
      cause: 'Chưa có kênh trao đổi định kỳ.',
    },
  ],
  vHeadings: {
    tt: 'STT',
    content: 'Nội dung cải tiến',
    target: 'Mục tiêu (3)',
    tasks: 'Hoạt động, giải pháp',
    indicators: 'Chỉ số đánh giá (5)',
    time: 'Thời gian',
    lead: 'Phụ trách',
    support: 'Nguồn lực',
    evidence: 'Minh chứng dự kiến',
    level: 'Kết quả thực hiện (10)',
  },
  numberedRow: false,
  mergeContent: false,
  groups: [
    {
      content: 'Giáo viên còn lúng túng khi tổ chức hoạt động trải nghiệm cho trẻ',
      problem: 0,
      standard: '2',
      criterion: null,
      rows: [
        {
          target: '100% giáo viên tổ chức được hoạt động trải nghiệm',
          tasks: 'Tổ chức chuyên đề hoạt động trải nghiệm cấp trường',
          indicators: 'Tỉ lệ giáo viên đạt yêu cầu khi dự giờ',
          time: 'Tháng 10/2026',
          lead: 'Phó Hiệu trưởng',
          evidence: 'Kế hoạch chuyên đề',
          level: 'Đang thực hiện',
        },
        {
          tasks: 'Dự giờ, rút kinh nghiệm',
          time: 'Tháng 11/2026 - Tháng 1/2027',
          lead: 'Tổ chuyên môn',
          evidence: 'Phiếu dự giờ',
        },
      ],
    },
    {
      content: 'Tiêu chí 5.2: Làm phong phú khu vui chơi ngoài trời',
      problem: 1,
      standard: '5',
      criterion: '5.2',
      rows: [
        {
          target: 'Thêm 2 khu vận động',
          tasks: 'Làm đồ chơi ngoài trời từ nguyên vật liệu tái chế',
          indicators: 'Số khu vận động mới',
          time: 'Tháng 12/2026 - Tháng 2/2027',
          lead: 'Tổ Mẫu giáo lớn',
          support: 'Cha mẹ trẻ đóng góp nguyên vật liệu',
          evidence: 'Ảnh chụp khu vui chơi',
        },
      ],
    },
    {
      content: 'Tăng cường phối hợp với cha mẹ trẻ',
      problem: 2,
      standard: '4',
      criterion: null,
      rows: [
        {
          target: 'Mỗi lớp có nhóm trao đổi với cha mẹ trẻ',
          tasks: 'Lập nhóm trao đổi, họp cha mẹ trẻ mỗi quý',
          indicators: 'Số buổi họp/quý',
          time: 'Tháng 9/2026 - Tháng 5/2027',
          lead: 'Giáo viên chủ nhiệm các lớp',
          evidence: 'Biên bản họp cha mẹ trẻ',
          level: 'Hoàn thành',
        },
      ],
    },
  ],
  after: [
    { heading: 'VII. Tổ chức thực hiện', lines: ['Hiệu trưởng phân công thực hiện.'] },
    { heading: 'VIII. Cơ chế đánh giá và báo cáo', lines: ['Đánh giá hai lần mỗi năm học.'] },
  ],
  oneSheet: false,
}

const problemCells = (p: Problem) => [
  p.index,
  p.standard,
  p.criteriaText,
  p.currentState,
  p.weakness,
  p.cause,
]

/** Table V as a grid of text; null where a merged "Nội dung cải tiến" covers the cell. */
function planGrid(plan: Plan): { cells: (string | null)[]; contentSpan: number }[] {
  const out: { cells: (string | null)[]; contentSpan: number }[] = []
  let tt = 0
  for (const group of plan.groups) {
    group.rows.forEach((row, i) => {
      tt++
      const first = i === 0
      const cells = V_COLUMNS.map((c) => {
        if (c === 'tt') return String(tt)
        if (c === 'content') return plan.mergeContent && !first ? null : group.content
        return row[c] ?? ''
      })
      out.push({ cells, contentSpan: plan.mergeContent && first ? group.rows.length : 1 })
    })
  }
  return out
}

function expectedOf(plan: Plan) {
  const rows = plan.groups.flatMap((group) =>
    group.rows.map((row) => {
      const fields = Object.fromEntries(ROW_FIELDS.map((f) => [f, null])) as Record<
        RowField,
        string | number | null
      >
      for (const c of V_COLUMNS) {
        const field = V_FIELD[c]
        if (!field) continue
        fields[field] =
          c === 'content' ? group.content : (row[c as Exclude<V, 'tt' | 'content'>] ?? null)
      }
      fields.standard = group.standard
      fields.criterion = group.criterion
      fields.priorityProblem = group.problem
      return fields
    }),
  )
  return {
    source: null,
    school: plan.school,
    schoolYear: plan.schoolYear,
    circular: 'TT57-2026',
    columns: V_COLUMNS.map((c) => plan.vHeadings[c]),
    rows,
    priorityProblems: plan.problems.map((p) => ({
      index: p.index,
      standard: p.standard,
      criteria: p.criteria,
      criteriaText: p.criteriaText || null,
      currentState: p.currentState,
      weakness: p.weakness,
      cause: p.cause,
    })),
    doubts: [
      'Synthetic: a fictional school, written by scripts/make-bieu-2-plans.ts.',
      'Table V has no criterion column: standard and criterion come from the linked table IV problem (decision 024).',
    ],
  }
}

// ---------------------------------------------------------------- Word

const {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} = docx

const paragraphs = (text: string, bold = false) =>
  text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }))

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
}

function borderless(columns: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: columns.map(
          (lines) =>
            new TableCell({
              children: lines.map(
                (line, i) =>
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new TextRun({ text: line, bold: i < 2 })],
                  }),
              ),
            }),
        ),
      }),
    ],
  })
}

function gridTable(header: string[], rows: string[][], extra: TableRow[] = []) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => new TableCell({ children: paragraphs(h, true) })),
      }),
      ...extra,
      ...rows.map(
        (r) => new TableRow({ children: r.map((t) => new TableCell({ children: paragraphs(t) })) }),
      ),
    ],
  })
}

function planTable(plan: Plan) {
  const header = V_COLUMNS.map((c) => plan.vHeadings[c])
  const numbered = plan.numberedRow
    ? [
        new TableRow({
          tableHeader: true,
          children: header.map(
            (_, i) =>
              new TableCell({
                children: [new Paragraph({ alignment: AlignmentType.CENTER, text: `(${i + 1})` })],
              }),
          ),
        }),
      ]
    : []
  const body = planGrid(plan).map(
    ({ cells, contentSpan }) =>
      new TableRow({
        children: cells.map((text, c) => {
          if (text === null)
            return new TableCell({
              verticalMerge: VerticalMergeType.CONTINUE,
              children: [new Paragraph('')],
            })
          const merge =
            V_COLUMNS[c] === 'content' && contentSpan > 1
              ? { verticalMerge: VerticalMergeType.RESTART }
              : {}
          return new TableCell({ ...merge, children: paragraphs(text) })
        }),
      }),
  )
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => new TableCell({ children: paragraphs(h, true) })),
      }),
      ...numbered,
      ...body,
    ],
  })
}

const section = (s: { heading: string; lines: string[] }) => [
  new Paragraph({ children: [new TextRun({ text: s.heading, bold: true })] }),
  ...s.lines.map((l) => new Paragraph(l)),
]

async function writeDocx(plan: Plan) {
  const doc = new Document({
    creator: 'caitien test fixtures (synthetic)',
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          borderless(plan.headerBlock),
          ...plan.title.map(
            (t, i) =>
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: t, bold: i === 0 })],
              }),
          ),
          ...plan.before.flatMap(section),
          new Paragraph({
            children: [
              new TextRun({ text: 'IV. TÓM TẮT CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN', bold: true }),
            ],
          }),
          gridTable(plan.problemHeadings, plan.problems.map(problemCells)),
          new Paragraph({
            children: [new TextRun({ text: 'V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG', bold: true })],
          }),
          planTable(plan),
          new Paragraph({ children: [new TextRun({ text: FOLLOW_UP.heading, bold: true })] }),
          gridTable(FOLLOW_UP.columns, FOLLOW_UP.rows),
          ...plan.after.flatMap(section),
          borderless([
            ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
            ['HIỆU TRƯỞNG', '(Ký, ghi rõ họ tên)', '', 'Nguyễn Thị Giả Định'],
          ]),
        ],
      },
    ],
  })
  writeFileSync(`${outDir}${plan.id}.docx`, await Packer.toBuffer(doc))
}

// ---------------------------------------------------------------- Excel

async function writeXlsx(plan: Plan) {
  const book = new ExcelJS.Workbook()
  book.creator = 'caitien test fixtures (synthetic)'
  const width = V_COLUMNS.length
  const thin = { style: 'thin' as const }
  const box = { top: thin, left: thin, bottom: thin, right: thin }
  const titleRow = (sheet: import('exceljs').Worksheet, text: string, bold = true) => {
    const row = sheet.addRow([text])
    sheet.mergeCells(row.number, 1, row.number, width)
    row.font = { bold }
  }
  const tableRows = (
    sheet: import('exceljs').Worksheet,
    header: string[],
    rows: (string | null)[][],
  ) => {
    const first = sheet.addRow(header)
    first.font = { bold: true }
    for (const r of rows) sheet.addRow(r.map((t) => t ?? ''))
    for (let n = first.number; n <= sheet.rowCount; n++)
      sheet.getRow(n).eachCell({ includeEmpty: false }, (cell) => {
        cell.border = box
        cell.alignment = { wrapText: true, vertical: 'top' }
      })
    return first.number
  }

  const planSheet = (sheet: import('exceljs').Worksheet) => {
    titleRow(sheet, 'V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG')
    const grid = planGrid(plan)
    const header = V_COLUMNS.map((c) => plan.vHeadings[c])
    const numbers = plan.numberedRow ? [V_COLUMNS.map((_, i) => `(${i + 1})`)] : []
    const start = tableRows(sheet, header, [...numbers, ...grid.map((g) => g.cells)])
    const bodyStart = start + 1 + numbers.length
    const contentCol = V_COLUMNS.indexOf('content') + 1
    grid.forEach((g, i) => {
      if (g.contentSpan > 1)
        sheet.mergeCells(bodyStart + i, contentCol, bodyStart + i + g.contentSpan - 1, contentCol)
    })
    sheet.views = [{ state: 'frozen', ySplit: start }]
    sheet.columns.forEach((col) => (col.width = 22))
  }

  const first = book.addWorksheet(plan.oneSheet ? 'Kế hoạch' : 'IV. Vấn đề trọng tâm')
  titleRow(first, plan.headerBlock[0][plan.headerBlock[0].length - (plan.oneSheet ? 1 : 2)]!)
  titleRow(first, `${plan.title.join(' ')}`)
  titleRow(first, '(Biểu 2, Mẫu số 2, Phụ lục V, Thông tư số 57/2026/TT-BGDĐT)', false)
  first.addRow([])
  titleRow(first, 'IV. TÓM TẮT CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN')
  tableRows(first, plan.problemHeadings, plan.problems.map(problemCells))
  first.columns.forEach((col) => (col.width = 22))
  if (plan.oneSheet) {
    first.addRow([])
    planSheet(first)
  } else planSheet(book.addWorksheet('V. Kế hoạch'))
  writeFileSync(`${outDir}${plan.id}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()))
}

for (const plan of [formWording, otherWordings]) {
  await writeDocx(plan)
  await writeXlsx(plan)
  writeFileSync(
    `${outDir}${plan.id}.expected.json`,
    `${JSON.stringify(expectedOf(plan), null, 2)}\n`,
  )
  console.log(`wrote ${plan.id}.docx, .xlsx, .expected.json`)
}
