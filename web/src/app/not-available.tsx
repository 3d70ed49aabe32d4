import { Link } from 'wouter'
import { useMessages } from '@/lib/i18n'
import { pathOf } from './addresses'
import { appMessages } from './app-messages'

/**
 * A plan or card this person cannot open. The same page whether it does not exist or
 * belongs to someone else: it never tells which (DESIGN §3, tenancy).
 */
export function NotAvailable() {
  const m = useMessages(appMessages)
  return (
    <section className="not-available" data-testid="not-available">
      <h1 className="page-title">{m.notAvailableTitle}</h1>
      <p>{m.notAvailable}</p>
      <Link className="button button-primary" to={pathOf({ kind: 'home' })}>
        {m.toMyPlans}
      </Link>
    </section>
  )
}

/** An address that names no screen of the app. */
export function NotFound() {
  const m = useMessages(appMessages)
  return (
    <section className="not-available" data-testid="not-found">
      <h1 className="page-title">{m.notFoundTitle}</h1>
      <p>{m.notFound}</p>
      <Link className="button button-primary" to={pathOf({ kind: 'home' })}>
        {m.toMyPlans}
      </Link>
    </section>
  )
}
