import { formatDateTime, formatFileSize } from '@caitien/shared'
import { DownloadIcon } from '@/components/ui/icons'
import { Modal } from '@/components/ui/modal'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import type { EvidenceItem } from '../api/card-queries'
import { cardMessages } from '../card-messages'
import { previewKind } from '../evidence-kind'

/**
 * A file shown inside the app: PDF in a frame, an image as itself; Word, Excel and
 * PowerPoint cannot be shown by the browser, so they get a download. The server lets
 * only our own pages frame the file and lets the file itself load nothing.
 */
export function EvidencePreview({ item, onClose }: { item: EvidenceItem; onClose: () => void }) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const file = item.file
  if (!file) return null
  const kind = previewKind(file.mimeType)
  const downloadHref = `${file.href}?download=1`

  const footer = (
    <div className="preview-actions">
      {kind && (
        <a className="button" href={file.href} target="_blank" rel="noopener">
          {m.openInNewTab}
        </a>
      )}
      <a className="button button-primary" href={downloadHref} download={file.name}>
        <DownloadIcon />
        {m.download}
      </a>
    </div>
  )

  return (
    <Modal
      title={m.evidencePreview}
      onClose={onClose}
      variant="wide"
      closeLabel={common.close}
      footer={footer}
    >
      <div className="preview">
        <div className="preview-head">
          <p className="preview-name">
            {item.code && <span className="evidence-code">{item.code}</span>}
            <strong>{file.name}</strong>
          </p>
          {item.title !== file.name && <p className="preview-title">{item.title}</p>}
          <dl className="preview-facts">
            <div>
              <dt>{m.uploadedBy}</dt>
              <dd>{item.createdBy.displayName}</dd>
            </div>
            <div>
              <dt>{m.uploadedAt}</dt>
              <dd>
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{m.fileSize}</dt>
              <dd>{formatFileSize(file.size, lang)}</dd>
            </div>
          </dl>
        </div>
        <div className={`preview-stage preview-stage-${kind ?? 'none'}`}>
          {kind === 'pdf' && (
            <iframe
              className="preview-frame"
              data-testid="evidence-preview-frame"
              src={file.href}
              title={file.name}
            />
          )}
          {kind === 'image' && (
            <img
              className="preview-image"
              data-testid="evidence-preview-image"
              src={file.href}
              alt={item.title}
            />
          )}
          {!kind && (
            <div className="preview-none">
              <p>{m.noPreview}</p>
              <a className="button button-primary" href={downloadHref} download={file.name}>
                {m.downloadFile({ name: file.name })}
              </a>
            </div>
          )}
        </div>
      </div>
    </Modal>
  )
}
