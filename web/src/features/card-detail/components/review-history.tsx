import { formatDateTime } from '@caitien/shared'
import { useI18n } from '@/lib/i18n'
import type { ReviewEntry } from '../api/card-queries'
import { resubmissionsLabel, submissionLabel } from '../evidence-copy'

/** "Lịch sử xác nhận": every verdict of the monitoring team, newest first. */
export function ReviewHistory({
  reviews,
  resubmissions,
}: {
  reviews: readonly ReviewEntry[]
  resubmissions: number
}) {
  const { t, lang } = useI18n()
  if (reviews.length === 0 && resubmissions === 0) return null
  return (
    <section className="detail-section" aria-labelledby="detail-reviews">
      <div className="section-head">
        <h3 id="detail-reviews" className="section-title">
          {t('reviewHistory')}
        </h3>
        {resubmissions > 0 && (
          <span className="badge badge-resubmitted">{resubmissionsLabel(resubmissions, lang)}</span>
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
                  {verified ? t('verdictVerified') : t('verdictSentBack')}
                </span>
                <strong>{r.reviewer.displayName}</strong>
                <span className="meta">
                  <time dateTime={r.at}>{formatDateTime(r.at)}</time> ·{' '}
                  {submissionLabel(r.submission, lang)}
                </span>
              </div>
              {r.reason && (
                <p className="review-reason multiline">
                  <span className="review-reason-label">
                    {verified ? t('reviewComment') : t('reasonPrefix')}:
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
  const { t } = useI18n()
  const latest = reviews[0]
  if (status !== 'in_progress' || latest?.verdict !== 'sent_back') return null
  return (
    <div className="sent-back-note">
      <p className="sent-back-note-head">
        <strong>{t('sentBackNote')}</strong>{' '}
        <span className="meta">
          {latest.reviewer.displayName} ·{' '}
          <time dateTime={latest.at}>{formatDateTime(latest.at)}</time>
        </span>
      </p>
      {latest.reason && <p className="multiline">{latest.reason}</p>}
    </div>
  )
}
