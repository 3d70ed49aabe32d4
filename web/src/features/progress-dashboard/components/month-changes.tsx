import { useId } from 'react'
import { useMessages } from '@/lib/i18n'
import type { MonthSummary, SummaryCard } from '../api/progress-queries'
import { compareCriteria } from '../dashboard-figures'
import { progressMessages } from '../progress-messages'
import { CardList, type BoardLookup } from './card-list'

const KINDS = ['started', 'submitted', 'sentBack', 'verified'] as const
const KIND_STATUS = {
  started: 'in_progress',
  submitted: 'evidence_submitted',
  sentBack: 'planned',
  verified: 'verified',
} as const

/** "What changed this month": the cards started, submitted, sent back and verified. */
export function MonthChanges({
  summary,
  summaryCards,
  lookup,
  onOpenCard,
}: {
  summary: MonthSummary
  summaryCards: ReadonlyMap<string, SummaryCard>
  lookup: BoardLookup
  onOpenCard: (cardId: string) => void
}) {
  const c = useMessages(progressMessages)
  const id = useId()
  const sorted = (ids: readonly string[]) =>
    [...ids].sort(
      (a, b) =>
        compareCriteria(
          summaryCards.get(a)?.criterion ?? null,
          summaryCards.get(b)?.criterion ?? null,
        ) || a.localeCompare(b),
    )
  return (
    <div className="dash-changes">
      {KINDS.map((kind) => {
        const ids = summary.moves[kind]
        return (
          <section
            key={kind}
            className={`dash-change-group status-pill-${KIND_STATUS[kind]}${kind === 'sentBack' ? ' dash-change-group-back' : ''}`}
            aria-labelledby={`${id}-${kind}`}
            data-testid={`changes-${kind}`}
          >
            <h4 id={`${id}-${kind}`} className="dash-change-title">
              <span className="column-dot" aria-hidden="true" />
              {c[kind]} <span className="section-count">{ids.length}</span>
            </h4>
            {ids.length === 0 ? (
              <p className="muted dash-empty">{c.noChanges}</p>
            ) : (
              <CardList
                ids={sorted(ids)}
                summaryCards={summaryCards}
                lookup={lookup}
                onOpenCard={onOpenCard}
                itemTestId="change-card"
              />
            )}
          </section>
        )
      })}
    </div>
  )
}
