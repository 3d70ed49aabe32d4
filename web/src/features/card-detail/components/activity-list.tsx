import { formatDateTime } from '@caitien/shared'
import { useI18n } from '@/lib/i18n'
import type { ActivityEntry } from '../api/card-queries'
import { activityDetail, activityText, activityTransition } from '../activity-copy'

/** The card's history, newest first. */
export function ActivityList({
  activity,
  nameOf,
}: {
  activity: ActivityEntry[]
  nameOf: (id: string) => string | undefined
}) {
  const { t, lang } = useI18n()
  const entries = [...activity].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return (
    <section className="detail-section" aria-labelledby="detail-activity">
      <h3 id="detail-activity" className="section-title">
        {t('activity')}
      </h3>
      {entries.length === 0 ? (
        <p className="muted">{t('noActivity')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((a) => {
            const transition = activityTransition(a.fromStatus, a.toStatus, lang)
            const extra = activityDetail(a.action, a.detail, nameOf)
            return (
              <li key={a.id} className={`timeline-item timeline-${a.action}`}>
                <span className="timeline-dot" aria-hidden="true" />
                <div>
                  <p>
                    <strong>{a.actor?.displayName ?? t('someone')}</strong>{' '}
                    {activityText(a.action, lang)}
                    {extra && <span className="timeline-extra"> {extra}</span>}
                  </p>
                  {transition && <p className="timeline-transition">{transition}</p>}
                  {a.reason && (
                    <p className="timeline-reason">
                      {t('reasonPrefix')}: {a.reason}
                    </p>
                  )}
                  <time className="meta" dateTime={a.at}>
                    {formatDateTime(a.at)}
                  </time>
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
