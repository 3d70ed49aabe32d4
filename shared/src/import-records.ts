import { z } from 'zod'
import { defineMessages } from './messages.ts'

/**
 * Plan imports are recorded and can be undone by the principal (docs/decisions/022). What an
 * undo could not take back is listed, each card with one of these reasons:
 * - `moved`: the card left "Kế hoạch" since the import;
 * - `changed_since`: it was edited, assigned, commented on or given evidence since;
 * - `fields_changed`: a field the import changed was changed again since (that field stays);
 * - `deleted`: the card was deleted meanwhile.
 */
export const UNDO_KEPT_REASONS = ['moved', 'changed_since', 'fields_changed', 'deleted'] as const
export type UndoKeptReason = (typeof UNDO_KEPT_REASONS)[number]

/**
 * What an import does with the months of a file from another school year: keep them as
 * written, or move them into the plan's school year (school-year-shift.ts).
 */
export const TIMEFRAME_CHOICES = ['keep', 'shift'] as const
export type TimeframeChoice = (typeof TIMEFRAME_CHOICES)[number]

const id = z.string().min(1).max(64)
export const importIdParamSchema = z.object({ planId: id, importId: id })

/** The import's answers about its records. */
export const importRecordMessages = defineMessages(
  {
    alreadyUndone: 'Lần nhập này đã được hoàn tác.',
    timeframesInvalid: 'Trường “timeframes” phải là “keep” hoặc “shift”.',
    acceptProseInvalid:
      'Lựa chọn dòng “Tìm thấy trong văn bản” không khớp với tệp: hãy xem trước lại tệp rồi chọn lại.',
  },
  {
    alreadyUndone: 'This import has already been undone.',
    timeframesInvalid: 'The "timeframes" field must be "keep" or "shift".',
    acceptProseInvalid:
      'The choice of rows "found in the text" does not match the file: preview it again and choose again.',
  },
)
