import { useMessages } from '@/lib/i18n'
import type { ImportProposal } from '../api/import-queries'
import { importMessages } from '../import-messages'

/**
 * The rows the reader found in the plan's prose, each with its own accept/drop choice. They
 * are a group of their own: the principal decides, row by row, what becomes a card.
 */
export function ProseRows({
  proposed,
  disabled,
  onAccept,
}: {
  proposed: ImportProposal[]
  disabled: boolean
  onAccept: (sourceRow: number, accept: boolean) => void
}) {
  const c = useMessages(importMessages)
  if (proposed.length === 0) return null
  return (
    <section className="import-section import-prose" aria-labelledby="import-prose">
      <h3 id="import-prose" className="section-title">
        {c.proseTitle}
        <span className="section-count">{proposed.length}</span>
      </h3>
      <p className="section-hint">{c.proseHint}</p>
      <ul className="import-prose-rows">
        {proposed.map((p) => {
          const lead = p.row.lead ?? c.proseNoLead
          return (
            <li key={p.sourceRow} className="import-prose-row" data-origin={p.row.origin}>
              <label>
                <input
                  type="checkbox"
                  checked={p.accepted}
                  disabled={disabled}
                  aria-label={c.proseAccept({ lead })}
                  onChange={(e) => onAccept(p.sourceRow, e.currentTarget.checked)}
                />
                <span className="import-prose-criterion">
                  {c.criterion} {p.row.criterion}
                </span>
                <strong>{lead}</strong>
              </label>
              <p className="import-prose-tasks">{p.row.tasks}</p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
