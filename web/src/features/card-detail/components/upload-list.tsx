import { useI18n } from '@/lib/i18n'
import type { Upload } from '../api/use-evidence-uploads'
import { formatFileSize } from '../evidence-copy'

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
  const { t, lang } = useI18n()
  if (uploads.length === 0) return null
  return (
    <ul className="upload-list" aria-label={t('uploadProgress')} aria-live="polite">
      {uploads.map((u) => {
        const percent = Math.round(u.progress * 100)
        const running = u.state === 'waiting' || u.state === 'uploading'
        return (
          <li key={u.id} className={`upload upload-${u.state}`}>
            <div className="upload-line">
              <span className="upload-name">{u.name}</span>
              <span className="upload-size">{formatFileSize(u.size, lang)}</span>
              <span className="upload-state">
                {u.state === 'waiting' && t('uploadWaiting')}
                {u.state === 'uploading' && `${percent}%`}
                {u.state === 'done' && (
                  <>
                    <span aria-hidden="true">✓ </span>
                    {t('uploadDone')} {u.code && <span className="evidence-code">{u.code}</span>}
                  </>
                )}
                {u.state === 'cancelled' && t('uploadCancelled')}
              </span>
              {running ? (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${t('uploadCancel')}: ${u.name}`}
                  title={t('uploadCancel')}
                  onClick={() => onCancel(u.id)}
                >
                  ×
                </button>
              ) : (
                u.state !== 'done' && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`${t('dismiss')}: ${u.name}`}
                    title={t('dismiss')}
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
                {u.message || t('uploadFailed')}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}
