import { defineMessages } from '@caitien/shared'

/** The review queue and its verdicts: loaded with the queue's lazy chunk. */
export const reviewMessages = defineMessages(
  {
    reviewQueue: 'Hàng đợi xác nhận',
    reviewQueueHint: 'Thẻ đã nộp minh chứng, nộp sớm nhất ở trên cùng.',
    reviewQueueEmpty: 'Không có thẻ nào chờ xác nhận.',
    reviewReadOnly: (p: { body: string }) =>
      `Hiệu trưởng theo dõi hàng đợi tại đây; chỉ thành viên ${p.body} mới xác nhận hoặc trả lại thẻ.`,
    /** The queue's heading once the plan's body is known (council.ts). */
    reviewQueueOf: (p: { body: string }) => `Hàng đợi xác nhận của ${p.body}`,
    /** Which submission of the card this is. */
    submission: (p: { n: number }) => `Nộp lần ${p.n}`,
    openCard: 'Mở thẻ',
    lastSendBack: 'Lần trả lại trước',
    changesSinceSendBack: 'Thay đổi từ lần trả lại',
    noChangesSinceSendBack: 'Chưa có thay đổi minh chứng nào.',
    evidence: 'Minh chứng',
    approve: 'Xác nhận',
    approveComment: 'Nhận xét khi xác nhận (không bắt buộc)',
    addApproveComment: 'Kèm nhận xét',
    sendBack: 'Trả lại',
    sendBackReason: 'Lý do trả lại',
    sendBackConfirm: 'Gửi trả lại',
    sendBackHint: 'Người thực hiện sẽ thấy lý do này trong hộp thư và trên thẻ.',
    approved: 'Đã xác nhận thẻ.',
    sentBack: 'Đã trả lại thẻ.',
  },
  {
    reviewQueue: 'Review queue',
    reviewQueueHint: 'Cards with evidence submitted, oldest submission first.',
    reviewQueueEmpty: 'No cards are waiting for review.',
    reviewReadOnly: (p) =>
      `Follow the queue here; only members of the ${p.body} verify or send back cards.`,
    reviewQueueOf: (p) => `Review queue of the ${p.body}`,
    submission: (p) => `Submission ${p.n}`,
    openCard: 'Open card',
    lastSendBack: 'Last sent back',
    changesSinceSendBack: 'Changes since it was sent back',
    noChangesSinceSendBack: 'No evidence has changed yet.',
    evidence: 'Evidence',
    approve: 'Verify',
    approveComment: 'Comment with the verification (optional)',
    addApproveComment: 'Add a comment',
    sendBack: 'Send back',
    sendBackReason: 'Reason for sending back',
    sendBackConfirm: 'Send back now',
    sendBackHint: 'The assignees see this reason in their inbox and on the card.',
    approved: 'Card verified.',
    sentBack: 'Card sent back.',
  },
)

/** What happened to an evidence item since the last send-back, by its activity action. */
export const evidenceChangeLabels = defineMessages(
  { evidence_added: 'Thêm', evidence_deleted: 'Xoá', evidence_linked: 'Dùng chung' },
  { evidence_added: 'Added', evidence_deleted: 'Deleted', evidence_linked: 'Linked' },
)

/** An evidence change's label; an action the app does not know yet, as the server wrote it. */
export function changeLabel(labels: (typeof evidenceChangeLabels)['vi'], action: string): string {
  return Object.hasOwn(labels, action) ? labels[action as keyof typeof labels] : action
}
