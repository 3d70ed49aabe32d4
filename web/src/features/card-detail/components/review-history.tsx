import { formatDateTime } from '@caitien/shared'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import type { ReviewEntry } from '../api/card-queries'
import { cardMessages } from '../card-messages'

/** "Lịch sử xác nhận": every verdict of the monitoring team, newest first. */
export function ReviewHistory({
  reviews,
  resubmissions,
}: {
  reviews: readonly ReviewEntry[]
  resubmissions: number
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  if (reviews.length === 0 && resubmissions === 0) return null
  return (
    <section className="detail-section" aria-labelledby="detail-reviews">
      <div className="section-head">
        <h3 id="detail-reviews" className="section-title">
          {m.reviewHistory}
        </h3>
        {resubmissions > 0 && (
          <span className="badge badge-resubmitted">{m.resubmissions({ n: resubmissions })}</span>
        )}
      </div>
      <ol className="reviews">
        {reviews.map((r) => {
          const verified = r.verdict === 'verified'
          return (
            <li
              key={r.id}
              className={`review review-${r.verdict}`}
              data-testid="review-entry"
              data-verdict={r.verdict}
            >
              <div className="review-head">
                <span className={`verdict verdict-${r.verdict}`}>
                  {verified ? m.verdictVerified : m.verdictSentBack}
                </span>
                <strong>{r.reviewer.displayName}</strong>
                <span className="meta">
                  <time dateTime={r.at}>{formatDateTime(r.at)}</time> ·{' '}
                  {m.submission({ n: r.submission })}
                </span>
              </div>
              {r.reason && (
                <p className="review-reason multiline">
                  <span className="review-reason-label">
                    {verified ? common.commentLabel : common.reasonLabel}:
                  </span>{' '}
                  {r.reason}
                </p>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/**
 * On a card sent back and not yet submitted again: why, at the top of the panel, so
 * the assignee sees what to fix before scrolling to the history.
 */
export function LatestSendBack({
  status,
  reviews,
}: {
  status: string
  reviews: readonly ReviewEntry[]
}) {
  const m = useMessages(cardMessages)
  const latest = reviews[0]
  if (status !== 'in_progress' || latest?.verdict !== 'sent_back') return null
  return (
    <div className="sent-back-note">
      <p className="sent-back-note-head">
        <strong>{m.sentBackNote}</strong>{' '}
        <span className="meta">
          {latest.reviewer.displayName} ·{' '}
          <time dateTime={latest.at}>{formatDateTime(latest.at)}</time>
        </span>
      </p>
      {latest.reason && <p className="multiline">{latest.reason}</p>}
    </div>
  )
}
