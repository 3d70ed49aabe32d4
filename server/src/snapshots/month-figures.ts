import type { Db } from '@caitien/db'
import {
  isCardStatus,
  monthEndInstant,
  monthStartInstant,
  summarizeMonth,
  type MonthMoves,
  type MonthlySummary,
  type SnapshotCard,
} from '@caitien/shared'
import type { Executor } from '../cards/card.repository.ts'

const MOVE_KINDS: Record<string, keyof MonthMoves> = {
  start: 'started',
  submit: 'submitted',
  send_back: 'sentBack',
  verify: 'verified',
}

async function movesDuring(db: Executor, planId: string, month: string): Promise<MonthMoves> {
  const rows = await db
    .selectFrom('activity')
    .select(['card_id', 'action'])
    .where('plan_id', '=', planId)
    .where('action', 'in', Object.keys(MOVE_KINDS))
    .where('at', '>=', monthStartInstant(month))
    .where('at', '<', monthEndInstant(month))
    .execute()
  const moves: MonthMoves = { started: [], submitted: [], sentBack: [], verified: [] }
  for (const r of rows) if (r.card_id) moves[MOVE_KINDS[r.action]!].push(r.card_id)
  return moves
}

/**
 * A month's figures from the live tables: right for the month that has just ended as long
 * as nothing has happened since (the scheduler's normal case), and for "now".
 */
export async function liveFigures(
  db: Executor,
  planId: string,
  month: string,
): Promise<MonthlySummary> {
  const [cards, assignees, moves] = await Promise.all([
    db
      .selectFrom('card')
      .select(['id', 'status', 'due_month', 'standard', 'criterion', 'budget_amount'])
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('card_assignee')
      .innerJoin('card', 'card.id', 'card_assignee.card_id')
      .select(['card_assignee.card_id', 'card_assignee.user_id'])
      .where('card.plan_id', '=', planId)
      .execute(),
    movesDuring(db, planId, month),
  ])
  const byCard = new Map<string, string[]>()
  for (const a of assignees) byCard.set(a.card_id, [...(byCard.get(a.card_id) ?? []), a.user_id])
  const snapshotCards: SnapshotCard[] = cards.map((c) => ({
    id: c.id,
    status: c.status,
    assigneeIds: byCard.get(c.id) ?? [],
    dueMonth: c.due_month,
    standard: c.standard,
    criterion: c.criterion,
    budgetAmount: c.budget_amount === null ? null : Number(c.budget_amount),
  }))
  return summarizeMonth(month, snapshotCards, moves)
}

interface LoggedState {
  standard?: string | null
  criterion?: string | null
  dueMonth?: string | null
  budgetAmount?: number | null
  assigneeIds?: string[]
}

/**
 * A month's figures rebuilt from the activity log alone: every card as it stood at the
 * month's end (created, edited, assigned, moved, deleted), and the moves made during it.
 * This is what a missed month's snapshot is taken from, and what checks a stored one.
 */
export async function figuresFromLog(
  db: Executor,
  planId: string,
  month: string,
): Promise<MonthlySummary> {
  const end = monthEndInstant(month)
  const [rows, moves] = await Promise.all([
    db
      .selectFrom('activity')
      .select(['card_id', 'action', 'to_status', 'detail'])
      .where('plan_id', '=', planId)
      .where('at', '<', end)
      .where('card_id', 'is not', null)
      .orderBy('seq')
      .execute(),
    movesDuring(db, planId, month),
  ])
  const cards = new Map<string, SnapshotCard>()
  for (const r of rows) {
    const id = r.card_id!
    const detail = r.detail
      ? (JSON.parse(r.detail) as { state?: LoggedState; after?: string[] })
      : {}
    switch (r.action) {
      case 'created': {
        const s = detail.state ?? {}
        cards.set(id, {
          id,
          status: 'planned',
          assigneeIds: s.assigneeIds ?? [],
          dueMonth: s.dueMonth ?? null,
          standard: s.standard ?? null,
          criterion: s.criterion ?? null,
          budgetAmount: s.budgetAmount ?? null,
        })
        break
      }
      case 'edited': {
        const card = cards.get(id)
        const s = detail.state
        if (card && s) {
          card.dueMonth = s.dueMonth ?? null
          card.standard = s.standard ?? null
          card.criterion = s.criterion ?? null
          card.budgetAmount = s.budgetAmount ?? null
        }
        break
      }
      case 'assigned': {
        const card = cards.get(id)
        if (card && detail.after) card.assigneeIds = [...detail.after]
        break
      }
      case 'deleted':
        cards.delete(id)
        break
      default: {
        const card = cards.get(id)
        if (card && isCardStatus(r.to_status)) card.status = r.to_status
      }
    }
  }
  return summarizeMonth(month, [...cards.values()], moves)
}

/** The month right after the plan's last logged event, for "has anything happened since?". */
export async function lastActivityAt(db: Db, planId: string): Promise<string | null> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('plan_id', '=', planId)
    .executeTakeFirst()
  return (row?.at as string | null | undefined) ?? null
}
