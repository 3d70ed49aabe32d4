import {
  COUNCIL_KINDS,
  COUNCIL_TITLES,
  councilNames,
  councilTitleLabels,
  type CouncilKind,
  type CouncilMember,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { councilQueryOptions, useSaveCouncil, type PlanCouncil } from '../api/checkpoint-queries'
import { checkpointUiMessages } from '../checkpoint-messages'
import { SaveWithNote } from '@/components/ui/form-actions'

/**
 * The plan's monitoring body on its settings page: its name (Tổ giám sát / Hội đồng tự đánh
 * giá) and its members with their titles. The principal edits it; others read it.
 */
export function CouncilSection({
  planId,
  people,
  editable,
}: {
  planId: string
  /** The school's active members, to choose from. */
  people: readonly { id: string; name: string }[]
  editable: boolean
}) {
  const m = useMessages(checkpointUiMessages)
  const council = useQuery(councilQueryOptions(planId))
  // Here, not in the form: a save gives the form new data, and so a new form.
  const save = useSaveCouncil(planId)
  const id = useId()
  return (
    <section className="settings-section" aria-labelledby={`${id}-council`}>
      <h2 id={`${id}-council`} className="settings-section-title">
        {m.councilTitle}
      </h2>
      <p className="settings-note">{m.councilIntro}</p>
      {council.data && (
        <CouncilForm
          key={JSON.stringify(council.data.council)}
          council={council.data.council}
          people={people}
          editable={editable}
          save={save}
        />
      )}
    </section>
  )
}

function CouncilForm({
  council,
  people,
  editable,
  save,
}: {
  council: PlanCouncil
  people: readonly { id: string; name: string }[]
  editable: boolean
  save: ReturnType<typeof useSaveCouncil>
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  const names = useMessages(councilNames)
  const { lang } = useI18n()
  const [dirty, setDirty] = useState(false)
  const saved = save.isSuccess && !dirty
  const [kind, setKind] = useState<CouncilKind>(council.kind)
  const [members, setMembers] = useState<CouncilMember[]>(
    council.members.map(({ userId, title }) => ({ userId, title })),
  )
  const id = useId()
  const titles = councilTitleLabels[lang][kind]
  const nameOf = (userId: string) =>
    people.find((p) => p.id === userId)?.name ??
    council.members.find((x) => x.userId === userId)?.name ??
    userId
  const free = people.filter((p) => !members.some((x) => x.userId === p.id))
  const change = (next: CouncilMember[]) => {
    setDirty(true)
    setMembers(next)
  }
  return (
    <form
      className="council-form"
      onSubmit={(e) => {
        e.preventDefault()
        setDirty(false)
        save.mutate({ kind, members })
      }}
    >
      <label className="field council-kind" htmlFor={`${id}-kind`}>
        <span className="field-label">{m.councilKind}</span>
        <select
          id={`${id}-kind`}
          className="field-select"
          value={kind}
          disabled={!editable}
          onChange={(e) => {
            setDirty(true)
            setKind(e.target.value as CouncilKind)
          }}
        >
          {COUNCIL_KINDS.map((k) => (
            <option key={k} value={k}>
              {names[k]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="council-members">
        <legend>{m.councilMembers}</legend>
        {members.length === 0 && <p className="muted">{m.councilNone}</p>}
        <ul>
          {members.map((member, i) => (
            <li key={member.userId} className="council-member">
              <span className="council-member-name">{nameOf(member.userId)}</span>
              <select
                className="field-select council-title"
                aria-label={`${m.councilRole}: ${nameOf(member.userId)}`}
                value={member.title}
                disabled={!editable}
                onChange={(e) =>
                  change(
                    members.map((x, j) =>
                      j === i ? { ...x, title: e.target.value as CouncilMember['title'] } : x,
                    ),
                  )
                }
              >
                {COUNCIL_TITLES.map((t) => (
                  <option key={t} value={t}>
                    {titles[t]}
                  </option>
                ))}
              </select>
              {editable && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => change(members.filter((_, j) => j !== i))}
                >
                  {m.councilRemove}
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && free.length > 0 && (
          <div className="council-add">
            <label htmlFor={`${id}-add`}>{m.councilAdd}</label>
            <select
              id={`${id}-add`}
              className="field-select council-title"
              value=""
              onChange={(e) => {
                if (e.target.value) {
                  change([...members, { userId: e.target.value, title: 'member' }])
                }
              }}
            >
              <option value="">—</option>
              {free.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      {editable && (
        <SaveWithNote
          error={save.error ? errorMessage(save.error, common.loadFailed) : null}
          pending={save.isPending}
          label={m.councilSave}
          savedNote={saved ? m.councilSaved : null}
        />
      )}
    </form>
  )
}
