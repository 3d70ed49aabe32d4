import { addEvidenceInputSchema, type Actor } from '@caitien/shared'
import { useId, useRef, useState } from 'react'
import type { DragEvent, FormEvent } from 'react'
import { UploadIcon } from '@/components/ui/icons'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import { useAddEvidence, type CardDetail } from '../api/card-queries'
import { useEvidenceUploads } from '../api/use-evidence-uploads'
import { cardMessages } from '../card-messages'
import { EvidenceList } from './evidence-list'
import { LinkEvidencePicker } from './link-evidence-picker'
import { UploadList } from './upload-list'

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx'

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files')
}

/**
 * The card's evidence (DESIGN §6): the items with their codes; files uploaded by
 * choosing or dropping them anywhere on the section; links and notes. Frozen once
 * the card is verified.
 */
export function EvidenceSection({
  card,
  me,
  canAdd,
  onChanged,
}: {
  card: CardDetail
  me: Actor
  canAdd: boolean
  onChanged: () => void
}) {
  const m = useMessages(cardMessages)
  const frozen = card.status === 'verified'
  const accepting = canAdd && !frozen
  const uploads = useEvidenceUploads(card.id, onChanged)
  const [over, setOver] = useState(false)
  // dragenter/dragleave fire for every child crossed; count them to know when it left.
  const depth = useRef(0)

  const dropHandlers = accepting
    ? {
        onDragEnter: (e: DragEvent) => {
          if (!carriesFiles(e)) return
          e.preventDefault()
          depth.current++
          setOver(true)
        },
        onDragOver: (e: DragEvent) => {
          if (!carriesFiles(e)) return
          e.preventDefault()
          e.dataTransfer.dropEffect = 'copy'
        },
        onDragLeave: () => {
          depth.current = Math.max(0, depth.current - 1)
          if (depth.current === 0) setOver(false)
        },
        onDrop: (e: DragEvent) => {
          if (!carriesFiles(e)) return
          e.preventDefault()
          depth.current = 0
          setOver(false)
          uploads.add([...e.dataTransfer.files])
        },
      }
    : {}

  return (
    <section
      className={`detail-section evidence-section${over ? ' evidence-section-over' : ''}`}
      aria-labelledby="detail-evidence"
      {...dropHandlers}
    >
      <h3 id="detail-evidence" className="section-title">
        {m.evidence} <span className="section-count">{card.evidence.length}</span>
      </h3>
      {card.evidence.length === 0 ? (
        <p className="muted">{m.noEvidence}</p>
      ) : (
        <EvidenceList
          cardId={card.id}
          items={card.evidence}
          me={me}
          frozen={frozen}
          onChanged={onChanged}
        />
      )}
      {frozen && (
        <p className="evidence-frozen">
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M4 7.5h8v6H4z M5.8 7.5V5.3a2.2 2.2 0 0 1 4.4 0v2.2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
          {m.evidenceFrozen}
        </p>
      )}
      {accepting && (
        <>
          <UploadZone onFiles={uploads.add} over={over} />
          <UploadList
            uploads={uploads.uploads}
            onCancel={uploads.cancel}
            onDismiss={uploads.dismiss}
          />
          <LinkExisting card={card} onChanged={onChanged} />
          <LinkOrNoteForm cardId={card.id} onChanged={onChanged} />
        </>
      )}
    </section>
  )
}

/** "Liên kết minh chứng có sẵn": one document serving several criteria keeps its code. */
function LinkExisting({ card, onChanged }: { card: CardDetail; onChanged: () => void }) {
  const m = useMessages(cardMessages)
  const [open, setOpen] = useState(false)
  return (
    <div className="evidence-link-existing">
      <button
        type="button"
        className="button button-small"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.9.9 M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.9-.9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
        {m.linkExisting}
      </button>
      {open && (
        <LinkEvidencePicker card={card} onClose={() => setOpen(false)} onChanged={onChanged} />
      )}
    </div>
  )
}

function UploadZone({ onFiles, over }: { onFiles: (files: File[]) => void; over: boolean }) {
  const m = useMessages(cardMessages)
  const id = useId()
  const choose = (
    <>
      <input
        id={`${id}-files`}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-formats`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])]
          // Cleared, so that choosing the same file again (after fixing it) is a change.
          e.target.value = ''
          onFiles(files)
        }}
      />
      <label
        htmlFor={`${id}-files`}
        className="button button-small button-primary evidence-drop-button"
      >
        <UploadIcon />
        {m.uploadInput}
      </label>
    </>
  )
  return (
    <div className={`evidence-drop${over ? ' evidence-drop-over' : ''}`}>
      <p className="evidence-drop-title">{over ? m.uploadDropNow : m.uploadTitle}</p>
      <p className="evidence-drop-hint">
        {richMessage(m.uploadDrop, { choose }, (words) => (
          <span>{words.trim()}</span>
        ))}
      </p>
      <p id={`${id}-formats`} className="drop-formats">
        {m.uploadFormats}
      </p>
    </div>
  )
}

function LinkOrNoteForm({ cardId, onChanged }: { cardId: string; onChanged: () => void }) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const add = useAddEvidence(cardId, onChanged)
  const [kind, setKind] = useState<'link' | 'note'>('link')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const input = kind === 'link' ? { kind, title, url } : { kind, title, note }
    const parsed = addEvidenceInputSchema.safeParse(input)
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      return
    }
    setError(null)
    add.mutate(parsed.data, {
      onSuccess: () => {
        setTitle('')
        setUrl('')
        setNote('')
      },
      onError: (err) => showToast(errorMessage(err, common.loadFailed)),
    })
  }

  return (
    <form className="evidence-form" onSubmit={onSubmit} noValidate>
      <p className="evidence-form-title">{m.addLinkOrNote}</p>
      <fieldset className="segmented">
        <legend className="visually-hidden">{m.addLinkOrNote}</legend>
        <label>
          <input
            type="radio"
            name={`evidence-kind-${cardId}`}
            checked={kind === 'link'}
            onChange={() => setKind('link')}
          />
          <span>{m.evidenceLink}</span>
        </label>
        <label>
          <input
            type="radio"
            name={`evidence-kind-${cardId}`}
            checked={kind === 'note'}
            onChange={() => setKind('note')}
          />
          <span>{m.evidenceNote}</span>
        </label>
      </fieldset>
      <label className="field">
        <span className="field-label">{m.evidenceTitle}</span>
        <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {kind === 'link' ? (
        <label className="field">
          <span className="field-label">{m.evidenceUrl}</span>
          <input
            type="url"
            inputMode="url"
            value={url}
            placeholder="https://"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
      ) : (
        <label className="field">
          <span className="field-label">{m.evidenceNoteBody}</span>
          <textarea
            rows={3}
            value={note}
            maxLength={5000}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? common.saving : m.addEvidence}
        </button>
      </div>
    </form>
  )
}
