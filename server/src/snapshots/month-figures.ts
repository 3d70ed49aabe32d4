import type { Executor } from '@caitien/db'
import {
  monthEndInstant,
  monthMoves,
  replayActivity,
  summarizeMonth,
  type MonthlySummary,
} from '@caitien/shared'
import { listCardEntriesBefore, listMonthMoves } from '../activity/activity.repository.ts'
import { listSnapshotCards } from '../cards/card.repository.ts'

/**
 * A month's figures from the live tables: right for the month that has just ended as long
 * as nothing has happened since (the scheduler's normal case), and for "now".
 */
export async function liveFigures(
  db: Executor,
  planId: string,
  month: string,
): Promise<MonthlySummary> {
  const [cards, moves] = await Promise.all([
    listSnapshotCards(db, planId),
    listMonthMoves(db, planId, month),
  ])
  return summarizeMonth(month, cards, monthMoves(moves))
}

/**
 * A month's figures rebuilt from the activity log alone: every card as it stood at the
 * month's end (replayActivity: created, edited, assigned, moved, deleted), and the moves
 * made during it. This is what a missed month's snapshot is taken from, and what checks a
 * stored one.
 */
export async function figuresFromLog(
  db: Executor,
  planId: string,
  month: string,
): Promise<MonthlySummary> {
  const [entries, moves] = await Promise.all([
    listCardEntriesBefore(db, planId, monthEndInstant(month)),
    listMonthMoves(db, planId, month),
  ])
  return summarizeMonth(month, replayActivity(entries), monthMoves(moves))
}
