import { Modal } from '@/components/ui/modal'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'

/** Asks before a change that cannot be taken back silently (a reset, a deactivation). */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  danger = false,
  busy = false,
  error,
  onConfirm,
  onClose,
}: {
  title: string
  text: string
  confirmLabel: string
  danger?: boolean
  busy?: boolean
  error?: string | null
  onConfirm: () => void
  onClose: () => void
}) {
  const common = useMessages(commonMessages)
  return (
    <Modal title={title} onClose={onClose} closeLabel={common.close}>
      <p>{text}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {common.cancel}
        </button>
        <button
          type="button"
          className={`button ${danger ? 'button-danger' : 'button-primary'}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
