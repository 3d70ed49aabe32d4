import { defineMessages } from '@caitien/shared'

type Column = { column: string }

/** The board: toolbar, columns, tiles, the move menu and reason dialog, drag announcements. */
export const boardMessages = defineMessages(
  {
    filters: 'Bộ lọc',
    searchPlaceholder: 'Tìm tiêu chí, nội dung, người chủ trì…',
    standard: 'Tiêu chuẩn',
    allStandards: 'Tất cả tiêu chuẩn',
    criterion: 'Tiêu chí',
    allCriteria: 'Tất cả tiêu chí',
    assignee: 'Người được giao',
    allAssignees: 'Tất cả mọi người',
    unassigned: 'Chưa giao',
    mine: 'Của tôi',
    overdue: 'Quá hạn',
    sentBack: 'Bị trả lại',
    sentBackBy: (p: { reviewer: string; at: string }) => `Trả lại bởi ${p.reviewer}, ${p.at}`,
    sentBackNoReason: 'Không ghi lý do.',
    groupByStandard: 'Nhóm theo tiêu chuẩn',
    clearFilters: 'Xoá lọc',
    shown: (p: { shown: number; total: number }) => `Đang hiện ${p.shown} trên ${p.total} thẻ`,
    /** A standard in the filter and as a swimlane's title. */
    standardName: (p: { code: string; name: string | null }) =>
      `Tiêu chuẩn ${p.code}${p.name ? `: ${p.name}` : ''}`,
    criterionName: (p: { code: string }) => `Tiêu chí ${p.code}`,
    noStandard: 'Chưa có tiêu chuẩn',
    column: (p: { name: string; count: number }) => `${p.name} (${p.count})`,
    emptyColumn: 'Chưa có thẻ',
    showMore: (p: { hidden: number }) => `Xem thêm thẻ (${p.hidden} thẻ chưa hiện)`,
    due: (p: { month: string }) => `Hạn: ${p.month}`,
    evidenceCount: (p: { n: number }) => `Minh chứng: ${p.n}`,
    commentCount: (p: { n: number }) => `Bình luận: ${p.n}`,
    draggableCard: 'thẻ kéo được',
    moveTo: 'Chuyển sang…',
    reasonTitleSendBack: 'Trả lại để bổ sung',
    reasonTitleReopen: 'Mở lại thẻ đã xác nhận',
    reasonSendBack: (p: Column) =>
      `Trả lại thẻ về “${p.column}”. Người thực hiện sẽ thấy lý do này.`,
    reasonReopen: 'Mở lại thẻ đã xác nhận. Hãy cho biết vì sao.',
    confirm: 'Xác nhận',
    dragStart: (p: { title: string } & Column) =>
      `Đã nhấc thẻ “${p.title}” ở cột ${p.column}. Dùng mũi tên trái, phải để đổi cột; lên, xuống để đổi vị trí. Nhấn phím cách để thả, Escape để huỷ.`,
    dragOver: (p: Column & { position: number; count: number }) =>
      `Đang ở cột ${p.column}, vị trí ${p.position} trên ${p.count}.`,
    dragOverRefused: (p: Column & { refusal: string }) =>
      `Cột ${p.column} không nhận thẻ này: ${p.refusal}`,
    dragOutside: 'Thẻ không ở trên cột nào.',
    dropped: (p: { title: string } & Column) => `Đã thả thẻ “${p.title}” vào cột ${p.column}.`,
    dropRefused: (p: { title: string; refusal: string }) =>
      `Thẻ “${p.title}” trở về chỗ cũ. ${p.refusal}`,
    dragCancelled: (p: { title: string }) => `Đã huỷ kéo. Thẻ “${p.title}” trở về chỗ cũ.`,
    dragInstructions:
      'Nhấn Enter để mở chi tiết thẻ. Để di chuyển thẻ, nhấn phím cách để nhấc thẻ; dùng mũi tên trái, phải để sang cột khác, mũi tên lên, xuống để đổi vị trí trong cột; nhấn phím cách lần nữa để thả, hoặc Escape để huỷ.',
  },
  {
    filters: 'Filters',
    searchPlaceholder: 'Search criterion, content, lead…',
    standard: 'Standard',
    allStandards: 'All standards',
    criterion: 'Criterion',
    allCriteria: 'All criteria',
    assignee: 'Assignee',
    allAssignees: 'Everyone',
    unassigned: 'Unassigned',
    mine: 'Mine',
    overdue: 'Overdue',
    sentBack: 'Sent back',
    sentBackBy: (p) => `Sent back by ${p.reviewer}, ${p.at}`,
    sentBackNoReason: 'No reason given.',
    groupByStandard: 'Group by standard',
    clearFilters: 'Clear',
    shown: (p) => `Showing ${p.shown} of ${p.total} cards`,
    standardName: (p) => `Standard ${p.code}${p.name ? `: ${p.name}` : ''}`,
    criterionName: (p) => `Criterion ${p.code}`,
    noStandard: 'No standard',
    column: (p) => `${p.name} (${p.count})`,
    emptyColumn: 'No cards',
    showMore: (p) => `Show more cards (${p.hidden} not shown yet)`,
    due: (p) => `Due: ${p.month}`,
    evidenceCount: (p) => `Evidence: ${p.n}`,
    commentCount: (p) => `Comments: ${p.n}`,
    draggableCard: 'draggable card',
    moveTo: 'Move to…',
    reasonTitleSendBack: 'Send back for more work',
    reasonTitleReopen: 'Reopen a verified card',
    reasonSendBack: (p) =>
      `Send the card back to “${p.column}”. The assignees will see this reason.`,
    reasonReopen: 'Reopen a verified card. Please say why.',
    confirm: 'Confirm',
    dragStart: (p) =>
      `Picked up card "${p.title}" in ${p.column}. Use left and right arrows to change column, up and down to change position. Press Space to drop, Escape to cancel.`,
    dragOver: (p) => `Over ${p.column}, position ${p.position} of ${p.count}.`,
    dragOverRefused: (p) => `${p.column} does not accept this card: ${p.refusal}`,
    dragOutside: 'The card is not over a column.',
    dropped: (p) => `Dropped card "${p.title}" into ${p.column}.`,
    dropRefused: (p) => `Card "${p.title}" went back. ${p.refusal}`,
    dragCancelled: (p) => `Drag cancelled. Card "${p.title}" went back.`,
    dragInstructions:
      'Press Enter to open the card. To move it, press Space to pick it up; use the left and right arrows to change column and the up and down arrows to change position; press Space again to drop it, or Escape to cancel.',
  },
)
