import { formatDate, formatDateTime } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { deletedPlansQueryOptions, useRestorePlan } from '../api/plan-queries'
import { plansMessages } from '../plans-messages'

/**
 * The deleted plans the principal may still restore, latest first; a restored plan comes
 * back with its cards. Shown only when there is one, unless `always`.
 */
export function DeletedPlans({
  onRestored,
  always = false,
}: {
  /** The restored plan: the app refreshes the plan list and may open it. */
  onRestored: (planId: string) => Promise<void> | void
  always?: boolean
}) {
  const m = useMessages(plansMessages)
  const common = useMessages(commonMessages)
  const list = useQuery(deletedPlansQueryOptions())
  const [done, setDone] = useState<string | null>(null)
  const restore = useRestorePlan()
  const plans = list.data?.plans ?? []
  if (!always && plans.length === 0 && !done) return null
  return (
    <section className="settings-section" aria-labelledby="deleted-plans-title">
      <h2 id="deleted-plans-title" className="settings-section-title">
        {m.deletedPlans}
      </h2>
      <p className="muted">{m.deletedPlansHint}</p>
      {list.isError && <p className="form-error">{common.loadFailed}</p>}
      {done && (
        <p className="form-success" role="status">
          {done}
        </p>
      )}
      {restore.isError && (
        <p className="form-error" role="alert">
          {errorMessage(restore.error, m.restoreFailed)}
        </p>
      )}
      {list.isSuccess && plans.length === 0 && <p className="muted">{m.noDeletedPlans}</p>}
      {plans.length > 0 && (
        <ul className="deleted-list">
          {plans.map((plan) => {
            const at = formatDateTime(plan.deletedAt)
            const until = formatDate(plan.purgeAt)
            return (
              <li key={plan.id} className="deleted-item">
                <div className="deleted-item-text">
                  <span className="deleted-item-title">{plan.title}</span>
                  <span className="meta">
                    {plan.schoolYear} · {m.cards({ n: plan.cardCount })}
                  </span>
                  <span className="meta">
                    {plan.deletedBy
                      ? m.deletedLine({ who: plan.deletedBy, at, until })
                      : m.deletedLineNoOne({ at, until })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={m.restoreOf({ title: plan.title })}
                  disabled={restore.isPending}
                  onClick={() =>
                    restore.mutate(plan.id, {
                      onSuccess: () => {
                        setDone(m.restored({ title: plan.title }))
                        void onRestored(plan.id)
                      },
                    })
                  }
                >
                  {m.restore}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
