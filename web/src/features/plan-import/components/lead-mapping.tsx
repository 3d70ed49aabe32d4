import { ROLE_LABELS } from '@caitien/shared'
import { Avatar } from '@/components/ui/avatar'
import { useI18n, useMessages } from '@/lib/i18n'
import type { ImportLead, ImportMember } from '../api/import-queries'
import { importMessages } from '../import-messages'
import { chosenUsers } from '../import-rows'

/** Each lead text of the file with the accounts its cards will be assigned to. */
export function LeadMapping({
  leads,
  members,
  picks,
  onPick,
}: {
  leads: readonly ImportLead[]
  members: readonly ImportMember[]
  picks: Readonly<Record<string, readonly string[]>>
  onPick: (text: string, userIds: string[]) => void
}) {
  const { lang } = useI18n()
  const c = useMessages(importMessages)
  const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? '?'

  if (leads.length === 0) return <p className="muted">{c.noLeads}</p>
  return (
    <ul className="lead-map">
      {leads.map((lead) => {
        const chosen = chosenUsers(lead, picks)
        const toggle = (id: string, on: boolean) =>
          onPick(lead.text, on ? [...chosen, id] : chosen.filter((x) => x !== id))
        return (
          <li key={lead.text} className="lead-map-item">
            <div className="lead-map-text">
              <span className="lead-map-name">{lead.text}</span>
              <span className="lead-map-count">{c.cardCount({ n: lead.count })}</span>
            </div>
            <details className="lead-map-pick">
              <summary>
                {chosen.length === 0 ? (
                  <span className="muted">{c.nobody}</span>
                ) : (
                  <span className="lead-map-chosen">
                    {chosen.map((id) => (
                      <span key={id} className="lead-map-person">
                        <Avatar id={id} name={nameOf(id)} size={20} />
                        {nameOf(id)}
                      </span>
                    ))}
                  </span>
                )}
                <span className="lead-map-action">{c.chooseMembers}</span>
              </summary>
              <fieldset>
                <legend className="visually-hidden">{c.leadOf({ lead: lead.text })}</legend>
                {members
                  .filter((m) => !m.deactivated || chosen.includes(m.id))
                  .map((m) => (
                    <label key={m.id} className="check">
                      <input
                        type="checkbox"
                        checked={chosen.includes(m.id)}
                        onChange={(e) => toggle(m.id, e.target.checked)}
                      />
                      <Avatar id={m.id} name={m.displayName} size={22} />
                      <span className="check-text">
                        <span>{m.displayName}</span>
                        <span className="check-roles">
                          {m.roles.map((r) => ROLE_LABELS[lang][r]).join(', ')}
                        </span>
                      </span>
                    </label>
                  ))}
              </fieldset>
            </details>
          </li>
        )
      })}
    </ul>
  )
}
