import { useState } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { useSetAssignees, type CardDetail } from '../api/card-queries'
import { cardMessages } from '../card-messages'
import type { DetailMember } from './card-detail-panel'
import { SaveCancel } from '@/components/ui/form-actions'

export function AssigneesSection({
  card,
  members,
  canEdit,
  onChanged,
}: {
  card: CardDetail
  members: readonly DetailMember[]
  canEdit: boolean
  onChanged: () => void
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const [editing, setEditing] = useState(false)
  const [selected, setSelected] = useState<string[]>(card.assigneeIds)
  const save = useSetAssignees(card.id, onChanged)
  const nameOf = (id: string) => members.find((member) => member.id === id)?.displayName ?? '?'

  function toggle(id: string, on: boolean) {
    setSelected((list) => (on ? [...list, id] : list.filter((x) => x !== id)))
  }

  return (
    <section className="detail-section" aria-labelledby="detail-assignees">
      <div className="section-head">
        <h3 id="detail-assignees" className="section-title">
          {m.assignees}
        </h3>
        {canEdit && !editing && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setSelected(card.assigneeIds)
              setEditing(true)
            }}
          >
            {m.editAssignees}
          </button>
        )}
      </div>
      {!editing && (
        <ul className="people">
          {card.assigneeIds.length === 0 && <li className="muted">{common.noAssignee}</li>}
          {card.assigneeIds.map((id) => (
            <li key={id} className="person">
              <Avatar id={id} name={nameOf(id)} size={26} />
              <span>{nameOf(id)}</span>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <form
          className="assignee-form"
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate(
              { version: card.version, assigneeIds: selected },
              {
                onSuccess: () => setEditing(false),
                onError: (err) => showToast(errorMessage(err, common.loadFailed)),
              },
            )
          }}
        >
          <fieldset>
            <legend className="visually-hidden">{m.assignees}</legend>
            {members
              .filter((member) => !member.deactivated || card.assigneeIds.includes(member.id))
              .map((member) => (
                <label key={member.id} className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(member.id)}
                    onChange={(e) => toggle(member.id, e.target.checked)}
                  />
                  <Avatar id={member.id} name={member.displayName} size={22} />
                  <span>{member.displayName}</span>
                </label>
              ))}
          </fieldset>
          <SaveCancel pending={save.isPending} onCancel={() => setEditing(false)} />
        </form>
      )}
    </section>
  )
}
