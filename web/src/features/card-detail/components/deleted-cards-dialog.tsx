import { formatDateTime } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { deletedCardsQueryOptions, useRestoreCard } from '../api/card-queries'
import { cardEditMessages } from '../card-edit-messages'

/** The plan's deleted cards, latest first, each with a restore button (the principal). */
export function DeletedCardsDialog({
  planId,
  onClose,
  onRestored,
}: {
  planId: string
  onClose: () => void
  onRestored: (cardId: string) => void
}) {
  const m = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const list = useQuery(deletedCardsQueryOptions(planId))
  const restore = useRestoreCard(planId)
  const cards = list.data?.cards ?? []
  return (
    <Modal title={m.deletedCards} onClose={onClose} closeLabel={common.close}>
      <p className="muted form-hint">{m.deletedCardsHint}</p>
      {list.isPending && <p className="muted">{common.loading}</p>}
      {list.isError && <p className="form-error">{common.loadFailed}</p>}
      {list.isSuccess && cards.length === 0 && <p className="muted">{m.noDeletedCards}</p>}
      {restore.isError && (
        <p className="form-error" role="alert">
          {errorMessage(restore.error, m.restoreFailed)}
        </p>
      )}
      {cards.length > 0 && (
        <ul className="deleted-list">
          {cards.map((card) => {
            const title = card.title || m.untitled
            const at = formatDateTime(card.deletedAt)
            return (
              <li key={card.id} className="deleted-item">
                <div className="deleted-item-text">
                  <span className="deleted-item-title">
                    {card.criterion && (
                      <span className={`tile-criterion std-${card.standard ?? 'none'}`}>
                        {common.criterionTag({ code: card.criterion })}
                      </span>
                    )}{' '}
                    {title}
                  </span>
                  <span className="meta">
                    {card.deletedBy
                      ? m.deletedBy({ who: card.deletedBy, at })
                      : m.deletedAt({ at })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={m.restoreCardOf({ title })}
                  disabled={restore.isPending}
                  onClick={() =>
                    restore.mutate(
                      { id: card.id, version: card.version },
                      { onSuccess: () => onRestored(card.id) },
                    )
                  }
                >
                  {m.restoreCard}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </Modal>
  )
}
