import { useMessages } from '@/lib/i18n'
import { appMessages } from './app-messages'

/*
 * Stand-ins for the screens other parts of issue 12 build (plan settings and history,
 * the account and people pages, the schools page). Each already has its address
 * (addresses.ts) and its place in the app's frame; merging the real page replaces the
 * component here and nothing else.
 */

function Pending({ title }: { title: string }) {
  const m = useMessages(appMessages)
  return (
    <section className="not-available pending-screen" data-testid="pending-screen">
      <h1 className="page-title">{title}</h1>
      <p className="muted">{m.pendingNote}</p>
    </section>
  )
}

/** `planId`: the plan whose settings these are (the real page reads it). */
export function PlanSettingsScreen(props: { planId: string }) {
  void props.planId
  return <Pending title={useMessages(appMessages).planSettings} />
}

export function PlanHistoryScreen(props: { planId: string }) {
  void props.planId
  return <Pending title={useMessages(appMessages).planHistory} />
}

export function AccountScreen() {
  return <Pending title={useMessages(appMessages).account} />
}

export function PeopleScreen() {
  return <Pending title={useMessages(appMessages).people} />
}

export function SchoolsScreen() {
  return <Pending title={useMessages(appMessages).schools} />
}
