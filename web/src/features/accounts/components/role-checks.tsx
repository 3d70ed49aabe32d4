import { SCHOOL_ROLES, type SchoolRole } from '@caitien/shared'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'

/** The three roles as checkboxes; a vice-principal holds the principal role. */
export function RoleChecks({
  value,
  onChange,
}: {
  value: readonly SchoolRole[]
  onChange: (roles: SchoolRole[]) => void
}) {
  const m = useMessages(accountsMessages)
  const label: Record<SchoolRole, string> = {
    staff: m.roleStaff,
    monitor: m.roleMonitor,
    principal: m.rolePrincipal,
  }
  return (
    <fieldset className="acc-roles">
      <legend className="field-label">{m.colRoles}</legend>
      {SCHOOL_ROLES.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? SCHOOL_ROLES.filter((r) => r === role || value.includes(r))
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
