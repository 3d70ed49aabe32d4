import { useQuery } from '@tanstack/react-query'
import { canReview, councilNames } from '@caitien/shared'
import type { ReactNode } from 'react'
import { Modal } from '@/components/ui/modal'
import { LoadFailed } from '@/components/ui/load-failed'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { reviewQueueQueryOptions } from '../api/review-queue-queries'
import { reviewMessages } from '../review-messages'
import { ReviewItem, type QueueMember } from './review-item'

/**
 * "Hàng đợi xác nhận": the cards waiting in "Đã nộp minh chứng", oldest submission
 * first, each with its evidence and the two verdicts. The principal sees it read only.
 * Evidence and the card panel belong to other features: the app passes them in.
 */
export function ReviewQueue({
  planId,
  members,
  renderEvidence,
  onOpenCard,
  onChanged,
  onClose,
  elsewhere,
}: {
  planId: string
  members: readonly QueueMember[]
  renderEvidence: (cardId: string) => ReactNode
  onOpenCard: (cardId: string) => void
  onChanged: (cardId: string) => void
  onClose: () => void
  /** What waits for review in the person's other plans (the app knows it). */
  elsewhere?: ReactNode
}) {
  const m = useMessages(reviewMessages)
  const common = useMessages(commonMessages)
  const query = useQuery(reviewQueueQueryOptions(planId))
  const bodies = useMessages(councilNames)
  const body = query.data ? bodies[query.data.councilKind] : null
  const readOnlyBody = body ?? bodies.monitoring_team

  return (
    <Modal
      title={body ? m.reviewQueueOf({ body }) : m.reviewQueue}
      onClose={onClose}
      variant="wide"
      closeLabel={common.close}
    >
      <div className="queue">
        <p className="muted queue-hint">{m.reviewQueueHint}</p>
        {elsewhere}
        {query.data && !canReview(query.data.me) && (
          <p className="queue-readonly">{m.reviewReadOnly({ body: readOnlyBody })}</p>
        )}
        {query.isPending && <p className="muted">{common.loading}</p>}
        {query.isError && (
          <LoadFailed
            message={common.loadFailed}
            retryLabel={common.retry}
            onRetry={() => void query.refetch()}
          />
        )}
        {query.data && query.data.queue.length === 0 && (
          <div className="queue-empty">
            <span className="queue-empty-icon" aria-hidden="true">
              ✓
            </span>
            <p>{m.reviewQueueEmpty}</p>
          </div>
        )}
        {query.data && query.data.queue.length > 0 && (
          <ol className="queue-list">
            {query.data.queue.map((item) => (
              <ReviewItem
                key={item.card.id}
                item={item}
                me={query.data.me}
                planId={planId}
                members={members}
                evidence={renderEvidence(item.card.id)}
                onOpenCard={onOpenCard}
                onChanged={onChanged}
              />
            ))}
          </ol>
        )}
      </div>
    </Modal>
  )
}
