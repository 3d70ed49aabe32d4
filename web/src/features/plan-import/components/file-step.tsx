import { useId, useState } from 'react'
import { useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import { importMessages } from '../import-messages'

const ACCEPT = '.docx,.xlsx,.csv'

/** Step 1: a drop zone and the file input. Any file goes to the server, which says what is wrong. */
export function FileStep({
  onFile,
  pending,
  fileName,
  error,
}: {
  onFile: (file: File) => void
  pending: boolean
  fileName: string | null
  error: string | null
}) {
  const c = useMessages(importMessages)
  const id = useId()
  const [over, setOver] = useState(false)
  const choose = (
    <>
      <input
        id={`${id}-file`}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        disabled={pending}
        aria-describedby={`${id}-formats`}
        onChange={(e) => {
          const file = e.target.files?.[0]
          // Cleared so that choosing the same file again, after fixing it, is a change.
          e.target.value = ''
          if (file) onFile(file)
        }}
      />
      <label htmlFor={`${id}-file`} className="button button-primary drop-button">
        {c.chooseFile}
      </label>
    </>
  )

  return (
    <div className="import-file-step">
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          if (!pending) setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          const file = e.dataTransfer.files[0]
          if (file && !pending) onFile(file)
        }}
      >
        <svg className="drop-icon" width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
          <path
            d="M11 5h13l8 8v22H11z M24 5v8h8 M21.5 30V19m-4.5 4.5 4.5-4.5 4.5 4.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {richMessage(c.dropHint, { choose }, (words) => (
          <p className="drop-hint">{words.trim()}</p>
        ))}
        <p id={`${id}-formats`} className="drop-formats">
          {c.formats}
        </p>
      </div>
      <div className="import-file-status" aria-live="polite">
        {pending && (
          <p className="busy">
            <span className="spinner" aria-hidden="true" />
            {richMessage(c.reading, { file: fileName && <strong>{fileName}</strong> })}
          </p>
        )}
      </div>
      {error && !pending && (
        <div className="form-error import-error" role="alert">
          {fileName && <strong>{fileName}: </strong>}
          {error}
        </div>
      )}
      <p className="muted import-safe-note">{c.safeNote}</p>
    </div>
  )
}
