import { formatFileSize } from '@caitien/shared'
import { useI18n, useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import type { Upload } from '../api/use-evidence-uploads'
import { cardMessages } from '../card-messages'

/** The files being sent: a progress bar each, then the code they got or why they were refused. */
export function UploadList({
  uploads,
  onCancel,
  onDismiss,
}: {
  uploads: readonly Upload[]
  onCancel: (id: number) => void
  onDismiss: (id: number) => void
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  if (uploads.length === 0) return null
  return (
    <ul className="upload-list" aria-label={m.uploadProgress} aria-live="polite">
      {uploads.map((u) => {
        const percent = Math.round(u.progress * 100)
        const running = u.state === 'waiting' || u.state === 'uploading'
        return (
          <li key={u.id} className={`upload upload-${u.state}`}>
            <div className="upload-line">
              <span className="upload-name">{u.name}</span>
              <span className="upload-size">{formatFileSize(u.size, lang)}</span>
              <span className="upload-state">
                {u.state === 'waiting' && m.uploadWaiting}
                {u.state === 'uploading' && `${percent}%`}
                {u.state === 'done' && (
                  <>
                    <span aria-hidden="true">✓ </span>
                    {richMessage(m.uploadDone, {
                      code: u.code && <span className="evidence-code">{u.code}</span>,
                    })}
                  </>
                )}
                {u.state === 'cancelled' && m.uploadCancelled}
              </span>
              {running ? (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={m.cancelUploadOf({ name: u.name })}
                  title={m.uploadCancel}
                  onClick={() => onCancel(u.id)}
                >
                  ×
                </button>
              ) : (
                u.state !== 'done' && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={m.dismissUploadOf({ name: u.name })}
                    title={m.dismiss}
                    onClick={() => onDismiss(u.id)}
                  >
                    ×
                  </button>
                )
              )}
            </div>
            {(running || u.state === 'done') && (
              <div
                className="upload-bar"
                role="progressbar"
                aria-label={u.name}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
              >
                <span style={{ width: `${percent}%` }} />
              </div>
            )}
            {u.state === 'failed' && (
              <p className="form-error upload-error" role="alert">
                {u.message || m.uploadFailed}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}
