import {
  canReview,
  checkMove,
  formatDateTime,
  moveRejectionMessage,
  type Actor,
  type CardStatus,
} from '@caitien/shared'
import { useId, useRef, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import { useVerdict, type QueueItem } from '../api/review-queue-queries'
import { changeLabel, evidenceChangeLabels, reviewMessages } from '../review-messages'

export interface QueueMember {
  id: string
  displayName: string
}

/** One card waiting for review: what was submitted, what changed, and the verdicts. */
export function ReviewItem({
  item,
  me,
  planId,
  members,
  evidence,
  onOpenCard,
  onChanged,
}: {
  item: QueueItem
  me: Actor
  planId: string
  members: readonly QueueMember[]
  evidence: ReactNode
  onOpenCard: (cardId: string) => void
  onChanged: (cardId: string) => void
}) {
  const m = useMessages(reviewMessages)
  const common = useMessages(commonMessages)
  const changes = useMessages(evidenceChangeLabels)
  const id = useId()
  const { card } = item
  const assignees = card.assigneeIds
    .map((a) => members.find((member) => member.id === a))
    .filter((member): member is QueueMember => member !== undefined)

  return (
    <li
      className={`queue-item${item.ownCard ? ' queue-item-own' : ''}`}
      data-testid="review-item"
      data-card-id={card.id}
      aria-labelledby={`${id}-title`}
    >
      <div className="queue-item-head">
        <div className="queue-item-tags">
          {card.criterion && (
            <span className={`tile-criterion std-${card.standard ?? 'none'}`}>
              {common.criterionTag({ code: card.criterion })}
            </span>
          )}
          <span className={`badge badge-submission${item.submission > 1 ? ' badge-again' : ''}`}>
            {m.submission({ n: item.submission })}
          </span>
          {item.submittedAt && (
            <span className="meta">
              {richMessage(common.submittedAt, {
                at: <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>,
              })}
            </span>
          )}
        </div>
        <h3 id={`${id}-title`} className="queue-item-title">
          {card.title}
        </h3>
        <div className="queue-item-people">
          {assignees.length === 0 ? (
            <span className="muted">{common.noAssignee}</span>
          ) : (
            assignees.map((member) => (
              <span key={member.id} className="person">
                <Avatar id={member.id} name={member.displayName} size={22} />
                <span>{member.displayName}</span>
              </span>
            ))
          )}
          <button
            type="button"
            className="link-button queue-open-card"
            onClick={() => onOpenCard(card.id)}
          >
            {m.openCard}
          </button>
        </div>
      </div>

      {item.lastSendBack && (
        <div className="queue-sendback">
          <p className="queue-sendback-head">
            <strong>{m.lastSendBack}</strong>{' '}
            <span className="meta">
              {item.lastSendBack.reviewer} ·{' '}
              <time dateTime={item.lastSendBack.at}>{formatDateTime(item.lastSendBack.at)}</time>
            </span>
          </p>
          {item.lastSendBack.reason && (
            <p className="multiline queue-sendback-reason">{item.lastSendBack.reason}</p>
          )}
          <p className="queue-changes-title">{m.changesSinceSendBack}</p>
          {item.changesSinceSendBack.length === 0 ? (
            <p className="muted">{m.noChangesSinceSendBack}</p>
          ) : (
            <ul className="queue-changes">
              {item.changesSinceSendBack.map((c, i) => (
                <li key={`${c.at}-${i}`} className={`queue-change queue-change-${c.action}`}>
                  <span className="queue-change-kind">{changeLabel(changes, c.action)}</span>
                  {c.code && <span className="evidence-code">{c.code}</span>}
                  <span className="queue-change-title">{c.title}</span>
                  <span className="meta">
                    {c.by} · <time dateTime={c.at}>{formatDateTime(c.at)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="queue-evidence">
        <p className="queue-evidence-title">
          {m.evidence} <span className="section-count">{card.evidenceCount}</span>
        </p>
        {evidence}
      </div>

      <VerdictActions item={item} me={me} planId={planId} onChanged={onChanged} />
    </li>
  )
}

function VerdictActions({
  item,
  me,
  planId,
  onChanged,
}: {
  item: QueueItem
  me: Actor
  planId: string
  onChanged: (cardId: string) => void
}) {
  const { lang } = useI18n()
  const m = useMessages(reviewMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const id = useId()
  const verdict = useVerdict(planId, onChanged)
  const [mode, setMode] = useState<'idle' | 'send_back'>('idle')
  const [withComment, setWithComment] = useState(false)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [reasonMissing, setReasonMissing] = useState(false)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const { card } = item

  // The principal follows the queue; the queue says once why there are no verdicts.
  if (!canReview(me)) return null

  // The shared rule decides both verdicts, as it decides every move; the server checks again.
  const approveCheck = checkMove(card, 'verified', me)
  const sendBackCheck = checkMove(card, 'in_progress', me)
  const own = !approveCheck.ok && approveCheck.reason === 'own_card'
  const refusal = approveCheck.ok
    ? null
    : moveRejectionMessage(approveCheck.reason, card.status, 'verified', lang)

  function decide(to: CardStatus, text: string) {
    verdict.mutate(
      { cardId: card.id, version: card.version, to, reason: text },
      {
        onSuccess: () => showToast(to === 'verified' ? m.approved : m.sentBack, 'info'),
        onError: (err) => showToast(errorMessage(err, common.moveFailed)),
      },
    )
  }

  function onSendBack(event: FormEvent) {
    event.preventDefault()
    if (!reason.trim()) {
      setReasonMissing(true)
      reasonRef.current?.focus()
      return
    }
    decide('in_progress', reason)
  }

  if (mode === 'send_back') {
    return (
      <form className="verdict-form" onSubmit={onSendBack} noValidate>
        <label className="field">
          <span className="field-label">{m.sendBackReason}</span>
          <textarea
            ref={reasonRef}
            rows={3}
            required
            maxLength={2000}
            value={reason}
            autoFocus
            aria-invalid={reasonMissing || undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setReason(e.target.value)
              if (e.target.value.trim()) setReasonMissing(false)
            }}
          />
        </label>
        <p id={`${id}-hint`} className="meta">
          {m.sendBackHint}
        </p>
        {reasonMissing && (
          <p className="form-error" role="alert">
            {common.reasonRequired}
          </p>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setMode('idle')
              setReasonMissing(false)
            }}
          >
            {common.cancel}
          </button>
          <button type="submit" className="button button-warn" disabled={verdict.isPending}>
            {verdict.isPending ? common.saving : m.sendBackConfirm}
          </button>
        </div>
      </form>
    )
  }

  return (
    <div className="verdict">
      {withComment && !own && (
        <label className="field">
          <span className="field-label">{m.approveComment}</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={comment}
            autoFocus
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
      )}
      <div className="verdict-actions">
        {!withComment && !own && (
          <button
            type="button"
            className="link-button verdict-comment-toggle"
            onClick={() => setWithComment(true)}
          >
            {m.addApproveComment}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!sendBackCheck.ok || verdict.isPending}
          aria-describedby={refusal ? `${id}-refusal` : undefined}
          onClick={() => setMode('send_back')}
        >
          <span aria-hidden="true">↩ </span>
          {m.sendBack}
        </button>
        <button
          type="button"
          className="button button-approve"
          disabled={!approveCheck.ok || verdict.isPending}
          aria-describedby={refusal ? `${id}-refusal` : undefined}
          onClick={() => decide('verified', comment)}
        >
          <span aria-hidden="true">✓ </span>
          {m.approve}
        </button>
      </div>
      {refusal && (
        <p id={`${id}-refusal`} className="verdict-refusal">
          {refusal}
        </p>
      )}
    </div>
  )
}
