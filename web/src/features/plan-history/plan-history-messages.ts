import { defineMessages, plural, type UndoKeptReason } from '@caitien/shared'

interface Counts {
  created: number
  updated: number
  unchanged: number
}

/** The plan's history page: its imports, their undo, and recent plan events. */
export const planHistoryMessages = defineMessages(
  {
    title: 'Lịch sử kế hoạch',
    planLine: (p: { title: string; year: string }) => `${p.title} · năm học ${p.year}`,
    backToBoard: '← Về bảng kế hoạch',
    importsTitle: 'Các lần nhập',
    noImports: 'Kế hoạch chưa được nhập từ tệp nào.',
    importedBy: (p: { at: string; who: string }) => `Nhập lúc ${p.at} bởi ${p.who}`,
    someone: 'không rõ ai',
    counts: (p: Counts) =>
      `${p.created} thẻ mới, ${p.updated} thẻ cập nhật, ${p.unchanged} không đổi`,
    shifted: 'Các tháng đã được chuyển sang năm học của kế hoạch.',
    hash: (p: { hash: string }) => `Mã tệp (SHA-256): ${p.hash}…`,
    undo: 'Hoàn tác lần nhập',
    undoAsk:
      'Hoàn tác lần nhập này? Các thẻ nó tạo mà chưa ai động đến sẽ bị xoá; các trường nó sửa mà chưa ai sửa lại sẽ trở về như trước. Mọi thay đổi được ghi vào nhật ký.',
    undoConfirm: 'Hoàn tác',
    undoCancel: 'Thôi',
    undoing: 'Đang hoàn tác…',
    undoFailed: 'Không hoàn tác được. Hãy thử lại.',
    undoneBy: (p: { at: string; who: string }) => `Đã hoàn tác lúc ${p.at} bởi ${p.who}.`,
    undoneCounts: (p: { removed: number; restored: number }) =>
      `Đã xoá ${p.removed} thẻ, trả lại trường của ${p.restored} thẻ.`,
    keptTitle: (p: { n: number }) => `${p.n} thẻ không hoàn tác được:`,
    keptCard: (p: { criterion: string | null; title: string }) =>
      `${p.criterion ? `Tiêu chí ${p.criterion}: ` : ''}${p.title || '(chưa có tên)'}`,
    eventsTitle: 'Sự kiện gần đây',
    eventImported: (p: { file: string; who: string }) => `${p.who} nhập tệp ${p.file}`,
    eventUndone: (p: { file: string; who: string }) => `${p.who} hoàn tác lần nhập tệp ${p.file}`,
    noEvents: 'Chưa có sự kiện nào.',
  },
  {
    title: 'Plan history',
    planLine: (p) => `${p.title} · school year ${p.year}`,
    backToBoard: '← Back to the board',
    importsTitle: 'Imports',
    noImports: 'Nothing has been imported into this plan from a file.',
    importedBy: (p) => `Imported on ${p.at} by ${p.who}`,
    someone: 'someone unknown',
    counts: (p) =>
      `${plural(p.created, 'new card', 'new cards')}, ${plural(p.updated, 'card updated', 'cards updated')}, ${p.unchanged} unchanged`,
    shifted: 'The months were moved into the plan’s school year.',
    hash: (p) => `File fingerprint (SHA-256): ${p.hash}…`,
    undo: 'Undo this import',
    undoAsk:
      'Undo this import? The cards it created that nobody has touched since are removed; the fields it changed that nobody changed since go back to what they were. Every change is logged.',
    undoConfirm: 'Undo',
    undoCancel: 'Cancel',
    undoing: 'Undoing…',
    undoFailed: 'Could not undo. Please try again.',
    undoneBy: (p) => `Undone on ${p.at} by ${p.who}.`,
    undoneCounts: (p) =>
      `Removed ${plural(p.removed, 'card', 'cards')}, restored the fields of ${plural(p.restored, 'card', 'cards')}.`,
    keptTitle: (p) => `${plural(p.n, 'card', 'cards')} could not be undone:`,
    keptCard: (p) => `${p.criterion ? `Criterion ${p.criterion}: ` : ''}${p.title || '(untitled)'}`,
    eventsTitle: 'Recent events',
    eventImported: (p) => `${p.who} imported ${p.file}`,
    eventUndone: (p) => `${p.who} undid the import of ${p.file}`,
    noEvents: 'No events yet.',
  },
)

/** Why a card stayed when its import was undone. */
export const undoKeptReasons = defineMessages<Record<UndoKeptReason, string>>(
  {
    moved: 'đã được chuyển khỏi cột “Kế hoạch”',
    changed_since: 'đã có người sửa, giao việc, bình luận hoặc thêm minh chứng sau lần nhập',
    fields_changed: 'các trường này đã được sửa lại sau lần nhập',
    deleted: 'thẻ đã bị xoá',
  },
  {
    moved: 'it left “Kế hoạch” (Planned)',
    changed_since: 'it was edited, assigned, commented on or given evidence since',
    fields_changed: 'these fields were changed again since',
    deleted: 'the card was deleted',
  },
)
