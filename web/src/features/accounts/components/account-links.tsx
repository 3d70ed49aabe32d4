import { canManagePeople, canManageSchools, rollupMessages, type Role } from '@caitien/shared'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import { bodiesMessages } from '../bodies-messages'

/** The user menu's account pages: one's own, the school's people, the schools, the bodies. */
export function AccountLinks({
  me,
}: {
  me: {
    user: { isAdmin: boolean }
    memberships: readonly { roles: readonly Role[] }[]
    bodies?: readonly unknown[]
  }
}) {
  const m = useMessages(accountsMessages)
  const rollup = useMessages(rollupMessages)
  const bodies = useMessages(bodiesMessages)
  const people = me.memberships.some((s) => canManagePeople({ roles: s.roles }))
  return (
    <details className="acc-menu">
      <summary className="button button-quiet acc-menu-button">{m.menuAccount}</summary>
      <nav className="acc-menu-list" aria-label={m.menuAccount}>
        {canManageSchools(me.user) && <a href="/admin/schools">{m.menuSchools}</a>}
        {canManageSchools(me.user) && <a href="/admin/bodies">{bodies.menuBodies}</a>}
        {people && <a href="/people">{m.menuPeople}</a>}
        {(me.bodies?.length ?? 0) > 0 && <a href="/oversight">{rollup.menu}</a>}
        <a href="/account">{m.menuProfile}</a>
      </nav>
    </details>
  )
}
