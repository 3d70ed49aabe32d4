import {
  canManagePeople,
  ROLE_LABELS,
  SCHOOL_ROLES,
  type Role,
  type SchoolRole,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { accountEventMessages, accountsMessages } from '../accounts-messages'
import {
  peopleQueryOptions,
  useDeactivate,
  useReactivate,
  useResetPassword,
  useSetRoles,
  type OpenCard,
  type Person,
} from '../api/accounts-queries'
import { AddPersonDialog } from './add-person-dialog'
import { ConfirmDialog } from './confirm-dialog'
import { DocumentSettingsSection } from './document-settings-section'
import { OneTimePasswordDialog, type OneTimePassword } from './one-time-password-dialog'
import { RoleChecks } from './role-checks'
import { StaffImportDialog } from './staff-import-dialog'
import { SaveCancel } from '@/components/ui/form-actions'

interface Membership {
  schoolId: string
  schoolName: string
  roles: readonly Role[]
}

type Dialog =
  | { kind: 'add' }
  | { kind: 'import' }
  | { kind: 'roles'; person: Person }
  | { kind: 'reset'; person: Person }
  | { kind: 'deactivate'; person: Person }
  | { kind: 'open-cards'; person: Person; cards: OpenCard[] }
  | { kind: 'passwords'; passwords: OneTimePassword[] }

/**
 * The school's people (address /people), for its principal: the list, with roles, contact
 * and state; add one, import a list, change roles, reset a password, deactivate. The
 * account history below says who did what.
 */
export function PeoplePage({
  me,
}: {
  me: { user: { id: string; isAdmin: boolean }; memberships: readonly Membership[] }
}) {
  const m = useMessages(accountsMessages)
  const school = me.memberships.find((s) => canManagePeople({ roles: s.roles }))
  if (!school) {
    return (
      <div className="acc-page">
        <a className="acc-back" href="/">
          {m.backToBoard}
        </a>
        <p className="page-note">{m.peopleHint}</p>
      </div>
    )
  }
  return (
    <SchoolPeople schoolId={school.schoolId} schoolName={school.schoolName} meId={me.user.id} />
  )
}

function SchoolPeople({
  schoolId,
  schoolName,
  meId,
}: {
  schoolId: string
  schoolName: string
  meId: string
}) {
  const m = useMessages(accountsMessages)
  const events = useMessages(accountEventMessages)
  const common = useMessages(commonMessages)
  const { lang } = useI18n()
  const list = useQuery(peopleQueryOptions(schoolId))
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const close = () => setDialog(null)
  const setRoles = useSetRoles(schoolId)
  const reset = useResetPassword(schoolId)
  const deactivate = useDeactivate(schoolId)
  const reactivate = useReactivate(schoolId)

  return (
    <div className="acc-page">
      <a className="acc-back" href="/">
        {m.backToBoard}
      </a>
      <div className="acc-head">
        <div>
          <h1 className="acc-title">{m.peopleTitle}</h1>
          <p className="muted">{schoolName}</p>
        </div>
        <div className="acc-head-actions">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'import' })}>
            {m.importList}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'add' })}
          >
            {m.addPerson}
          </button>
        </div>
      </div>
      <p className="muted acc-intro">{m.peopleHint}</p>
      {list.isPending && <p className="page-note">{common.loading}</p>}
      {list.isError && (
        <LoadFailed
          message={common.loadFailed}
          retryLabel={common.retry}
          onRetry={() => void list.refetch()}
        />
      )}
      {list.data && (
        <>
          <ul className="acc-people" data-testid="people-list">
            {list.data.people.map((p) => (
              <li
                key={p.id}
                className={`acc-person${p.deactivatedAt ? ' acc-person-off' : ''}`}
                data-login={p.login}
              >
                <div className="acc-person-main">
                  <span className="acc-person-name">{p.displayName}</span>
                  <code className="acc-person-login">{p.login}</code>
                  {p.deactivatedAt && (
                    <span className="acc-tag acc-tag-off">{m.deactivatedTag}</span>
                  )}
                  {!p.deactivatedAt && p.mustChangePassword && (
                    <span className="acc-tag">{m.mustChangeTag}</span>
                  )}
                </div>
                <div className="acc-person-facts muted">
                  {[p.position, p.department, p.email, p.phone].filter(Boolean).join(' · ')}
                </div>
                <div className="acc-person-roles">
                  {SCHOOL_ROLES.filter((r) => p.roles.includes(r))
                    .map((r) => ROLE_LABELS[lang][r])
                    .join(', ')}
                </div>
                <div className="acc-person-actions">
                  {!p.deactivatedAt && (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setDialog({ kind: 'roles', person: p })}
                      >
                        {m.editRoles}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setDialog({ kind: 'reset', person: p })}
                      >
                        {m.resetPassword}
                      </button>
                      {p.id !== meId && (
                        <button
                          type="button"
                          className="button button-small button-quiet"
                          onClick={() => setDialog({ kind: 'deactivate', person: p })}
                        >
                          {m.deactivate}
                        </button>
                      )}
                    </>
                  )}
                  {p.deactivatedAt && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={reactivate.isPending}
                      onClick={() => reactivate.mutate(p.id)}
                    >
                      {m.reactivate}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <section className="acc-section">
            <h2 className="acc-subtitle">{m.historyTitle}</h2>
            {list.data.events.length === 0 ? (
              <p className="muted">{m.noHistory}</p>
            ) : (
              <ul className="acc-history">
                {list.data.events.map((e) => (
                  <li key={e.id}>
                    <time className="muted" dateTime={e.at}>
                      {new Date(e.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
                        day: '2-digit',
                        month: '2-digit',
                        year: 'numeric',
                        hour: '2-digit',
                        minute: '2-digit',
                      })}
                    </time>{' '}
                    {events[e.action]({
                      actor: e.actorName ?? m.someone,
                      subject: e.subjectName ?? schoolName,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <DocumentSettingsSection schoolId={schoolId} />

      {dialog?.kind === 'add' && (
        <AddPersonDialog
          schoolId={schoolId}
          onClose={close}
          onAdded={(password) => setDialog({ kind: 'passwords', passwords: [password] })}
        />
      )}
      {dialog?.kind === 'import' && (
        <StaffImportDialog
          schoolId={schoolId}
          onClose={close}
          onImported={(result) =>
            setDialog(
              result.created.length > 0 ? { kind: 'passwords', passwords: result.created } : null,
            )
          }
        />
      )}
      {dialog?.kind === 'passwords' && (
        <OneTimePasswordDialog passwords={dialog.passwords} onClose={close} />
      )}
      {dialog?.kind === 'roles' && (
        <RolesDialog
          person={dialog.person}
          busy={setRoles.isPending}
          error={setRoles.isError ? errorMessage(setRoles.error, common.networkError) : null}
          onClose={() => {
            setRoles.reset()
            close()
          }}
          onSave={(roles) =>
            setRoles.mutate({ userId: dialog.person.id, roles }, { onSuccess: close })
          }
        />
      )}
      {dialog?.kind === 'reset' && (
        <ConfirmDialog
          title={m.resetPassword}
          text={m.confirmReset({ name: dialog.person.displayName })}
          confirmLabel={m.resetPassword}
          busy={reset.isPending}
          error={reset.isError ? errorMessage(reset.error, common.networkError) : null}
          onClose={close}
          onConfirm={() =>
            reset.mutate(dialog.person.id, {
              onSuccess: (res) =>
                setDialog({
                  kind: 'passwords',
                  passwords: [{ ...res, displayName: dialog.person.displayName }],
                }),
            })
          }
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <ConfirmDialog
          title={m.deactivate}
          text={m.confirmDeactivate({ name: dialog.person.displayName })}
          confirmLabel={m.deactivate}
          danger
          busy={deactivate.isPending}
          error={deactivate.isError ? errorMessage(deactivate.error, common.networkError) : null}
          onClose={() => {
            deactivate.reset()
            close()
          }}
          onConfirm={() =>
            deactivate.mutate(dialog.person.id, {
              onSuccess: (res) =>
                setDialog({ kind: 'open-cards', person: dialog.person, cards: res.openCards }),
            })
          }
        />
      )}
      {dialog?.kind === 'open-cards' && (
        <Modal
          title={m.openCardsTitle({ name: dialog.person.displayName })}
          onClose={close}
          closeLabel={common.close}
        >
          {dialog.cards.length === 0 ? (
            <p>{m.noOpenCards}</p>
          ) : (
            <>
              <p>{m.openCardsHint}</p>
              <ul className="acc-open-cards">
                {dialog.cards.map((card) => (
                  <li key={card.id}>
                    {card.criterion && (
                      <span className="acc-tag">
                        {common.criterionTag({ code: card.criterion })}
                      </span>
                    )}{' '}
                    {card.title} <span className="muted">({card.planTitle})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={close}>
              {common.close}
            </button>
          </div>
        </Modal>
      )}
    </div>
  )
}

function RolesDialog({
  person,
  busy,
  error,
  onClose,
  onSave,
}: {
  person: Person
  busy: boolean
  error: string | null
  onClose: () => void
  onSave: (roles: SchoolRole[]) => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const [roles, setRoles] = useState<SchoolRole[]>(person.roles)
  return (
    <Modal
      title={m.rolesTitle({ name: person.displayName })}
      onClose={onClose}
      closeLabel={common.close}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (roles.length > 0) onSave(roles)
        }}
      >
        <RoleChecks value={roles} onChange={setRoles} />
        {roles.length === 0 && <p className="form-error">{m.rolesNeedOne}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <SaveCancel pending={busy} disabled={roles.length === 0} onCancel={onClose} />
      </form>
    </Modal>
  )
}
