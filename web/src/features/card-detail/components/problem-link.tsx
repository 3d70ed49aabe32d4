import { firstLine } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { planProblemsQueryOptions, useSetCardProblem, type CardDetail } from '../api/card-queries'
import { cardMessages } from '../card-messages'
import { SaveCancel } from '@/components/ui/form-actions'

/** How a problem reads: its standard, criteria and weakness (its first line in a list). */
const problemText = (p: NonNullable<CardDetail['problem']>, short = false) =>
  [p.standard, p.criteriaText, short ? firstLine(p.weakness) : p.weakness]
    .filter(Boolean)
    .join(' — ')

/**
 * The priority problem (Biểu 2's table IV) a card works on, as a row of the plan fields.
 * The principal may link it to another of the plan's problems, or to none (decision 026:
 * the import links rows by rules that can guess wrong). Shown when the card has a problem
 * or the plan has any.
 */
export function ProblemLink({
  card,
  canEdit,
  onChanged,
}: {
  card: CardDetail
  canEdit: boolean
  onChanged: () => void
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const id = useId()
  const problems = useQuery({ ...planProblemsQueryOptions(card.planId), enabled: canEdit })
  const [editing, setEditing] = useState(false)
  const [chosen, setChosen] = useState<string>(card.problem?.id ?? '')
  const save = useSetCardProblem(card.id, onChanged)
  const list = problems.data?.problems ?? []
  if (!card.problem && list.length === 0) return null

  return (
    <div className="field-row">
      <dt>
        {editing ? <label htmlFor={`${id}-problem`}>{m.priorityProblem}</label> : m.priorityProblem}
      </dt>
      <dd className="multiline">
        {!editing && (
          <>
            {card.problem ? (
              problemText(card.problem)
            ) : (
              <span className="muted">{common.none}</span>
            )}
            {canEdit && list.length > 0 && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setChosen(card.problem?.id ?? '')
                    setEditing(true)
                  }}
                >
                  {m.changeProblem}
                </button>
              </>
            )}
          </>
        )}
        {editing && (
          <form
            className="problem-link-form"
            onSubmit={(e) => {
              e.preventDefault()
              save.mutate(chosen === '' ? null : chosen, {
                onSuccess: () => setEditing(false),
                onError: (err) => showToast(errorMessage(err, common.loadFailed)),
              })
            }}
          >
            <select
              id={`${id}-problem`}
              className="field-select"
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
            >
              <option value="">{m.noProblem}</option>
              {list.map((p, i) => (
                <option key={p.id} value={p.id}>
                  {m.problemOption({ index: p.index ?? String(i + 1), text: problemText(p, true) })}
                </option>
              ))}
            </select>
            <SaveCancel pending={save.isPending} onCancel={() => setEditing(false)} />
          </form>
        )}
      </dd>
    </div>
  )
}
