import { formatDateTime } from '@caitien/shared'
import { useId, useState } from 'react'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import { useSaveRemarks, type MonthView } from '../api/progress-queries'
import { progressMessages } from '../progress-messages'

/**
 * "Nhận xét của Tổ giám sát": printed in the month's report. The monitoring team edits
 * them (the server checks the role again); everyone else reads them.
 */
export function RemarksSection({
  planId,
  month,
  remarks,
  canEdit,
}: {
  planId: string
  month: string
  remarks: MonthView['remarks']
  canEdit: boolean
}) {
  const c = useMessages(progressMessages)
  const id = useId()
  const { showToast } = useToast()
  const saved = remarks?.text ?? ''
  const [text, setText] = useState(saved)
  const save = useSaveRemarks(planId, month)
  const dirty = text.trim() !== saved.trim()

  const byline = remarks && (
    <p className="meta dash-remarks-by">
      {richMessage(c.remarksBy, {
        author: remarks.author,
        at: <time dateTime={remarks.updatedAt}>{formatDateTime(remarks.updatedAt)}</time>,
      })}
    </p>
  )

  if (!canEdit) {
    return (
      <div className="dash-remarks">
        {remarks ? (
          <>
            <p className="multiline dash-remarks-text">{remarks.text}</p>
            {byline}
          </>
        ) : (
          <p className="muted">{c.remarksEmpty}</p>
        )}
      </div>
    )
  }

  return (
    <form
      className="dash-remarks"
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate(text, {
          onSuccess: () => showToast(c.remarksSaved, 'info'),
          onError: (error) => showToast(errorMessage(error, c.remarksFailed)),
        })
      }}
    >
      {/* The section's heading shows the same words: the label is for screen readers. */}
      <label className="field" htmlFor={`${id}-text`}>
        <span className="visually-hidden">{c.remarks}</span>
        <textarea
          id={`${id}-text`}
          rows={5}
          maxLength={10_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="dash-remarks-actions">
        {byline}
        {dirty && <span className="meta">{c.remarksUnsaved}</span>}
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={save.isPending || !dirty}
        >
          {c.saveRemarks}
        </button>
      </div>
    </form>
  )
}
