import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'

/** A small form's "Huỷ" and "Lưu" (saving while pending); the form's submit saves. */
export function SaveCancel({
  pending,
  disabled = false,
  onCancel,
}: {
  pending: boolean
  /** Saving is not possible yet (the form is incomplete). */
  disabled?: boolean
  onCancel: () => void
}) {
  const common = useMessages(commonMessages)
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel}>
        {common.cancel}
      </button>
      <button type="submit" className="button button-primary" disabled={pending || disabled}>
        {pending ? common.saving : common.save}
      </button>
    </div>
  )
}
