import { createOverseerInputSchema } from '@caitien/shared'
import { useId, useRef, useState } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { bodiesMessages } from '../bodies-messages'
import { useAddOverseer } from '../api/accounts-queries'
import { OneTimePasswordDialog, type OneTimePassword } from './one-time-password-dialog'

/**
 * A body's new overseer account: name and login, and (for the system administrator only,
 * `allowLead`) whether they lead the body. The server names a lead only for the
 * administrator; a lead's own form has no such box.
 */
export function AddOverseerDialog({
  body,
  allowLead,
  onClose,
  onAdded,
}: {
  body: { id: string; name: string }
  allowLead: boolean
  onClose: () => void
  onAdded: (password: OneTimePassword) => void
}) {
  const m = useMessages(bodiesMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const nameRef = useRef<HTMLInputElement>(null)
  const add = useAddOverseer(body.id)
  const [displayName, setDisplayName] = useState('')
  const [login, setLogin] = useState('')
  const [isLead, setIsLead] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  return (
    <Modal
      title={m.overseerTitle({ name: body.name })}
      onClose={onClose}
      closeLabel={common.close}
      initialFocus={nameRef}
    >
      <form
        className="acc-form"
        noValidate
        data-testid="add-overseer"
        onSubmit={(e) => {
          e.preventDefault()
          const parsed = createOverseerInputSchema.safeParse({
            displayName,
            login,
            isLead: allowLead && isLead,
          })
          if (!parsed.success) {
            const field = String(parsed.error.issues[0]?.path[0] ?? '')
            const labels: Record<string, string> = {
              displayName: m.overseerName,
              login: m.overseerLogin,
            }
            return setProblem(m.checkField({ field: labels[field] ?? field }))
          }
          setProblem(null)
          add.mutate(parsed.data, {
            onSuccess: (res) =>
              onAdded({
                login: res.user.login,
                displayName: parsed.data.displayName,
                oneTimePassword: res.user.oneTimePassword,
              }),
          })
        }}
      >
        <p className="muted body-overseer-hint">{m.overseerHint}</p>
        <label className="field" htmlFor={`${id}-name`}>
          <span className="field-label">{m.overseerName}</span>
          <input
            ref={nameRef}
            id={`${id}-name`}
            value={displayName}
            maxLength={200}
            onChange={(e) => {
              setDisplayName(e.target.value)
              setProblem(null)
            }}
          />
        </label>
        <label className="field" htmlFor={`${id}-login`}>
          <span className="field-label">{m.overseerLogin}</span>
          <input
            id={`${id}-login`}
            value={login}
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
            aria-describedby={`${id}-login-hint`}
            onChange={(e) => {
              setLogin(e.target.value)
              setProblem(null)
            }}
          />
          <span id={`${id}-login-hint`} className="muted acc-note">
            {m.overseerLoginHint}
          </span>
        </label>
        {allowLead && (
          <label className="check acc-lead">
            <input type="checkbox" checked={isLead} onChange={(e) => setIsLead(e.target.checked)} />
            <span className="check-text">{m.lead}</span>
          </label>
        )}
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

/**
 * The roll-up's button for a body's lead: adds an account of their body and shows its
 * one-time password once. The app shows it only when `canManageBodyAccounts` holds.
 */
export function AddOverseerButton({ body }: { body: { id: string; name: string } }) {
  const m = useMessages(bodiesMessages)
  const [step, setStep] = useState<{ kind: 'form' } | { kind: 'password'; p: OneTimePassword }>()
  const close = () => setStep(undefined)
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setStep({ kind: 'form' })}
      >
        {m.addOverseer}
      </button>
      {step?.kind === 'form' && (
        <AddOverseerDialog
          body={body}
          allowLead={false}
          onClose={close}
          onAdded={(p) => setStep({ kind: 'password', p })}
        />
      )}
      {step?.kind === 'password' && <OneTimePasswordDialog passwords={[step.p]} onClose={close} />}
    </>
  )
}
