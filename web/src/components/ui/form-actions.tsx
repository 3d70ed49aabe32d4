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

/**
 * A settings form's last row: why the save failed, the save button, and a note once saved
 * (until the form changes again). Shown only to those who may save.
 */
export function SaveWithNote({
  error,
  pending,
  disabled = false,
  label,
  savedNote,
  primary = true,
}: {
  error: string | null
  pending: boolean
  disabled?: boolean
  label: string
  /** The note after a save, or null while there is none to show. */
  savedNote: string | null
  primary?: boolean
}) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className={primary ? 'button button-small button-primary' : 'button button-small'}
          disabled={pending || disabled}
        >
          {label}
        </button>
        {savedNote && (
          <span className="form-success" role="status">
            {savedNote}
          </span>
        )}
      </div>
    </>
  )
}
