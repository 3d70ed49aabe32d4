import { defineMessages } from './messages.ts'

/** Plans and their cards: what the server answers when a change cannot be made. */
export const planMessages = defineMessages(
  {
    /** A card changed by someone else since it was read (409 with the card as it now is). */
    staleCard: 'Thẻ vừa được người khác thay đổi. Bảng đã được cập nhật, hãy thử lại.',
    unknownAssignee: 'Chỉ có thể giao việc cho thành viên của trường.',
    unknownFramework: (p: { id: string }) => `Không có bộ tiêu chí “${p.id}”.`,
    unknownProblem: 'Vấn đề trọng tâm này không còn trong mục IV của kế hoạch.',
  },
  {
    staleCard:
      'Someone else changed this card meanwhile. The board is up to date; please try again.',
    unknownAssignee: 'Only members of the school can be assigned.',
    unknownFramework: (p) => `There is no criteria framework "${p.id}".`,
    unknownProblem: 'This priority problem is no longer in section IV of the plan.',
  },
)
