import { defineMessages, plural } from '@caitien/shared'

/** The new-plan form: loaded with its lazy chunk. */
export const newPlanMessages = defineMessages(
  {
    newPlanTitle: 'Tạo kế hoạch mới',
    planTitle: 'Tên kế hoạch',
    defaultPlanTitle: (p: { schoolYear: string }) =>
      `Kế hoạch cải tiến chất lượng giáo dục năm học ${p.schoolYear}`,
    schoolYear: 'Năm học',
    framework: 'Bộ tiêu chuẩn đánh giá',
    frameworkOption: (p: { code: string; title: string }) => `${p.code}: ${p.title}`,
    /** A catalogue entry whose criteria were partly reconstructed from unofficial sources. */
    frameworkOptionPartial: (p: { code: string; title: string }) =>
      `${p.code}: ${p.title} (danh mục tiêu chí chưa đầy đủ)`,
    newPlanHint: 'Kế hoạch mới chưa có thẻ nào. Sau khi tạo, hãy chọn tệp kế hoạch để nhập.',
    createAndImport: 'Tạo và nhập tệp',
    creating: 'Đang tạo…',
    createPlanFailed: 'Không tạo được kế hoạch.',
    startFrom: 'Bắt đầu từ',
    startBlank: 'Kế hoạch trống, rồi nhập tệp kế hoạch',
    startFromLast: 'Kế hoạch năm trước: chuyển tiếp các hoạt động chưa hoàn thành',
    sourcePlan: 'Kế hoạch năm trước',
    sourceOption: (p: { title: string; schoolYear: string }) => `${p.title} (${p.schoolYear})`,
    carryHint:
      'Các hoạt động chưa được xác nhận được chuyển sang kế hoạch mới, vào cột “Kế hoạch”, kèm liên kết tới thẻ gốc và lịch sử của nó; người được giao giữ nguyên. Các hoạt động đã xác nhận ở lại kế hoạch cũ. Thời gian có ghi năm được dời sang năm học mới.',
    carrySummary: (p: { carried: number; left: number }) =>
      `${p.carried} hoạt động sẽ được chuyển tiếp; ${p.left} hoạt động đã xác nhận ở lại kế hoạch cũ.`,
    createAndCarry: 'Tạo và chuyển tiếp',
  },
  {
    newPlanTitle: 'Create a new plan',
    planTitle: 'Plan title',
    defaultPlanTitle: (p) => `Education quality improvement plan, school year ${p.schoolYear}`,
    schoolYear: 'School year',
    framework: 'Assessment framework',
    frameworkOption: (p) => `${p.code}: ${p.title}`,
    frameworkOptionPartial: (p) => `${p.code}: ${p.title} (criteria list incomplete)`,
    newPlanHint: 'A new plan has no cards yet. Once it is created, choose the plan file to import.',
    createAndImport: 'Create and import a file',
    creating: 'Creating…',
    createPlanFailed: 'Could not create the plan.',
    startFrom: 'Start from',
    startBlank: 'A blank plan, then import the plan file',
    startFromLast: 'Last year’s plan: carry over the unfinished actions',
    sourcePlan: 'Last year’s plan',
    sourceOption: (p) => `${p.title} (${p.schoolYear})`,
    carryHint:
      'Actions not yet verified move into the new plan, in "Planned", with a link to the original card and its history; their assignees stay. Verified actions stay in the old plan. Timeframes that name a year move on to the new school year.',
    carrySummary: (p) =>
      `${plural(p.carried, 'action', 'actions')} will be carried over; ${plural(p.left, 'verified action stays', 'verified actions stay')} in the old plan.`,
    createAndCarry: 'Create and carry over',
  },
)
