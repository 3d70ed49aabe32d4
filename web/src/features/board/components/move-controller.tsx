import {
  STATUS_LABELS,
  checkMove,
  moveRejectionMessage,
  type Actor,
  type CardStatus,
  type MoveKind,
} from '@caitien/shared'
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { Modal } from '@/components/ui/modal'
import { useToast } from '@/components/ui/toast'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import type { BoardCard } from '../api/board-queries'
import { useMoveCard } from '../api/use-move-card'
import { boardMessages } from '../board-messages'

interface MoveController {
  me: Actor
  /**
   * Every way of moving a card ends here (drag, menu, detail panel): the shared rule
   * first, without a round trip; then the reason dialog when the move needs one; then
   * the optimistic request. The server re-checks everything.
   */
  requestMove: (card: BoardCard, to: CardStatus, beforeCardId: string | null) => void
  /** False on a plan nobody may write (archived): no drag, no move menu, no move buttons. */
  writable: boolean
}

const MoveContext = createContext<MoveController | null>(null)

interface PendingMove {
  card: BoardCard
  to: CardStatus
  beforeCardId: string | null
  /** The move the rule found: a send-back or a reopening asks its own question. */
  kind: MoveKind | 'reorder'
}

export function MoveProvider({
  planId,
  me,
  writable = true,
  children,
}: {
  planId: string
  me: Actor
  /** The plan may be written (planWriteRefusal); false offers no way to move a card. */
  writable?: boolean
  children: ReactNode
}) {
  const { lang } = useI18n()
  const { showToast } = useToast()
  const move = useMoveCard(planId)
  const [pending, setPending] = useState<PendingMove | null>(null)

  const requestMove = useCallback(
    (card: BoardCard, to: CardStatus, beforeCardId: string | null) => {
      const check = checkMove(card, to, me)
      if (!check.ok) {
        showToast(moveRejectionMessage(check.reason, card.status, to, lang))
        return
      }
      if (check.needsReason) {
        setPending({ card, to, beforeCardId, kind: check.kind })
        return
      }
      const base = { cardId: card.id, version: card.version, to, beforeCardId }
      move.mutate({ ...base, kind: check.kind === 'reorder' ? 'reorder' : 'move' })
    },
    // move.mutate is stable across renders (TanStack guarantees it).
    [me, move.mutate, showToast, lang],
  )

  const value = useMemo(() => ({ me, requestMove, writable }), [me, requestMove, writable])

  return (
    <MoveContext value={value}>
      {children}
      {pending && (
        <ReasonDialog
          pending={pending}
          onCancel={() => setPending(null)}
          onConfirm={(reason) => {
            const { card, to, beforeCardId } = pending
            setPending(null)
            move.mutate({
              kind: 'move',
              cardId: card.id,
              version: card.version,
              to,
              beforeCardId,
              reason,
            })
          }}
        />
      )}
    </MoveContext>
  )
}

export function useMoveController(): MoveController {
  const value = useContext(MoveContext)
  if (!value) throw new Error('useMoveController outside MoveProvider')
  return value
}

function ReasonDialog({
  pending,
  onCancel,
  onConfirm,
}: {
  pending: PendingMove
  onCancel: () => void
  onConfirm: (reason: string) => void
}) {
  const { lang } = useI18n()
  const m = useMessages(boardMessages)
  const common = useMessages(commonMessages)
  const [reason, setReason] = useState('')
  const [error, setError] = useState(false)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const reopen = pending.kind === 'reopen'
  const description = reopen
    ? m.reasonReopen
    : m.reasonSendBack({ column: STATUS_LABELS[lang][pending.to] })

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const trimmed = reason.trim()
    if (!trimmed) {
      setError(true)
      inputRef.current?.focus()
      return
    }
    onConfirm(trimmed)
  }

  return (
    <Modal
      title={reopen ? m.reasonTitleReopen : m.reasonTitleSendBack}
      onClose={onCancel}
      closeLabel={common.close}
      initialFocus={inputRef}
    >
      <form className="reason-form" onSubmit={onSubmit} noValidate>
        <p className="muted">{description}</p>
        <p className="reason-card">{pending.card.title}</p>
        <label className="field">
          <span className="field-label">{common.reasonLabel}</span>
          <textarea
            ref={inputRef}
            rows={4}
            required
            maxLength={2000}
            value={reason}
            aria-invalid={error || undefined}
            onChange={(e) => {
              setReason(e.target.value)
              if (e.target.value.trim()) setError(false)
            }}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {common.reasonRequired}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            {common.cancel}
          </button>
          <button type="submit" className="button button-primary">
            {m.confirm}
          </button>
        </div>
      </form>
    </Modal>
  )
}
