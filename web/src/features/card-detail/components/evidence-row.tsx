import { formatDateTime, formatFileSize } from '@caitien/shared'
import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { Modal } from '@/components/ui/modal'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { useDeleteEvidence, useSetEvidenceCode, type EvidenceItem } from '../api/card-queries'
import { cardMessages } from '../card-messages'
import { evidenceIcon, type EvidenceIcon } from '../evidence-kind'

const ICON_TEXT: Partial<Record<EvidenceIcon, string>> = {
  pdf: 'PDF',
  word: 'DOC',
  excel: 'XLS',
  powerpoint: 'PPT',
  file: 'FILE',
}

/** A file-type badge, or a pictogram for images, links and notes. */
export function EvidenceKindIcon({ icon }: { icon: EvidenceIcon }) {
  const text = ICON_TEXT[icon]
  return (
    <span className={`evidence-icon evidence-icon-${icon}`} aria-hidden="true">
      {text ?? (
        <svg width="16" height="16" viewBox="0 0 16 16">
          {icon === 'image' && (
            <path
              d="M2.5 3.5h11v9h-11z M2.5 10.5l3-3 3 3 2-2 3 3 M10.5 6.2a.9.9 0 1 0 0-.1"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
          )}
          {icon === 'link' && (
            <path
              d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.9.9 M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.9-.9"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
            />
          )}
          {icon === 'note' && (
            <path
              d="M3.5 2.5h9v11h-9z M5.5 5.5h5 M5.5 8h5 M5.5 10.5h3"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          )}
        </svg>
      )}
    </span>
  )
}

/**
 * One evidence item: code, kind, title, who added it and when. A file opens the
 * preview; its uploader may delete it before the card is verified; the principal may
 * change its code.
 */
export function EvidenceRow({
  item,
  cardId,
  onPreview,
  canDelete,
  canEditCode,
  onChanged,
}: {
  item: EvidenceItem
  cardId: string
  onPreview: (item: EvidenceItem) => void
  canDelete: boolean
  canEditCode: boolean
  onChanged?: () => void
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const icon = evidenceIcon(item.kind, item.file?.mimeType)
  const kindLabel =
    item.kind === 'link' ? m.evidenceLink : item.kind === 'note' ? m.evidenceNote : null
  const fileName = item.file?.name

  return (
    <li className="evidence" data-testid="evidence-item" data-evidence-id={item.id}>
      <EvidenceKindIcon icon={icon} />
      <div className="evidence-main">
        <div className="evidence-top">
          {editing ? (
            <CodeForm
              item={item}
              cardId={cardId}
              onDone={() => setEditing(false)}
              onChanged={onChanged}
            />
          ) : (
            <>
              <span className="evidence-code">{item.code}</span>
              {canEditCode && (
                <button
                  type="button"
                  className="link-button evidence-code-edit"
                  aria-label={item.code ? m.editCodeOf({ code: item.code }) : m.editCode}
                  onClick={() => setEditing(true)}
                >
                  {m.editCode}
                </button>
              )}
            </>
          )}
        </div>
        <div className="evidence-body">
          {kindLabel && <span className="visually-hidden">{kindLabel}: </span>}
          {item.file ? (
            <>
              {item.title !== fileName && <strong className="evidence-title">{item.title}</strong>}
              <button
                type="button"
                className="evidence-open"
                aria-haspopup="dialog"
                onClick={() => onPreview(item)}
              >
                {fileName}
              </button>
            </>
          ) : item.kind === 'link' && item.url ? (
            <a className="evidence-title" href={item.url} target="_blank" rel="noopener noreferrer">
              {item.title}
            </a>
          ) : (
            <strong className="evidence-title">{item.title}</strong>
          )}
          {item.kind === 'link' && item.url && item.url !== item.title && (
            <span className="evidence-url">{item.url}</span>
          )}
          {item.note && <p className="multiline">{item.note}</p>}
          <span className="meta">
            {item.createdBy.displayName} ·{' '}
            <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            {item.file && <> · {formatFileSize(item.file.size, lang)}</>}
            {item.linkedFromCardId && (
              <span className="evidence-shared"> · {m.linkedFromOther}</span>
            )}
          </span>
        </div>
      </div>
      {canDelete && (
        <button
          type="button"
          className="icon-button evidence-delete"
          aria-label={m.deleteEvidenceOf({
            item: [item.code, item.title].filter(Boolean).join(' '),
          })}
          title={m.deleteEvidence}
          onClick={() => setConfirming(true)}
        >
          <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M3 4.5h10 M6.5 4.5V3h3v1.5 M4.5 4.5l.6 8.5h5.8l.6-8.5 M7 7v4 M9 7v4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
      {confirming && (
        <DeleteDialog
          item={item}
          cardId={cardId}
          onClose={() => setConfirming(false)}
          onChanged={onChanged}
        />
      )}
    </li>
  )
}

function CodeForm({
  item,
  cardId,
  onDone,
  onChanged,
}: {
  item: EvidenceItem
  cardId: string
  onDone: () => void
  onChanged?: () => void
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const [code, setCode] = useState(item.code ?? '')
  const save = useSetEvidenceCode(cardId, onChanged)
  const error = save.isError ? errorMessage(save.error, common.loadFailed) : null

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const next = code.trim()
    if (!next || next === item.code) {
      onDone()
      return
    }
    save.mutate({ evidenceId: item.id, code: next }, { onSuccess: onDone })
  }

  return (
    <form className="code-form" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={`${id}-code`}>
        {m.evidenceCode}
      </label>
      <input
        id={`${id}-code`}
        className="code-input"
        value={code}
        maxLength={40}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setCode(e.target.value)
          if (save.isError) save.reset()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // Closes the editor, not the card panel around it.
            e.stopPropagation()
            onDone()
          }
        }}
      />
      <button
        type="submit"
        className="button button-small button-primary"
        disabled={save.isPending}
      >
        {save.isPending ? common.saving : common.save}
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        {common.cancel}
      </button>
      {error && (
        <p id={`${id}-error`} className="form-error code-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

function DeleteDialog({
  item,
  cardId,
  onClose,
  onChanged,
}: {
  item: EvidenceItem
  cardId: string
  onClose: () => void
  onChanged?: () => void
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const remove = useDeleteEvidence(cardId, onChanged)
  const cancelRef = useRef<HTMLButtonElement>(null)

  return (
    <Modal
      title={m.deleteEvidenceTitle}
      onClose={onClose}
      closeLabel={common.close}
      initialFocus={cancelRef}
    >
      <p className="reason-card">
        {item.code && <span className="evidence-code">{item.code}</span>} {item.title}
      </p>
      <p className="muted">{m.deleteEvidenceText}</p>
      <div className="form-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          {common.cancel}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(item.id, {
              onSuccess: onClose,
              onError: (err) => {
                showToast(errorMessage(err, common.loadFailed))
                onClose()
              },
            })
          }
        >
          {remove.isPending ? m.deleting : m.delete}
        </button>
      </div>
    </Modal>
  )
}
