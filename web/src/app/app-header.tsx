import { ROLE_LABELS, type Role } from '@caitien/shared'
import type { ReactNode } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { AccountLinks } from '@/features/accounts/components/account-links'
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
        {plan && (
          <div className="header-title-row">
            <h1 className="header-title">
              {plan.state === 'archived' ? m.archivedPlan({ title: plan.title }) : plan.title}
            </h1>
            {plans.length > 1 && (
              // The title stays whole; the choice of another plan is the small button beside it.
              <label className="plan-picker" title={m.otherPlan}>
                <span className="visually-hidden">{m.plan}</span>
                <span className="plan-picker-face" aria-hidden="true">
                  <svg width="12" height="12" viewBox="0 0 12 12">
                    <path
                      d="M3 4.5l3 3 3-3"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.6"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                    />
                  </svg>
                </span>
                <select value={plan.id} onChange={(e) => onPlanChange(e.target.value)}>
                  {/* The server lists active plans first, then archived ones: marked, apart. */}
                  {plans
                    .filter((p) => p.state !== 'archived')
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                  {plans.some((p) => p.state === 'archived') && (
                    <optgroup label={m.archivedPlans}>
                      {plans
                        .filter((p) => p.state === 'archived')
                        .map((p) => (
                          <option key={p.id} value={p.id}>
                            {m.archivedPlan({ title: p.title })}
                          </option>
                        ))}
                    </optgroup>
                  )}
                </select>
              </label>
            )}
          </div>
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
        <div
          className="header-user"
          title={
            roleText ? m.userWithRoles({ name: me.user.displayName, roles: roleText }) : undefined
          }
        >
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
