import { queryTemplate, type ActivityRow, type Executor, type Param } from '@caitien/db'
import {
  COUNTED_MOVES,
  formatDateTime,
  monthEndInstant,
  monthStartInstant,
  readActivity,
  type ActivityAction,
  type ActivityEvent,
  type CountedMove,
} from '@caitien/shared'

/**
 * The activity log's SQL (docs/decisions/020). The log is append-only: entries are
 * inserted, never updated or deleted; monthly figures are rebuilt from it, so every entry
 * is typed by shared/src/activity.ts on the way in and read back as that type.
 */

/** Who, where and when of a log entry; what happened is its ActivityEvent. */
export type ActivityInput = ActivityEvent & {
  schoolId: string
  planId: string
  cardId: string | null
  actorId: string | null
  at: string
}

/** Appends to the activity log; status fields and reason default to null (not a move). */
export async function insertActivity(db: Executor, entry: ActivityInput): Promise<void> {
  await activityInsert.run(db, {
    id: crypto.randomUUID(),
    school_id: entry.schoolId,
    plan_id: entry.planId,
    card_id: entry.cardId,
    actor_id: entry.actorId,
    at: entry.at,
    action: entry.action,
    from_status: entry.fromStatus ?? null,
    to_status: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    detail: entry.detail === null ? null : JSON.stringify(entry.detail),
  })
}

/** Every write logs one entry: a template (db/src/query-template.ts). */
const activityInsert = queryTemplate(
  (db, p: Param<{ [K in keyof Omit<ActivityRow, 'seq'>]: ActivityRow[K] }>) =>
    db.insertInto('activity').values({
      id: p('id'),
      school_id: p('school_id'),
      plan_id: p('plan_id'),
      card_id: p('card_id'),
      actor_id: p('actor_id'),
      at: p('at'),
      action: p('action'),
      from_status: p('from_status'),
      to_status: p('to_status'),
      reason: p('reason'),
      detail: p('detail'),
    }),
)

/** A card's history, newest first, each entry's detail typed by its action. */
export async function listCardActivity(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('activity')
    .leftJoin('app_user', 'app_user.id', 'activity.actor_id')
    .select([
      'activity.id',
      'activity.seq',
      'activity.at',
      'activity.action',
      'activity.from_status',
      'activity.to_status',
      'activity.reason',
      'activity.detail',
      'activity.actor_id',
      'app_user.display_name',
    ])
    .where('activity.card_id', '=', cardId)
    .orderBy('activity.seq', 'desc')
    .execute()
  return rows.map((r) =>
    readActivity({
      id: r.id,
      at: r.at,
      atText: formatDateTime(r.at),
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      reason: r.reason,
      detail: r.detail,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? '' } : null,
    }),
  )
}

/** How many times evidence was submitted for the card (each move into "Đã nộp minh chứng"). */
export async function countSubmissions(db: Executor, cardId: string): Promise<number> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('card_id', '=', cardId)
    .where('action', '=', 'submit')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The counted moves (COUNTED_MOVES) of a plan's cards during a month. */
export async function listMonthMoves(db: Executor, planId: string, month: string) {
  const rows = await db
    .selectFrom('activity')
    .select(['card_id', 'action'])
    .where('plan_id', '=', planId)
    .where('action', 'in', Object.keys(COUNTED_MOVES) as CountedMove[])
    .where('at', '>=', monthStartInstant(month))
    .where('at', '<', monthEndInstant(month))
    .execute()
  return rows.flatMap((r) =>
    r.card_id ? [{ cardId: r.card_id, action: r.action as CountedMove }] : [],
  )
}

/** Every card entry of a plan's log before an instant, in order, typed by action. */
export async function listCardEntriesBefore(db: Executor, planId: string, before: string) {
  const rows = await db
    .selectFrom('activity')
    .select(['card_id', 'action', 'to_status', 'detail'])
    .where('plan_id', '=', planId)
    .where('at', '<', before)
    .where('card_id', 'is not', null)
    .orderBy('seq')
    .execute()
  return rows.map((r) =>
    readActivity({ cardId: r.card_id!, action: r.action, toStatus: r.to_status, detail: r.detail }),
  )
}

/** When the plan's last logged event happened, for "has anything happened since?". */
export async function findLastActivityAt(db: Executor, planId: string): Promise<string | null> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('plan_id', '=', planId)
    .executeTakeFirst()
  return (row?.at as string | null | undefined) ?? null
}

/**
 * Given actions of the plan's cards waiting for review, in order, typed by action, with
 * their actors' names: what the review queue tells apart.
 */
export async function listWaitingCardEntries<A extends ActivityAction>(
  db: Executor,
  planId: string,
  actions: readonly A[],
) {
  const rows = await db
    .selectFrom('activity')
    .innerJoin('card', 'card.id', 'activity.card_id')
    .leftJoin('app_user', 'app_user.id', 'activity.actor_id')
    .select([
      'activity.card_id',
      'activity.at',
      'activity.action',
      'activity.detail',
      'app_user.display_name',
    ])
    .where('activity.plan_id', '=', planId)
    .where('card.status', '=', 'evidence_submitted')
    .where('activity.action', 'in', [...actions])
    .orderBy('activity.seq')
    .execute()
  return rows.map((r) =>
    readActivity({
      cardId: r.card_id!,
      at: r.at,
      // The query reads these actions only.
      action: r.action as A,
      detail: r.detail,
      by: r.display_name ?? '',
    }),
  )
}

/** How many entries the log holds for each of these cards (an import's undo asks "touched since?"). */
export async function countCardEntries(
  db: Executor,
  cardIds: readonly string[],
): Promise<Map<string, number>> {
  if (cardIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('activity')
    .select(['card_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('card_id', 'in', cardIds)
    .groupBy('card_id')
    .execute()
  return new Map(rows.map((r) => [r.card_id!, Number(r.n)]))
}
