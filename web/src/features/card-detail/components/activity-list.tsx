import { formatDateTime } from '@caitien/shared'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import type { ActivityEntry } from '../api/card-queries'
import {
  activityCalendarYear,
  activityChanges,
  activityDetail,
  activityLink,
  activityMessage,
  activitySchoolYear,
  activityTransition,
} from '../activity-text'
import { cardEditMessages } from '../card-edit-messages'
import { planFieldLabels } from '@caitien/shared'
import { cardMessages } from '../card-messages'

/** A field's text in the history: long texts cut to their start. */
function shown(text: string | null, empty: string): string {
  if (text === null || text === '') return empty
  return text.length > 160 ? `${text.slice(0, 160)}…` : text
}

/** The card's history, newest first; an edit lists each field it changed, before → after. */
export function ActivityList({
  activity,
  nameOf,
  onOpenCard,
}: {
  activity: ActivityEntry[]
  nameOf: (id: string) => string | undefined
  onOpenCard?: (planId: string, cardId: string) => void
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const e = useMessages(cardEditMessages)
  const labels = useMessages(planFieldLabels)
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
            const changes = activityChanges(a.action, a.detail)
            const link = activityLink(a.action, a.detail)
            const year = activitySchoolYear(a.action, a.detail)
            const calendarYear = activityCalendarYear(a.action, a.detail)
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
                  {changes.length > 0 && (
                    <ul className="timeline-changes">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="timeline-field">{labels[c.field]}</span>{' '}
                          <del>{shown(c.before, e.empty)}</del>
                          <span aria-hidden="true"> → </span>
                          <ins>{shown(c.after, e.empty)}</ins>
                        </li>
                      ))}
                    </ul>
                  )}
                  {year && <p className="timeline-transition">{e.schoolYearReread(year)}</p>}
                  {calendarYear && (
                    <p className="timeline-transition">
                      {e.calendarReread({ year: calendarYear })}
                    </p>
                  )}
                  {link && (
                    <p className="timeline-transition">
                      <a
                        href={`/plans/${link.planId}/cards/${link.cardId}`}
                        onClick={(event) => {
                          if (!onOpenCard) return
                          event.preventDefault()
                          onOpenCard(link.planId, link.cardId)
                        }}
                      >
                        {link.kind === 'from' ? e.openOriginal : e.openCarried}
                      </a>
                    </p>
                  )}
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
