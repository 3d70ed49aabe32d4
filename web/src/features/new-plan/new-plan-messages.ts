import { defineMessages } from '@caitien/shared'

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
  },
)
