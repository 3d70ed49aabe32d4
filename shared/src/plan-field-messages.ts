import { defineMessages } from './messages.ts'
import type { PlanField } from './activity.ts'

/**
 * Each plan field's name, as the plan's table heads it: the card panel, its edit form and
 * history, and the plan's import history all name fields with these words.
 */
export const planFieldLabels = defineMessages<Record<PlanField, string>>(
  {
    standard: 'Tiêu chuẩn',
    standardName: 'Tên tiêu chuẩn',
    criterion: 'Tiêu chí',
    criterionLabel: 'Nội dung tiêu chí',
    section: 'Mức',
    weakness: 'Điểm yếu',
    target: 'Kết quả cần đạt',
    tasks: 'Công việc / giải pháp',
    measures: 'Biện pháp thực hiện',
    lead: 'Chủ trì',
    coordinators: 'Phối hợp',
    timeframe: 'Thời gian thực hiện',
    budget: 'Kinh phí dự kiến',
    fundingSource: 'Nguồn kinh phí',
    support: 'Điều kiện hỗ trợ',
    expectedEvidence: 'Sản phẩm / Minh chứng dự kiến',
    notes: 'Ghi chú',
    improvementContent: 'Nội dung cải tiến',
    indicators: 'Chỉ số đánh giá kết quả',
    completionLevel: 'Mức độ thực hiện (theo kế hoạch)',
  },
  {
    standard: 'Standard',
    standardName: 'Standard name',
    criterion: 'Criterion',
    criterionLabel: 'Criterion text',
    section: 'Level',
    weakness: 'Weakness',
    target: 'Target result',
    tasks: 'Tasks / solutions',
    measures: 'Measures',
    lead: 'Lead',
    coordinators: 'Coordinators',
    timeframe: 'Timeframe',
    budget: 'Estimated budget',
    fundingSource: 'Funding source',
    support: 'Other support',
    expectedEvidence: 'Expected products / evidence',
    notes: 'Notes',
    improvementContent: 'Improvement content',
    indicators: 'Result indicators',
    completionLevel: 'Completion level (as in the plan)',
  },
)
