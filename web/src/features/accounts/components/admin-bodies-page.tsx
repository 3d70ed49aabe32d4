import {
  BODY_KINDS,
  bodyKindLabels,
  createBodyInputSchema,
  schoolLevelLabels,
  type BodyKind,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useRef, useState } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { bodiesMessages } from '../bodies-messages'
import {
  bodiesQueryOptions,
  schoolsQueryOptions,
  useCreateBody,
  useSetBodySchools,
  type AdminBody,
} from '../api/accounts-queries'
import { choiceChanged, schoolsMatching, setChosen } from '../school-choice'
import { AddOverseerDialog } from './add-overseer-dialog'
import { OneTimePasswordDialog, type OneTimePassword } from './one-time-password-dialog'

type BodyRef = Pick<AdminBody, 'id' | 'name'>

type Dialog =
  | { kind: 'new' }
  | { kind: 'schools'; body: BodyRef }
  | { kind: 'overseer'; body: BodyRef }
  | { kind: 'password'; password: OneTimePassword }

/**
 * The system administrator's page for overseeing bodies (address /admin/bodies): every body
 * with its kind and how many schools and accounts it has; create a body, choose the schools
 * it oversees, add an account of the body (its lead or not) with a one-time password.
 */
export function AdminBodiesPage({ schoolsHref }: { schoolsHref: string }) {
  const m = useMessages(bodiesMessages)
  const common = useMessages(commonMessages)
  const kinds = useMessages(bodyKindLabels)
  const bodies = useQuery(bodiesQueryOptions())
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const close = () => setDialog(null)

  return (
    <div className="acc-page">
      <div className="acc-head">
        <div>
          <h1 className="acc-title">{m.title}</h1>
          <p className="muted">{m.hint}</p>
        </div>
        <div className="acc-head-actions">
          <a className="button" href={schoolsHref}>
            {m.toSchools}
          </a>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'new' })}
          >
            {m.newBody}
          </button>
        </div>
      </div>
      {bodies.isPending && <p className="page-note">{common.loading}</p>}
      {bodies.isError && (
        <LoadFailed
          message={common.loadFailed}
          retryLabel={common.retry}
          onRetry={() => void bodies.refetch()}
        />
      )}
      {bodies.data?.bodies.length === 0 && <p className="page-note">{m.noBodies}</p>}
      <ul className="acc-people" data-testid="body-list">
        {bodies.data?.bodies.map((b) => (
          <li key={b.id} className="acc-person acc-body" data-body-id={b.id}>
            <div className="acc-person-main">
              <span className="acc-person-name">{b.name}</span>
            </div>
            <div className="acc-person-facts">
              <span className="acc-tag">{kinds[b.kind]}</span>
            </div>
            <div className="acc-person-roles" data-testid="body-counts">
              {m.schoolCount({ n: b.schoolCount })} · {m.memberCount({ n: b.memberCount })}
            </div>
            <div className="acc-person-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => setDialog({ kind: 'schools', body: b })}
              >
                {m.chooseSchools}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => setDialog({ kind: 'overseer', body: b })}
              >
                {m.addOverseer}
              </button>
            </div>
          </li>
        ))}
      </ul>

      {dialog?.kind === 'new' && (
        <NewBodyDialog onClose={close} onCreated={(body) => setDialog({ kind: 'schools', body })} />
      )}
      {dialog?.kind === 'schools' && (
        <BodySchoolsDialog
          body={dialog.body}
          saved={bodies.data?.bodies.find((b) => b.id === dialog.body.id)?.schoolIds ?? []}
          onClose={close}
        />
      )}
      {dialog?.kind === 'overseer' && (
        <AddOverseerDialog
          body={dialog.body}
          allowLead
          onClose={close}
          onAdded={(password) => setDialog({ kind: 'password', password })}
        />
      )}
      {dialog?.kind === 'password' && (
        <OneTimePasswordDialog passwords={[dialog.password]} onClose={close} />
      )}
    </div>
  )
}

