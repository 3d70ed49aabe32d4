import { CARD_STATUSES, STATUS_LABELS } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useI18n, useMessages } from '@/lib/i18n'
import { boardQueryOptions } from '../api/board-queries'
import { boardMessages } from '../board-messages'
import { dragGuide } from '../drag-guide'
import { useMoveController } from './move-controller'

/** The move-to actions as a row of buttons, for the card detail panel. */
export function MoveToActions({ planId, cardId }: { planId: string; cardId: string }) {
  const { lang } = useI18n()
  const m = useMessages(boardMessages)
  const { me, requestMove, writable } = useMoveController()
  const { data } = useQuery(boardQueryOptions(planId))
  const card = data?.cards.find((c) => c.id === cardId)
  if (!card || !writable) return null
  const guide = dragGuide(card, me, lang)
  const targets = CARD_STATUSES.filter((s) => s !== card.status)
  return (
    <div className="move-actions" role="group" aria-label={m.moveTo}>
      <span className="move-actions-label">{m.moveTo}</span>
      <ul className="move-actions-list">
        {targets.map((s) => {
          const refusal = guide.refusals[s]
          return (
            <li key={s}>
              <button
                type="button"
                className={`button button-small status-button status-dot-${s}`}
                disabled={refusal !== undefined}
                title={refusal}
                onClick={() => requestMove(card, s, null)}
              >
                {STATUS_LABELS[lang][s]}
              </button>
              {refusal && <span className="move-actions-reason">{refusal}</span>}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
