import { ROLES, type Role } from '@caitien/shared'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'

/** The three roles as checkboxes; a vice-principal holds the principal role. */
export function RoleChecks({
  value,
  onChange,
}: {
  value: readonly Role[]
  onChange: (roles: Role[]) => void
}) {
  const m = useMessages(accountsMessages)
  const label: Record<Role, string> = {
    staff: m.roleStaff,
    monitor: m.roleMonitor,
    principal: m.rolePrincipal,
  }
  return (
    <fieldset className="acc-roles">
      <legend className="field-label">{m.colRoles}</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? ROLES.filter((r) => r === role || value.includes(r))
                  : value.filter((r) => r !== role),
              )
            }
          />
          <span className="check-text">{label[role]}</span>
        </label>
      ))}
    </fieldset>
  )
}
