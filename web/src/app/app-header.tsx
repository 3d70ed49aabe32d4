import { ROLE_LABELS, type Role } from '@caitien/shared'
import type { ReactNode } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { AccountLinks } from '@/features/accounts'
import { useLogout, type Me } from '@/features/auth/api/session-queries'
import type { Plans } from '@/features/board/api/board-queries'
import type { LiveState } from '@/features/board/api/use-plan-events'
import { useI18n, useMessages } from '@/lib/i18n'
import { appMessages } from './app-messages'
import { LanguageSwitch } from './language-switch'

export function AppHeader({
  me,
  plans,
  planId,
  onPlanChange,
  roles,
  live,
  actions,
  inbox,
}: {
  me: Me
  plans: Plans
  planId: string | null
  onPlanChange: (planId: string) => void
  roles: readonly Role[]
  live: LiveState | null
  actions?: ReactNode
  /** The inbox bell, composed by the app from the inbox feature. */
  inbox?: ReactNode
}) {
  const { lang } = useI18n()
  const m = useMessages(appMessages)
  const logout = useLogout()
  const plan = plans.find((p) => p.id === planId)
  const roleText = roles.map((r) => ROLE_LABELS[lang][r]).join(', ')

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{m.appName}</span>
      </div>
      <div className="header-plan">
        {plan && <span className="header-school">{plan.school.name}</span>}
        {plans.length > 1 ? (
          <label className="plan-picker">
            <span className="visually-hidden">{m.plan}</span>
            <select value={planId ?? ''} onChange={(e) => onPlanChange(e.target.value)}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          plan && <h1 className="header-title">{plan.title}</h1>
        )}
      </div>
      {actions}
      <div className="header-right">
        {live && (
          <span className={`live live-${live}`} title={live === 'offline' ? m.offline : m.live}>
            <span className="live-dot" aria-hidden="true" />
            <span className="live-text">{live === 'offline' ? m.offline : m.live}</span>
          </span>
        )}
        {inbox}
        <LanguageSwitch />
        <div className="header-user">
          <Avatar id={me.user.id} name={me.user.displayName} size={30} />
          <div className="header-user-text">
            <span className="header-user-name">{me.user.displayName}</span>
            {roleText && <span className="header-user-roles">{roleText}</span>}
          </div>
        </div>
        <AccountLinks me={me} />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
        >
          {m.logout}
        </button>
      </div>
    </header>
  )
}
