/**
 * The plan form of Thông tư 57/2026/TT-BGDĐT, "Biểu 2" (Mẫu số 2, Phụ lục V, Điều 10), as
 * reported by third-party implementations: the official text could not be read here
 * (DESIGN §8). Everything that depends on the form is this data: the importer reads table V's
 * columns by their number and heading from it, and the .docx export writes the sections and
 * tables from it, so a correction is an edit here, not in code.
 */

/** The plan fields table V's columns fill, named as a card's fields (shared/src/schemas/card.ts). */
export type Bieu2Field =
  | 'index'
  | 'improvementContent'
  | 'target'
  | 'tasks'
  | 'indicators'
  | 'timeframe'
  | 'lead'
  | 'support'
  | 'expectedEvidence'
  | 'completionLevel'

export interface FormColumn<F extends string> {
  /** The number printed under the heading, "(1)"…"(10)"; null for tables that print none. */
  number: number | null
  field: F
  /** The heading as the form prints it. */
  heading: string
  /** Other wordings schools use for the same column (matched without diacritics, in any case). */
  alsoCalled: string[]
}

export interface FormSection {
  /** "I", "II"…: the Roman numeral the form numbers it with. */
  numeral: string
  title: string
}

/** Table IV "Tóm tắt các vấn đề trọng tâm cần cải tiến": the plan's priority problems. */
export type ProblemField = 'index' | 'standard' | 'criteria' | 'currentState' | 'weakness' | 'cause'

/** Table VI "Theo dõi và đánh giá thực hiện": one row per checkpoint review. */
export type FollowUpField = 'moment' | 'monitored' | 'result' | 'adjustment' | 'assessor'

/** The checkpoints of a school year, in order: table VI has one row for each. */
export const CHECKPOINTS = ['semester1', 'yearEnd'] as const
export type Checkpoint = (typeof CHECKPOINTS)[number]

export const BIEU_2 = {
  id: 'TT57-2026/bieu-2',
  name: 'Biểu 2',
  title: 'KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC',
  reference: 'Mẫu số 2, Phụ lục V, Thông tư số 57/2026/TT-BGDĐT',
  /** A4 landscape. */
  page: { size: 'A4', orientation: 'landscape' },
  sections: [
    { numeral: 'I', title: 'Thông tin chung' },
    { numeral: 'II', title: 'Căn cứ xây dựng kế hoạch' },
    { numeral: 'III', title: 'Mục đích, yêu cầu' },
    { numeral: 'IV', title: 'Tóm tắt các vấn đề trọng tâm cần cải tiến' },
    { numeral: 'V', title: 'Kế hoạch cải tiến chất lượng' },
    { numeral: 'VI', title: 'Theo dõi và đánh giá thực hiện' },
    { numeral: 'VII', title: 'Tổ chức thực hiện' },
    { numeral: 'VIII', title: 'Cơ chế đánh giá và báo cáo' },
  ] satisfies FormSection[],
  problems: [
    { number: null, field: 'index', heading: 'TT', alsoCalled: ['STT'] },
    { number: null, field: 'standard', heading: 'Tiêu chuẩn', alsoCalled: [] },
    {
      number: null,
      field: 'criteria',
      heading: 'Tiêu chí liên quan (nếu có)',
      alsoCalled: ['Tiêu chí liên quan', 'Tiêu chí'],
    },
    {
      number: null,
      field: 'currentState',
      heading: 'Đánh giá hiện trạng',
      alsoCalled: ['Hiện trạng', 'Thực trạng'],
    },
    { number: null, field: 'weakness', heading: 'Điểm hạn chế', alsoCalled: ['Hạn chế'] },
    {
      number: null,
      field: 'cause',
      heading: 'Nguyên nhân của hạn chế',
      alsoCalled: ['Nguyên nhân'],
    },
  ] satisfies FormColumn<ProblemField>[],
  plan: [
    { number: 1, field: 'index', heading: 'TT', alsoCalled: ['STT'] },
    { number: 2, field: 'improvementContent', heading: 'Nội dung cải tiến', alsoCalled: [] },
    { number: 3, field: 'target', heading: 'Mục tiêu cải tiến', alsoCalled: ['Mục tiêu'] },
    {
      number: 4,
      field: 'tasks',
      heading: 'Hoạt động/giải pháp',
      alsoCalled: ['Hoạt động', 'Giải pháp', 'Hoạt động, giải pháp'],
    },
    {
      number: 5,
      field: 'indicators',
      heading: 'Chỉ số đánh giá kết quả',
      alsoCalled: ['Chỉ số đánh giá', 'Chỉ số'],
    },
    { number: 6, field: 'timeframe', heading: 'Thời gian thực hiện', alsoCalled: ['Thời gian'] },
    {
      number: 7,
      field: 'lead',
      heading: 'Đơn vị/cá nhân phụ trách',
      alsoCalled: ['Phụ trách', 'Người phụ trách', 'Đơn vị phụ trách'],
    },
    {
      number: 8,
      field: 'support',
      heading: 'Nguồn lực bảo đảm',
      alsoCalled: ['Nguồn lực', 'Nguồn lực thực hiện'],
    },
    {
      number: 9,
      field: 'expectedEvidence',
      heading: 'Thông tin, dữ liệu hoặc minh chứng dự kiến',
      alsoCalled: ['Minh chứng dự kiến', 'Thông tin, minh chứng dự kiến'],
    },
    {
      number: 10,
      field: 'completionLevel',
      heading: 'Mức độ thực hiện',
      alsoCalled: ['Mức độ hoàn thành'],
    },
  ] satisfies FormColumn<Bieu2Field>[],
  followUp: {
    columns: [
      { number: null, field: 'moment', heading: 'Thời điểm', alsoCalled: [] },
      { number: null, field: 'monitored', heading: 'Nội dung theo dõi', alsoCalled: [] },
      { number: null, field: 'result', heading: 'Kết quả thực hiện', alsoCalled: [] },
      { number: null, field: 'adjustment', heading: 'Điều chỉnh (nếu có)', alsoCalled: [] },
      { number: null, field: 'assessor', heading: 'Người đánh giá', alsoCalled: [] },
    ] satisfies FormColumn<FollowUpField>[],
    /** The row each checkpoint fills, as the form names it. */
    rows: { semester1: 'Cuối học kỳ I', yearEnd: 'Cuối năm học' } satisfies Record<
      Checkpoint,
      string
    >,
  },
  /** The evidence list: five columns. */
  evidenceList: [
    { number: null, field: 'index', heading: 'TT', alsoCalled: [] },
    { number: null, field: 'code', heading: 'Mã minh chứng', alsoCalled: [] },
    { number: null, field: 'title', heading: 'Tên minh chứng', alsoCalled: [] },
    {
      number: null,
      field: 'location',
      heading: 'Định dạng, vị trí lưu trữ hoặc đường dẫn điện tử',
      alsoCalled: [],
    },
    { number: null, field: 'notes', heading: 'Ghi chú', alsoCalled: [] },
  ] satisfies FormColumn<'index' | 'code' | 'title' | 'location' | 'notes'>[],
} as const
