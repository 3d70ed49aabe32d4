import { defineMessages } from './messages.ts'
import type { AttentionReason, BodyKind, ReviewAnswerRefusal, ReviewVerdict } from './oversight.ts'
import type { SchoolLevel } from './schemas/people.ts'

/** The kinds of overseeing body, as a person reads them (never "Phòng GD&ĐT": DESIGN §8). */
export const bodyKindLabels = defineMessages<Record<BodyKind, string>>(
  {
    commune_office: 'Phòng Văn hóa - Xã hội (UBND xã, phường)',
    provincial_department: 'Sở Giáo dục và Đào tạo',
  },
  {
    commune_office: 'Commune office for culture and society (Phòng Văn hóa - Xã hội)',
    provincial_department: 'Provincial Department of Education and Training (Sở GD&ĐT)',
  },
)

export const attentionLabels = defineMessages<Record<AttentionReason, string>>(
  {
    overdue_rows: 'Có hoạt động quá hạn',
    review_awaiting_answer: 'Rà soát đã ký duyệt chờ cơ quan phản hồi',
    review_sent_back: 'Rà soát đã trả lại, chờ trường ký duyệt lại',
    no_plan: 'Chưa có kế hoạch năm học hiện tại',
  },
  {
    overdue_rows: 'Overdue actions',
    review_awaiting_answer: 'A signed-off review awaits our answer',
    review_sent_back: 'A review sent back, not yet signed again',
    no_plan: 'No plan for the current school year',
  },
)

export const reviewVerdictLabels = defineMessages<Record<ReviewVerdict, string>>(
  { acknowledged: 'Đã ghi nhận', sent_back: 'Đã trả lại' },
  { acknowledged: 'Acknowledged', sent_back: 'Sent back' },
)

/** A body's answer to a review refused (409/400), worded for the overseer. */
export const reviewAnswerMessages = defineMessages<Record<ReviewAnswerRefusal, string>>(
  {
    not_signed: 'Đợt rà soát này chưa được trường ký duyệt: chưa thể phản hồi.',
    reason_required: 'Trả lại đợt rà soát cần ghi rõ lý do để trường biết cần bổ sung gì.',
    already_answered: 'Cơ quan đã phản hồi lần ký duyệt này của đợt rà soát.',
  },
  {
    not_signed: 'The school has not signed off this review yet: it cannot be answered.',
    reason_required: 'Sending a review back needs a reason, so the school knows what to add.',
    already_answered: 'Your body has already answered this signing of the review.',
  },
)

