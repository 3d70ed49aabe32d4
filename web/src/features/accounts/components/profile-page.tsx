import { updateProfileInputSchema } from '@caitien/shared'
import { useId, useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import { useLogoutOthers, useUpdateProfile } from '../api/accounts-queries'
import { PasswordForm } from './password-form'

interface ProfileUser {
  login: string
  displayName: string
  email: string | null
  phone: string | null
  position: string | null
  department: string | null
}

/** One's own account (address /account): name and contact, password, other devices. */
export function ProfilePage({ me }: { me: { user: ProfileUser } }) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const update = useUpdateProfile()
  const logoutOthers = useLogoutOthers()
  const [name, setName] = useState(me.user.displayName)
  const [email, setEmail] = useState(me.user.email ?? '')
  const [phone, setPhone] = useState(me.user.phone ?? '')
  const [problem, setProblem] = useState<string | null>(null)

  return (
    <div className="acc-page acc-page-narrow">
      <a className="acc-back" href="/">
        {m.backToBoard}
      </a>
      <h1 className="acc-title">{m.profileTitle}</h1>
      <p className="muted">
        {m.otpLogin}: <code>{me.user.login}</code>
        {me.user.position && ` · ${me.user.position}`}
        {me.user.department && ` · ${me.user.department}`}
      </p>

      <section className="acc-section acc-card">
        <form
          className="acc-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            const parsed = updateProfileInputSchema.safeParse({ displayName: name, email, phone })
            if (!parsed.success) {
              const field = String(parsed.error.issues[0]?.path[0] ?? '')
              const label =
                field === 'email' ? m.fieldEmail : field === 'phone' ? m.fieldPhone : m.fieldName
              return setProblem(m.checkField({ field: label }))
            }
            setProblem(null)
            update.mutate(parsed.data)
          }}
        >
          <label className="field" htmlFor={`${id}-name`}>
            <span className="field-label">{m.fieldName}</span>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <div className="acc-form-row">
            <label className="field" htmlFor={`${id}-email`}>
              <span className="field-label">{m.fieldEmail}</span>
              <input
                id={`${id}-email`}
                type="email"
                value={email}
                maxLength={200}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label className="field" htmlFor={`${id}-phone`}>
              <span className="field-label">{m.fieldPhone}</span>
              <input
                id={`${id}-phone`}
                type="tel"
                value={phone}
                maxLength={30}
                onChange={(e) => setPhone(e.target.value)}
              />
            </label>
          </div>
          {(problem !== null || update.isError) && (
            <p className="form-error" role="alert">
              {problem ?? errorMessage(update.error, common.networkError)}
            </p>
          )}
          {update.isSuccess && (
            <p className="acc-ok" role="status">
              {m.profileSaved}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {update.isPending ? common.saving : common.save}
            </button>
          </div>
        </form>
      </section>

      <section className="acc-section acc-card">
        <h2 className="acc-subtitle">{m.passwordTitle}</h2>
        <PasswordForm login={me.user.login} />
      </section>

      <section className="acc-section acc-card">
        <h2 className="acc-subtitle">{m.devicesTitle}</h2>
        <p className="muted">{m.devicesHint}</p>
        {logoutOthers.isSuccess && (
          <p className="acc-ok" role="status">
            {m.loggedOutOthers({ n: logoutOthers.data.ended })}
          </p>
        )}
        {logoutOthers.isError && (
          <p className="form-error" role="alert">
            {errorMessage(logoutOthers.error, common.networkError)}
          </p>
        )}
        <button
          type="button"
          className="button"
          disabled={logoutOthers.isPending}
          onClick={() => logoutOthers.mutate()}
        >
          {m.logoutOthers}
        </button>
      </section>
    </div>
  )
}
