import { defineMessages } from '@caitien/shared'

/** Words every part of the app uses: loading, retrying, closing, saving. */
export const commonMessages = defineMessages(
  {
    loading: 'Đang tải…',
    loadFailed: 'Không tải được dữ liệu.',
    retry: 'Thử lại',
    networkError: 'Không kết nối được máy chủ. Hãy thử lại.',
    close: 'Đóng',
    cancel: 'Huỷ',
    save: 'Lưu',
    saving: 'Đang lưu…',
    search: 'Tìm kiếm',
    /** An empty value in a list of facts. */
    none: '—',
    /** A criterion's code as a tag on a card: "Tiêu chí 1.5" (not "TC": tiêu chuẩn or tiêu chí?). */
    criterionTag: (p: { code: string }) => `Tiêu chí ${p.code}`,
    noAssignee: 'Chưa giao cho ai',
    moveFailed: 'Không chuyển được thẻ.',
    reasonRequired: 'Cần nêu lý do.',
    reasonLabel: 'Lý do',
    reasonLine: (p: { reason: string }) => `Lý do: ${p.reason}`,
    commentLabel: 'Nhận xét',
    commentLine: (p: { comment: string }) => `Nhận xét: ${p.comment}`,
    submittedAt: (p: { at: string }) => `Nộp lúc ${p.at}`,
  },
  {
    loading: 'Loading…',
    loadFailed: 'Could not load the data.',
    retry: 'Retry',
    networkError: 'Could not reach the server. Please try again.',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    search: 'Search',
    none: '—',
    criterionTag: (p) => `Criterion ${p.code}`,
    noAssignee: 'Not assigned',
    moveFailed: 'Could not move the card.',
    reasonRequired: 'A reason is required.',
    reasonLabel: 'Reason',
    reasonLine: (p) => `Reason: ${p.reason}`,
    commentLabel: 'Comment',
    commentLine: (p) => `Comment: ${p.comment}`,
    submittedAt: (p) => `Submitted ${p.at}`,
  },
)