/** The roll-up screen and its workbook: the same words (one row per school, no ranking). */
export const rollupMessages = defineMessages(
  {
    title: 'Tình hình thực hiện kế hoạch cải tiến chất lượng của các trường',
    intro:
      'Mỗi dòng là một trường, xếp theo tên. Số liệu để theo dõi, hỗ trợ; không dùng để xếp hạng các trường.',
    body: 'Cơ quan',
    school: 'Trường',
    level: 'Cấp học',
    framework: 'Bộ tiêu chí',
    plan: 'Kế hoạch',
    schoolYear: 'Năm học',
    total: 'Số hoạt động',
    overdue: 'Quá hạn',
    byLevel: 'Mức độ thực hiện (đợt rà soát gần nhất)',
    semester1: 'Rà soát cuối học kỳ I',
    yearEnd: 'Rà soát cuối năm học',
    evidence: 'Minh chứng đã xác nhận / dự kiến',
    mandatoryOpen: 'Tiêu chí bắt buộc còn hoạt động chưa xong',
    continuousYears: 'Số năm liên tục có kế hoạch',
    attention: 'Cần quan tâm',
    needsAttention: 'Chỉ trường cần quan tâm',
    allLevels: 'Mọi cấp học',
    allFrameworks: 'Mọi bộ tiêu chí',
    noPlan: 'Chưa có kế hoạch',
    notOpened: 'Chưa rà soát',
    open: (p: { date: string }) => `Đang rà soát (mở ${p.date})`,
    signed: (p: { date: string }) => `Đã ký duyệt ${p.date}`,
    awaiting: 'Chờ cơ quan phản hồi',
    answered: (p: { verdict: string; date: string }) => `${p.verdict} ${p.date}`,
    open_board: 'Bảng công việc',
    open_progress: 'Tiến độ',
    open_reviews: 'Rà soát',
    open_evidence: 'Minh chứng',
    open_years: 'Các năm học',
    export: 'Xuất Excel (.xlsx)',
    count: (p: { shown: number; total: number }) => `${p.shown} / ${p.total} trường`,
    none: 'Không có trường nào phù hợp bộ lọc.',
    noBody: 'Tài khoản của bạn không thuộc cơ quan quản lý nào.',
    acknowledge: 'Ghi nhận',
    sendBack: 'Trả lại',
    sendBackReason: 'Lý do trả lại',
    sendBackConfirm: 'Gửi trả lại',
    cancel: 'Huỷ',
    answerFailed: 'Chưa gửi được phản hồi. Hãy thử lại.',
    sheet: 'Tổng hợp',
    levels: 'Hoàn thành / Đang thực hiện / Chưa hoàn thành',
    statusCounts: 'Kế hoạch / Đang thực hiện / Đã nộp MC / Đã xác nhận',
    yes: 'Có',
    menu: 'Tổng hợp các trường',
  },
  {
    title: "Schools' improvement plans at a glance",
    intro:
      'One row per school, sorted by name. The figures are for following and supporting the schools, not for ranking them.',
    body: 'Body',
    school: 'School',
    level: 'Level',
    framework: 'Framework',
    plan: 'Plan',
    schoolYear: 'School year',
    total: 'Actions',
    overdue: 'Overdue',
    byLevel: 'Completion (latest review)',
    semester1: 'End of semester I review',
    yearEnd: 'Year-end review',
    evidence: 'Evidence verified / expected',
    mandatoryOpen: 'Mandatory criteria with open actions',
    continuousYears: 'Consecutive years with a plan',
    attention: 'Needs attention',
    needsAttention: 'Only schools needing attention',
    allLevels: 'All levels',
    allFrameworks: 'All frameworks',
    noPlan: 'No plan yet',
    notOpened: 'Not reviewed',
    open: (p) => `Under review (opened ${p.date})`,
    signed: (p) => `Signed off ${p.date}`,
    awaiting: 'Awaiting our answer',
    answered: (p) => `${p.verdict} ${p.date}`,
    open_board: 'Board',
    open_progress: 'Progress',
    open_reviews: 'Reviews',
    open_evidence: 'Evidence',
    open_years: 'School years',
    export: 'Export to Excel (.xlsx)',
    count: (p) => `${p.shown} / ${p.total} schools`,
    none: 'No school matches the filters.',
    noBody: 'Your account belongs to no overseeing body.',
    acknowledge: 'Acknowledge',
    sendBack: 'Send back',
    sendBackReason: 'Why it is sent back',
    sendBackConfirm: 'Send back',
    cancel: 'Cancel',
    answerFailed: 'The answer was not sent. Please try again.',
    sheet: 'Summary',
    levels: 'Completed / In progress / Not completed',
    statusCounts: 'Planned / In progress / Evidence submitted / Verified',
    yes: 'Yes',
    menu: 'Schools at a glance',
  },
)

/** What the school reads of its overseers: their views of its evidence, their answers. */
export const overseerActivityMessages = defineMessages(
  {
    viewsTitle: 'Lượt xem của cơ quan quản lý',
    viewsNone: 'Chưa có lượt xem nào của cơ quan quản lý.',
    viewedList: (p: { name: string; body: string; at: string }) =>
      `${p.name} (${p.body}) xem danh sách minh chứng lúc ${p.at}`,
    viewedFile: (p: { name: string; body: string; title: string; at: string }) =>
      `${p.name} (${p.body}) mở minh chứng "${p.title}" lúc ${p.at}`,
    acknowledged: (p: { body: string; checkpoint: string; plan: string }) =>
      `${p.body} đã ghi nhận đợt rà soát ${p.checkpoint} của kế hoạch "${p.plan}".`,
    sentBack: (p: { body: string; checkpoint: string; plan: string }) =>
      `${p.body} đã trả lại đợt rà soát ${p.checkpoint} của kế hoạch "${p.plan}".`,
    inboxTitle: 'Phản hồi của cơ quan quản lý',
  },
  {
    viewsTitle: 'Views by overseeing bodies',
    viewsNone: 'No overseeing body has viewed the evidence yet.',
    viewedList: (p) => `${p.name} (${p.body}) viewed the evidence list at ${p.at}`,
    viewedFile: (p) => `${p.name} (${p.body}) opened the evidence "${p.title}" at ${p.at}`,
    acknowledged: (p) =>
      `${p.body} acknowledged the review "${p.checkpoint}" of the plan "${p.plan}".`,
    sentBack: (p) => `${p.body} sent back the review "${p.checkpoint}" of the plan "${p.plan}".`,
    inboxTitle: 'Answers from overseeing bodies',
  },
)

/** A school's level as the roll-up and its workbook name it. */
export const schoolLevelLabels = defineMessages<Record<SchoolLevel, string>>(
  {
    kindergarten: 'Mầm non',
    primary: 'Tiểu học',
    secondary: 'Trung học',
    other: 'Khác',
  },
  { kindergarten: 'Kindergarten', primary: 'Primary', secondary: 'Secondary', other: 'Other' },
)
