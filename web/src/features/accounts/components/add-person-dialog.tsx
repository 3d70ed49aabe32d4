import { addPersonInputSchema, SCHOOL_ROLES, type SchoolRole } from '@caitien/shared'
import { useId, useRef, useState } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import { useAddPerson } from '../api/accounts-queries'
import type { OneTimePassword } from './one-time-password-dialog'
import { RoleChecks } from './role-checks'

/** One person: name, login, contact, place in the school, roles. */
export function AddPersonDialog({
  schoolId,
  onClose,
  onAdded,
}: {
  schoolId: string
  onClose: () => void
  onAdded: (password: OneTimePassword) => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const nameRef = useRef<HTMLInputElement>(null)
  const add = useAddPerson(schoolId)
  const [roles, setRoles] = useState<SchoolRole[]>(['staff'])
  const [problem, setProblem] = useState<string | null>(null)

  const text = (data: FormData, name: string) => {
    const value = data.get(name)
    return typeof value === 'string' ? value : ''
  }

  return (
    <Modal title={m.addTitle} onClose={onClose} closeLabel={common.close} initialFocus={nameRef}>
      <form
        className="acc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const data = new FormData(e.currentTarget)
          const parsed = addPersonInputSchema.safeParse({
            displayName: text(data, 'displayName'),
            login: text(data, 'login'),
            email: text(data, 'email'),
            phone: text(data, 'phone'),
            position: text(data, 'position'),
            department: text(data, 'department'),
            roles: SCHOOL_ROLES.filter((r) => roles.includes(r)),
          })
          if (!parsed.success) {
            const field = String(parsed.error.issues[0]?.path[0] ?? '')
            const labels: Record<string, string> = {
              displayName: m.fieldName,
              login: m.fieldLogin,
              email: m.fieldEmail,
              phone: m.fieldPhone,
              position: m.fieldPosition,
              department: m.fieldDepartment,
            }
            setProblem(
              field === 'roles' ? m.rolesNeedOne : m.checkField({ field: labels[field] ?? field }),
            )
            return
          }
          setProblem(null)
          add.mutate(parsed.data, {
            onSuccess: (res) =>
              onAdded({
                login: res.login,
                displayName: parsed.data.displayName,
                oneTimePassword: res.oneTimePassword,
              }),
          })
        }}
      >
        <label className="field" htmlFor={`${id}-name`}>
          <span className="field-label">{m.fieldName}</span>
          <input ref={nameRef} id={`${id}-name`} name="displayName" maxLength={200} required />
        </label>
        <label className="field" htmlFor={`${id}-login`}>
          <span className="field-label">{m.fieldLogin}</span>
          <input
            id={`${id}-login`}
            name="login"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
            required
            aria-describedby={`${id}-login-hint`}
          />
          <span id={`${id}-login-hint`} className="muted acc-note">
            {m.fieldLoginHint}
          </span>
        </label>
        <div className="acc-form-row">
          <label className="field" htmlFor={`${id}-email`}>
            <span className="field-label">{m.fieldEmail}</span>
            <input id={`${id}-email`} name="email" type="email" maxLength={200} />
          </label>
          <label className="field" htmlFor={`${id}-phone`}>
            <span className="field-label">{m.fieldPhone}</span>
            <input id={`${id}-phone`} name="phone" type="tel" maxLength={30} />
          </label>
        </div>
        <div className="acc-form-row">
          <label className="field" htmlFor={`${id}-position`}>
            <span className="field-label">{m.fieldPosition}</span>
            <input id={`${id}-position`} name="position" maxLength={200} />
          </label>
          <label className="field" htmlFor={`${id}-department`}>
            <span className="field-label">{m.fieldDepartment}</span>
            <input id={`${id}-department`} name="department" maxLength={200} />
          </label>
        </div>
        <RoleChecks value={roles} onChange={setRoles} />
        {(problem !== null || add.isError) && (
          <p className="form-error" role="alert">
            {problem ?? errorMessage(add.error, common.networkError)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={add.isPending}>
            {add.isPending ? common.saving : m.add}
          </button>
        </div>
      </form>
    </Modal>
  )
}
