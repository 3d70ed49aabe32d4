import { completionLevelLabels, type CompletionLevel } from './completion-level.ts'
import type { Checkpoint } from './forms/tt57-bieu-2.ts'
import { formatNumber, formatPercent } from './number-format.ts'

/*
 * The words of the school's official documents besides the monthly report (report-text.ts)
 * and the Biểu 2 form (forms/tt57-bieu-2.ts): the checkpoint review report and the
 * evidence list. Always Vietnamese: they go to the body that oversees the school.
 */

export const CHECKPOINT_REPORT_TEXT = {
  title: 'BÁO CÁO KẾT QUẢ THEO DÕI, ĐÁNH GIÁ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC',
  /** Above the title while the review is not signed off. */
  draft: 'DỰ THẢO',
  moment: (p: { checkpoint: string }) => `Thời điểm đánh giá: ${p.checkpoint}`,
  sections: {
    levels: 'I. MỨC ĐỘ THỰC HIỆN CÁC HOẠT ĐỘNG CẢI TIẾN',
    followUp: 'II. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN',
  },
  columns: {
    number: 'TT',
    /** A review row is named by its action: several rows share one Nội dung cải tiến. */
    action: 'Hoạt động/giải pháp',
    criterion: 'Tiêu chí',
    level: 'Mức độ thực hiện',
    reason: 'Lý do điều chỉnh (nếu có)',
  },
  criterion: (p: { code: string }) => `Tiêu chí ${p.code}`,
  notAssessed: 'Chưa đánh giá',
  noRows: 'Kế hoạch chưa có hoạt động cải tiến nào.',
  /** "Hoàn thành: 3/5 hoạt động (60%)." */
  levelCount: (p: { level: CompletionLevel; count: number; total: number }) =>
    `${completionLevelLabels.vi[p.level]}: ${formatNumber(p.count)}/${formatNumber(p.total)} hoạt động (${formatPercent(p.total ? p.count / p.total : 0)}).`,
  /** The ASCII file name of the download, for browsers that ignore `filename*`. */
  fileName: (p: { checkpoint: Checkpoint; schoolYear: string }) =>
    `bao-cao-${p.checkpoint === 'semester1' ? 'cuoi-hoc-ky-1' : 'cuoi-nam-hoc'}-${p.schoolYear}.docx`,
  /** "Báo cáo rà soát Cuối học kỳ I – Kế hoạch ….docx" */
  fileTitle: (p: { checkpoint: string; plan: string }) =>
    `Báo cáo rà soát ${p.checkpoint} – ${p.plan}.docx`,
} as const

export const EVIDENCE_LIST_TEXT = {
  title: 'DANH MỤC MINH CHỨNG',
  sheet: 'Danh mục minh chứng',
  /** Where an item is kept, for the fourth column. */
  location: {
    file: (p: { format: string; name: string }) =>
      `Tệp ${p.format} (${p.name}), lưu trên hệ thống caitien của trường`,
    link: (p: { url: string }) => p.url,
    note: 'Ghi chú trên hệ thống caitien của trường',
  },
  /** The fifth column: which action it proves. */
  note: (p: { criterion: string | null; action: string }) =>
    p.criterion ? `Tiêu chí ${p.criterion}: ${p.action}` : p.action,
  empty: 'Kế hoạch chưa có minh chứng nào.',
  recipients: ['Hội đồng tự đánh giá'],
} as const
