import { createSchoolInputSchema, SCHOOL_LEVELS, type SchoolLevel } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import { bodiesMessages } from '../bodies-messages'
import {
  schoolsQueryOptions,
  useCreateSchool,
  useResetPassword,
  useSetSchoolActive,
  type AdminSchool,
} from '../api/accounts-queries'
import { ConfirmDialog } from './confirm-dialog'
import { OneTimePasswordDialog, type OneTimePassword } from './one-time-password-dialog'

type Dialog =
  | { kind: 'new' }
  | { kind: 'deactivate'; school: AdminSchool }
  | { kind: 'reset'; school: AdminSchool; principal: AdminSchool['principals'][number] }
  | { kind: 'passwords'; passwords: OneTimePassword[] }

/**
 * The system administrator's page (address /admin/schools): every school with its
 * principals; create a school with its first principal, reset a principal's password,
 * pause a school (its people cannot log in) and reactivate it. Links to the bodies that
 * oversee schools (/admin/bodies).
 */
export function AdminSchoolsPage({ bodiesHref }: { bodiesHref: string }) {
  const m = useMessages(accountsMessages)
  const bodies = useMessages(bodiesMessages)
  const common = useMessages(commonMessages)
  const schools = useQuery(schoolsQueryOptions())
  const setActive = useSetSchoolActive()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const close = () => setDialog(null)

  return (
    <div className="acc-page">
      <div className="acc-head">
        <div>
          <h1 className="acc-title">{m.schoolsTitle}</h1>
          <p className="muted">{m.schoolsHint}</p>
        </div>
        <div className="acc-head-actions">
          <a className="button" href={bodiesHref}>
            {bodies.toBodies}
          </a>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'new' })}
          >
            {m.newSchool}
          </button>
        </div>
      </div>
      {schools.isPending && <p className="page-note">{common.loading}</p>}
      {schools.isError && (
        <LoadFailed
          message={common.loadFailed}
          retryLabel={common.retry}
          onRetry={() => void schools.refetch()}
        />
      )}
      {schools.data?.schools.length === 0 && <p className="page-note">{m.noSchools}</p>}
      <ul className="acc-people" data-testid="school-list">
        {schools.data?.schools.map((s) => (
          <li key={s.id} className={`acc-person${s.deactivatedAt ? ' acc-person-off' : ''}`}>
            <div className="acc-person-main">
              <span className="acc-person-name">{s.name}</span>
              <span className={`acc-tag${s.deactivatedAt ? ' acc-tag-off' : ' acc-tag-on'}`}>
                {s.deactivatedAt ? m.schoolInactive : m.schoolActive}
              </span>
            </div>
            <div className="acc-person-facts">
              {s.principals.length === 0 && <span className="muted">{m.noPrincipal}</span>}
              {s.principals.map((p) => (
                <span key={p.id} className="acc-principal">
                  {p.displayName} <code>{p.login}</code>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setDialog({ kind: 'reset', school: s, principal: p })}
                  >
                    {m.resetPassword}
                  </button>
                </span>
              ))}
            </div>
            <div className="acc-person-actions">
              {s.deactivatedAt ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={setActive.isPending}
                  onClick={() => setActive.mutate({ schoolId: s.id, active: true })}
                >
                  {m.reactivateSchool}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-small button-quiet"
                  onClick={() => setDialog({ kind: 'deactivate', school: s })}
                >
                  {m.deactivateSchool}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>

      {dialog?.kind === 'new' && (
        <NewSchoolDialog
          onClose={close}
          onCreated={(password) => setDialog({ kind: 'passwords', passwords: [password] })}
        />
      )}
      {dialog?.kind === 'passwords' && (
        <OneTimePasswordDialog passwords={dialog.passwords} onClose={close} />
      )}
      {dialog?.kind === 'deactivate' && (
        <ConfirmDialog
          title={m.deactivateSchool}
          text={m.confirmDeactivateSchool({ name: dialog.school.name })}
          confirmLabel={m.deactivateSchool}
          danger
          busy={setActive.isPending}
          error={setActive.isError ? errorMessage(setActive.error, common.networkError) : null}
          onClose={close}
          onConfirm={() =>
            setActive.mutate({ schoolId: dialog.school.id, active: false }, { onSuccess: close })
          }
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPrincipal
          schoolId={dialog.school.id}
          principal={dialog.principal}
          onClose={close}
          onReset={(password) => setDialog({ kind: 'passwords', passwords: [password] })}
        />
      )}
    </div>
  )
}

function ResetPrincipal({
  schoolId,
  principal,
  onClose,
  onReset,
}: {
  schoolId: string
  principal: AdminSchool['principals'][number]
  onClose: () => void
  onReset: (password: OneTimePassword) => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const reset = useResetPassword(schoolId)
  return (
    <ConfirmDialog
      title={m.resetPassword}
      text={m.confirmReset({ name: principal.displayName })}
      confirmLabel={m.resetPassword}
      busy={reset.isPending}
      error={reset.isError ? errorMessage(reset.error, common.networkError) : null}
      onClose={onClose}
      onConfirm={() =>
        reset.mutate(principal.id, {
          onSuccess: (res) => onReset({ ...res, displayName: principal.displayName }),
        })
      }
    />
  )
}

function NewSchoolDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (password: OneTimePassword) => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const create = useCreateSchool()
  const [name, setName] = useState('')
  const [level, setLevel] = useState<SchoolLevel>('secondary')
  const [principalName, setPrincipalName] = useState('')
  const [login, setLogin] = useState('')
  const [email, setEmail] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const levelLabel: Record<SchoolLevel, string> = {
    primary: m.levelPrimary,
    secondary: m.levelSecondary,
    kindergarten: m.levelKindergarten,
    other: m.levelOther,
  }

  return (
    <Modal title={m.newSchool} onClose={onClose} closeLabel={common.close}>
      <form
        className="acc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const parsed = createSchoolInputSchema.safeParse({
            name,
            schoolLevel: level,
            principal: { login, displayName: principalName, email },
          })
          if (!parsed.success) {
            const path = parsed.error.issues[0]?.path.join('.') ?? ''
            const label: Record<string, string> = {
              name: m.schoolName,
              'principal.login': m.principalLogin,
              'principal.displayName': m.principalName,
              'principal.email': m.principalEmail,
            }
            return setProblem(m.checkField({ field: label[path] ?? path }))
          }
          setProblem(null)
          create.mutate(parsed.data, {
            onSuccess: (res) =>
              onCreated({
                login: res.principal.login,
                displayName: parsed.data.principal.displayName,
                oneTimePassword: res.principal.oneTimePassword,
              }),
          })
        }}
      >
        <label className="field" htmlFor={`${id}-name`}>
          <span className="field-label">{m.schoolName}</span>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={300}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field" htmlFor={`${id}-level`}>
          <span className="field-label">{m.schoolLevel}</span>
          <select
            id={`${id}-level`}
            className="field-select"
            value={level}
            onChange={(e) => setLevel(e.target.value as SchoolLevel)}
          >
            {SCHOOL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-principal`}>
          <span className="field-label">{m.principalName}</span>
          <input
            id={`${id}-principal`}
            value={principalName}
            maxLength={200}
            onChange={(e) => setPrincipalName(e.target.value)}
          />
        </label>
        <div className="acc-form-row">
          <label className="field" htmlFor={`${id}-login`}>
            <span className="field-label">{m.principalLogin}</span>
            <input
              id={`${id}-login`}
              value={login}
              autoCapitalize="none"
              spellCheck={false}
              maxLength={100}
              onChange={(e) => setLogin(e.target.value)}
            />
          </label>
          <label className="field" htmlFor={`${id}-email`}>
            <span className="field-label">{m.principalEmail}</span>
            <input
              id={`${id}-email`}
              type="email"
              value={email}
              maxLength={200}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
        </div>
        {(problem !== null || create.isError) && (
          <p className="form-error" role="alert">
            {problem ?? errorMessage(create.error, common.networkError)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? common.saving : m.createSchool}
          </button>
        </div>
      </form>
    </Modal>
  )
}
