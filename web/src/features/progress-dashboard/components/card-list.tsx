import { STATUS_LABELS, formatMonth, formatVnd, type CardStatus } from '@caitien/shared'
import { useI18n, useMessages } from '@/lib/i18n'
import type { SummaryCard } from '../api/progress-queries'
import { progressMessages } from '../progress-messages'

/** A card as the board shows it today: its title for the figures' card lists. */
export interface DashboardCard {
  id: string
  criterion: string | null
  standard: string | null
  title: string
  status: CardStatus
}

export interface DashboardMember {
  id: string
  displayName: string
}

/** What the dashboard knows of the plan beyond the month's figures; the app passes it in. */
export interface BoardLookup {
  cards: ReadonlyMap<string, DashboardCard>
  members: ReadonlyMap<string, string>
}

/**
 * Cards of a figure or a list, each as it stood at month end (status, assignees, due
 * month) with today's title; a click opens the card detail. A card deleted since has
 * no detail to open.
 */
export function CardList({
  ids,
  summaryCards,
  lookup,
  onOpenCard,
  showBudget = false,
  testId,
  itemTestId,
  id,
  label,
}: {
  ids: readonly string[]
  summaryCards: ReadonlyMap<string, SummaryCard>
  lookup: BoardLookup
  onOpenCard: (cardId: string) => void
  showBudget?: boolean
  testId?: string
  itemTestId: string
  id?: string
  label?: string
}) {
  const { lang } = useI18n()
  const c = useMessages(progressMessages)
  if (ids.length === 0) {
    return (
      <p id={id} className="muted dash-empty" data-testid={testId}>
        {c.noCards}
      </p>
    )
  }
  return (
    <ul id={id} className="dash-cards" data-testid={testId} aria-label={label}>
      {ids.map((cardId) => {
        const at = summaryCards.get(cardId)
        const now = lookup.cards.get(cardId)
        const status = at?.status ?? now?.status ?? 'planned'
        const criterion = at?.criterion ?? now?.criterion ?? null
        const standard = at?.standard ?? now?.standard ?? null
        const names = (at?.assigneeIds ?? [])
          .map((a) => lookup.members.get(a))
          .filter((n): n is string => n !== undefined)
        return (
          <li key={cardId}>
            <button
              type="button"
              className="dash-card"
              data-testid={itemTestId}
              data-card-id={cardId}
              disabled={!now}
              title={now ? undefined : c.cardGone}
              onClick={() => onOpenCard(cardId)}
            >
              <span className="dash-card-main">
                {criterion && (
                  <span className={`tile-criterion std-${standard ?? 'none'}`}>{criterion}</span>
                )}
                <span className="dash-card-title">{now?.title ?? c.cardGone}</span>
              </span>
              <span className="dash-card-meta">
                <span className="dash-card-people">
                  {names.length ? names.join(', ') : <span className="muted">{c.noAssignee}</span>}
                </span>
                {at?.dueMonth && (
                  <span className={at.overdue ? 'dash-card-due dash-card-late' : 'dash-card-due'}>
                    {c.due({ month: formatMonth(at.dueMonth) })}
                  </span>
                )}
                {showBudget && at?.budgetAmount ? (
                  <span className="dash-card-budget">{formatVnd(at.budgetAmount)}</span>
                ) : null}
                <span className={`status-pill status-pill-${status} dash-card-status`}>
                  <span className="column-dot" aria-hidden="true" />
                  {STATUS_LABELS[lang][status]}
                </span>
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
