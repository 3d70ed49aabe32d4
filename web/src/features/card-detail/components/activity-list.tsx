import { formatDateTime } from '@caitien/shared'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import type { ActivityEntry } from '../api/card-queries'
import { activityDetail, activityMessage, activityTransition } from '../activity-text'
import { cardMessages } from '../card-messages'

/** The card's history, newest first. */
export function ActivityList({
  activity,
  nameOf,
}: {
  activity: ActivityEntry[]
  nameOf: (id: string) => string | undefined
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const entries = [...activity].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return (
    <section className="detail-section" aria-labelledby="detail-activity">
      <h3 id="detail-activity" className="section-title">
        {m.activity}
      </h3>
      {entries.length === 0 ? (
        <p className="muted">{m.noActivity}</p>
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
                    {richMessage(activityMessage(a.action, lang), {
                      actor: <strong>{a.actor?.displayName ?? m.someone}</strong>,
                    })}
                    {extra && <span className="timeline-extra"> {extra}</span>}
                  </p>
                  {transition && <p className="timeline-transition">{transition}</p>}
                  {a.reason && (
                    <p className="timeline-reason">{common.reasonLine({ reason: a.reason })}</p>
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
