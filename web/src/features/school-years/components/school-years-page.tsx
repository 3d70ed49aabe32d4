import {
  COMPLETION_LEVELS,
  checkpointNames,
  completionLevelLabels,
  councilNames,
  formatDate,
  formatMonth,
  schoolYearsMessages,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { schoolYearsExportHref, schoolYearsQueryOptions } from '../api/school-years-queries'

/**
 * A school's plans across its school years (/schools/:schoolId/years), newest first: each
 * year's end-of-year results and its checkpoint reviews, with links, and the workbook of all
 * of them. For the principal and the monitoring team (the server checks).
 */
export function SchoolYearsPage({
  schoolId,
  reviewsHref,
  backHref,
}: {
  schoolId: string
  reviewsHref: (planId: string, checkpoint: 'semester1' | 'yearEnd') => string
  backHref: string
}) {
  const m = useMessages(schoolYearsMessages)
  const common = useMessages(commonMessages)
  const levels = useMessages(completionLevelLabels)
  const names = useMessages(checkpointNames)
  const bodies = useMessages(councilNames)
  const query = useQuery(schoolYearsQueryOptions(schoolId))

  let body: ReactNode
  if (query.isPending) body = <p className="page-note">{common.loading}</p>
  else if (query.isError)
    body = (
      <LoadFailed
        message={errorMessage(query.error, common.loadFailed)}
        retryLabel={common.retry}
        onRetry={() => void query.refetch()}
      />
    )
  else {
    const { school, years } = query.data
    body = (
      <>
        <header className="history-head">
          <h1 className="history-title">{m.title}</h1>
          <p className="muted">{school.name}</p>
        </header>
        <p className="checkpoint-intro">{m.intro}</p>
        <p>
          <a className="button button-small" href={schoolYearsExportHref(schoolId)} download>
            {m.exportAll}
          </a>
        </p>
        {years.length === 0 && <p className="muted">{m.noPlans}</p>}
        {years.map((year) => (
          <section key={year.schoolYear} className="history-section" aria-label={year.schoolYear}>
            <h2 className="section-title">
              {m.schoolYear} {year.schoolYear}
            </h2>
            {year.plans.map((plan) => (
              <article key={plan.id} className="year-plan">
                <h3 className="year-plan-title">{plan.title}</h3>
                <p className="muted">
                  {plan.state === 'archived' ? m.archived : m.active} · {bodies[plan.councilKind]}
                </p>
                <p className="muted">
                  {m.resultsFrom}: {plan.results.from === 'yearEnd' ? m.fromYearEnd : m.fromBoard}
                </p>
                <p className="checkpoint-counts">
                  {COMPLETION_LEVELS.map((l) => (
                    <span key={l} className={`level-chip level-${l}`}>
                      {levels[l]}: {plan.results.counts[l]}
                    </span>
                  ))}
                  <span className="level-chip">
                    {m.total}: {plan.results.total}
                  </span>
                </p>
                <ul className="year-checkpoints">
                  {plan.checkpoints.map((c) => (
                    <li key={c.checkpoint}>
                      <a href={reviewsHref(plan.id, c.checkpoint)}>
                        {names[c.checkpoint]} ({formatMonth(c.month)})
                      </a>
                      {' · '}
                      {c.state === 'not_opened'
                        ? m.notOpened
                        : c.state === 'open'
                          ? m.open
                          : m.signedBy({
                              name: c.signedBy?.name ?? '',
                              date: formatDate(c.signedAt!),
                            })}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </section>
        ))}
      </>
    )
  }
  return (
    <div className="app history-page">
      <nav className="history-nav">
        <a href={backHref} className="link-button">
          {m.back}
        </a>
      </nav>
      <main className="history-main">{body}</main>
    </div>
  )
}