/** A new body: its kind and name; the schools come next. */
function NewBodyDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (body: BodyRef) => void
}) {
  const m = useMessages(bodiesMessages)
  const common = useMessages(commonMessages)
  const kinds = useMessages(bodyKindLabels)
  const id = useId()
  const nameRef = useRef<HTMLInputElement>(null)
  const create = useCreateBody()
  const [kind, setKind] = useState<BodyKind>('commune_office')
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  return (
    <Modal title={m.newBody} onClose={onClose} closeLabel={common.close} initialFocus={nameRef}>
      <form
        className="acc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const parsed = createBodyInputSchema.safeParse({ kind, name })
          if (!parsed.success) return setProblem(m.checkField({ field: m.name }))
          setProblem(null)
          create.mutate(parsed.data, {
            onSuccess: (res) => onCreated({ id: res.id, name: parsed.data.name }),
          })
        }}
      >
        <label className="field" htmlFor={`${id}-kind`}>
          <span className="field-label">{m.kind}</span>
          <select
            id={`${id}-kind`}
            className="field-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as BodyKind)}
          >
            {BODY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-name`}>
          <span className="field-label">{m.name}</span>
          <input
            ref={nameRef}
            id={`${id}-name`}
            value={name}
            maxLength={300}
            placeholder={m.namePlaceholder}
            onChange={(e) => {
              setName(e.target.value)
              setProblem(null)
            }}
          />
        </label>
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
            {create.isPending ? common.saving : m.createBody}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/**
 * The schools a body oversees, ticked in the list of every school, with a filter by name:
 * a province oversees hundreds. Saving replaces the whole list.
 */
function BodySchoolsDialog({
  body,
  saved,
  onClose,
}: {
  body: BodyRef
  saved: readonly string[]
  onClose: () => void
}) {
  const m = useMessages(bodiesMessages)
  const common = useMessages(commonMessages)
  const levels = useMessages(schoolLevelLabels)
  const id = useId()
  const filterRef = useRef<HTMLInputElement>(null)
  const schools = useQuery(schoolsQueryOptions())
  const save = useSetBodySchools(body.id)
  const [chosen, setChosenIds] = useState<Set<string>>(() => new Set(saved))
  const [filter, setFilter] = useState('')
  const all = useMemo(() => schools.data?.schools ?? [], [schools.data])
  const shown = useMemo(() => schoolsMatching(all, filter), [all, filter])
  const shownIds = shown.map((s) => s.id)
  const changed = choiceChanged(chosen, saved)

  return (
    <Modal
      title={m.schoolsTitle({ name: body.name })}
      onClose={onClose}
      closeLabel={common.close}
      initialFocus={filterRef}
      footer={
        <div className="form-actions body-schools-foot">
          {save.isError && (
            <p className="form-error" role="alert">
              {errorMessage(save.error, common.networkError)}
            </p>
          )}
          {save.isSuccess && !changed && (
            <p className="acc-ok" role="status">
              {m.schoolsSaved({ n: save.data.count })}
            </p>
          )}
          <button type="button" className="button" onClick={onClose}>
            {common.close}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={save.isPending || !changed || schools.isPending}
            onClick={() => save.mutate([...chosen])}
          >
            {save.isPending ? common.saving : m.saveSchools}
          </button>
        </div>
      }
    >
      <div className="body-schools" data-testid="body-schools">
        <div className="body-schools-head">
          <label className="field" htmlFor={`${id}-filter`}>
            <span className="field-label">{m.filter}</span>
            <input
              ref={filterRef}
              id={`${id}-filter`}
              type="search"
              value={filter}
              placeholder={m.filterPlaceholder}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
            />
          </label>
          {schools.isSuccess && (
            <div className="body-schools-bar">
              <p className="muted body-schools-count" aria-live="polite">
                {m.chosenCount({ chosen: chosen.size, total: all.length })}{' '}
                {filter.trim() !== '' && m.shownCount({ shown: shown.length })}
              </p>
              <div className="body-schools-bulk">
                <button
                  type="button"
                  className="link-button"
                  disabled={shown.length === 0}
                  onClick={() => setChosenIds(setChosen(chosen, shownIds, true))}
                >
                  {m.chooseShown}
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={shown.length === 0}
                  onClick={() => setChosenIds(setChosen(chosen, shownIds, false))}
                >
                  {m.clearShown}
                </button>
              </div>
            </div>
          )}
        </div>
        {schools.isPending && <p className="page-note">{common.loading}</p>}
        {schools.isError && (
          <LoadFailed
            message={common.loadFailed}
            retryLabel={common.retry}
            onRetry={() => void schools.refetch()}
          />
        )}
        {schools.isSuccess && all.length === 0 && <p className="page-note">{m.noSchoolsYet}</p>}
        {all.length > 0 && shown.length === 0 && <p className="page-note">{m.noSchoolMatches}</p>}
        <ul className="body-schools-list" aria-label={m.chooseSchools}>
          {shown.map((s) => (
            <li key={s.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(s.id)}
                  onChange={(e) => setChosenIds(setChosen(chosen, [s.id], e.target.checked))}
                />
                <span className="check-text">
                  <span>{s.name}</span>
                  <span className="check-roles">
                    {levels[s.schoolLevel as keyof typeof levels] ?? s.schoolLevel}
                    {s.deactivatedAt && ` · ${m.schoolPaused}`}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  )
}
