import { defineMessages } from './messages.ts'
import type { PlanDeletionRefusal } from './plan-life.ts'
import type { PlanWriteRefusal } from './permissions.ts'

type Named = { title: string }

/**
 * A plan's life (plan-life.ts): what the server answers when a plan cannot be written,
 * deleted or restored as asked. Whole sentences, in the user's language.
 */
export const planLifeMessages = defineMessages(
  {
    archived: (p: Named) =>
      `Kế hoạch “${p.title}” đã được lưu trữ nên chỉ xem được. Hiệu trưởng có thể bỏ lưu trữ trong Cài đặt kế hoạch để sửa tiếp.`,
    confirmation_required: (p: Named & { n: number }) =>
      `Kế hoạch có ${p.n} hoạt động. Để xoá, hãy gõ đúng tên kế hoạch: “${p.title}”.`,
    confirmation_mismatch: (p: Named & { n: number }) =>
      `Tên vừa gõ không khớp với tên kế hoạch “${p.title}”, nên kế hoạch (${p.n} hoạt động) chưa bị xoá.`,
    restoreExpired: (p: { days: number }) =>
      `Kế hoạch đã bị xoá quá ${p.days} ngày nên không thể khôi phục được nữa.`,
    sameSchoolOnly: 'Chỉ có thể chuyển tiếp từ một kế hoạch của cùng trường.',
    nothingToChange: 'Không có thay đổi nào để lưu.',
  } satisfies Record<PlanWriteRefusal | PlanDeletionRefusal, unknown> & Record<string, unknown>,
  {
    archived: (p) =>
      `The plan "${p.title}" is archived, so it is read-only. The principal can unarchive it in the plan settings to edit it again.`,
    confirmation_required: (p) =>
      `The plan has ${p.n === 1 ? '1 action' : `${p.n} actions`}. To delete it, type its name exactly: "${p.title}".`,
    confirmation_mismatch: (p) =>
      `The name typed does not match the plan's name "${p.title}", so the plan (${p.n === 1 ? '1 action' : `${p.n} actions`}) was not deleted.`,
    restoreExpired: (p) =>
      `The plan was deleted more than ${p.days} days ago and can no longer be restored.`,
    sameSchoolOnly: 'A plan can only carry over from a plan of the same school.',
    nothingToChange: 'There is nothing to change.',
  },
)
