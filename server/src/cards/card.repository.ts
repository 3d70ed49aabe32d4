import {
  queryTemplate,
  type ActivityRow,
  type CardRow,
  type Db,
  type NewActivity,
  type Param,
} from '@caitien/db'
import { firstLine, type CardStatus } from '@caitien/shared'
import { sql, type Transaction } from 'kysely'
import type { Database } from '@caitien/db'

export type Executor = Db | Transaction<Database>

/** The latest submission of a card, as its activity entry logged it. */
export interface Submission {
  submitterId: string | null
  /** Who was assigned when it was submitted (logged since docs/decisions/015). */
  assigneeIds: readonly string[]
}

/** What the people who took part in a card are worked out from (MovableCard.involvedIds). */
export interface Involvement {
  submission: Submission | null
  /** Authors and linkers of the card's live evidence items. */
  evidencePeople: readonly string[]
}

/** A logged 'submit' entry read back: its actor and the assignees its detail recorded. */
export function submissionOf(entry: { actor_id: string | null; detail: string | null }) {
  const detail = entry.detail ? (JSON.parse(entry.detail) as { assigneeIds?: unknown }) : {}
  const assigneeIds = Array.isArray(detail.assigneeIds)
    ? detail.assigneeIds.filter((id): id is string => typeof id === 'string')
    : []
  return { submitterId: entry.actor_id, assigneeIds }
}

/**
 * MovableCard.involvedIds: the submission counts only while the card waits for review
 * (there is no submission under review otherwise); evidence people always count. Sorted,
 * so that equal boards serialise equally.
 */
export function involvedIdsOf(status: CardStatus, involvement: Involvement): string[] {
  const ids = new Set(involvement.evidencePeople)
  const submission = status === 'evidence_submitted' ? involvement.submission : null
  if (submission?.submitterId) ids.add(submission.submitterId)
  for (const id of submission?.assigneeIds ?? []) ids.add(id)
  return [...ids].sort()
}

/** What a board tile shows; the full card comes with GET /api/cards/:id. */
export function toBoardCard(
  row: CardRow,
  extra: {
    assigneeIds: string[]
    involvedIds: string[]
    evidenceCount: number
    commentCount: number
  },
) {
  return {
    id: row.id,
    status: row.status,
    position: row.position,
    version: row.version,
    standard: row.standard,
    standardName: row.standard_name,
    criterion: row.criterion,
    title: firstLine(row.tasks) || firstLine(row.target) || firstLine(row.criterion_label),
    target: row.target,
    lead: row.lead,
    startMonth: row.start_month,
    dueMonth: row.due_month,
    assigneeIds: extra.assigneeIds,
    involvedIds: extra.involvedIds,
    evidenceCount: extra.evidenceCount,
    commentCount: extra.commentCount,
  }
}
export type BoardCard = ReturnType<typeof toBoardCard>

/** Every plan field of DESIGN §2, raw text and parsed values side by side. */
export function toCardDetail(row: CardRow, assigneeIds: string[]) {
  return {
    id: row.id,
    planId: row.plan_id,
    status: row.status,
    position: row.position,
    version: row.version,
    standard: row.standard,
    standardName: row.standard_name,
    criterion: row.criterion,
    criterionLabel: row.criterion_label,
    section: row.section,
    weakness: row.weakness,
    target: row.target,
    tasks: row.tasks,
    measures: row.measures,
    lead: row.lead,
    coordinators: row.coordinators,
    timeframe: row.timeframe,
    startMonth: row.start_month,
    dueMonth: row.due_month,
    budget: row.budget,
    budgetAmount: row.budget_amount,
    fundingSource: row.funding_source,
    support: row.support,
    expectedEvidence: row.expected_evidence,
    notes: row.notes,
    assigneeIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function findCardById(db: Executor, cardId: string): Promise<CardRow | undefined> {
  return db
    .selectFrom('card')
    .selectAll()
    .where('id', '=', cardId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function listAssigneeIds(db: Executor, cardId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('card_assignee')
    .select('user_id')
    .where('card_id', '=', cardId)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute()
  return rows.map((r) => r.user_id)
}

/** The live evidence of a card: its own items and items linked to it from another card. */
export function selectCardEvidence(db: Executor, cardId: string) {
  return db
    .selectFrom('evidence')
    .where('evidence.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('evidence.card_id', '=', cardId),
        eb(
          'evidence.id',
          'in',
          eb
            .selectFrom('evidence_link')
            .select('evidence_link.evidence_id')
            .where('evidence_link.card_id', '=', cardId),
        ),
      ]),
    )
}

/**
 * One card as the board shows it, with its row, in one query: a row per assignee (one
 * with a null assignee when there is none), the evidence and comment counts as scalar
 * subqueries. Undefined for an unknown or deleted card.
 */
const boardCard = queryTemplate((db, p: Param<{ cardId: string }>) =>
  db
    .selectFrom('card')
    .leftJoin('card_assignee', 'card_assignee.card_id', 'card.id')
    .selectAll('card')
    .select((eb) => [
      'card_assignee.user_id as assignee_id',
      selectCardEvidence(db, p('cardId'))
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('evidence_count'),
      eb
        .selectFrom('comment')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('comment.card_id', '=', p('cardId'))
        .as('comment_count'),
    ])
    .where('card.id', '=', p('cardId'))
    .where('card.deleted_at', 'is', null)
    .orderBy('card_assignee.created_at')
    .orderBy('card_assignee.user_id'),
)

/**
 * Who took part in one card, in one query: its submissions (the latest is picked by seq),
 * the authors of its live evidence (own and linked) and the linkers of its linked items.
 */
const cardInvolvement = queryTemplate((db, p: Param<{ cardId: string }>) =>
  db
    .selectFrom('activity')
    .select([
      sql<string>`'submit'`.as('part'),
      'activity.actor_id as user_id',
      'activity.detail',
      'activity.seq',
    ])
    .where('activity.card_id', '=', p('cardId'))
    .where('activity.action', '=', 'submit')
    .unionAll(
      selectCardEvidence(db, p('cardId')).select([
        sql<string>`'evidence'`.as('part'),
        'evidence.created_by as user_id',
        sql<string | null>`cast(null as text)`.as('detail'),
        sql<number>`0`.as('seq'),
      ]),
    )
    .unionAll(
      db
        .selectFrom('evidence_link')
        .innerJoin('evidence', 'evidence.id', 'evidence_link.evidence_id')
        .select([
          sql<string>`'link'`.as('part'),
          'evidence_link.linked_by as user_id',
          sql<string | null>`cast(null as text)`.as('detail'),
          sql<number>`0`.as('seq'),
        ])
        .where('evidence_link.card_id', '=', p('cardId'))
        .where('evidence.deleted_at', 'is', null),
    ),
)

export async function findBoardCard(
  db: Executor,
  cardId: string,
): Promise<{ row: CardRow; card: BoardCard; involvement: Involvement } | undefined> {
  const rows = await boardCard.all(db, { cardId })
  const first = rows[0]
  if (!first) return undefined
  const parts = await cardInvolvement.all(db, { cardId })
  const latest = parts
    .filter((r) => r.part === 'submit')
    .reduce<(typeof parts)[number] | undefined>(
      (a, r) => (a && Number(a.seq) > Number(r.seq) ? a : r),
      undefined,
    )
  const involvement: Involvement = {
    submission: latest ? submissionOf({ actor_id: latest.user_id, detail: latest.detail }) : null,
    evidencePeople: parts.flatMap((r) => (r.part !== 'submit' && r.user_id ? [r.user_id] : [])),
  }
  // The first row's assignee rides along in `row`: harmless, CardRow is what is read.
  const { evidence_count, comment_count, ...row } = first
  const card = toBoardCard(row, {
    assigneeIds: rows.flatMap((r) => (r.assignee_id === null ? [] : [r.assignee_id])),
    involvedIds: involvedIdsOf(row.status, involvement),
    evidenceCount: Number(evidence_count ?? 0),
    commentCount: Number(comment_count ?? 0),
  })
  return { row, card, involvement }
}

/** A card nobody has worked on yet: no evidence, never submitted. */
export const NO_INVOLVEMENT = {
  evidenceCount: 0,
  evidencePeople: [],
  submission: null,
} as const satisfies Involvement & { evidenceCount: number }

/** Which cards `listCardInvolvement` reads: a plan's, or a few named ones. */
type CardScope = { planId: string } | { cardIds: readonly string[] }

/**
 * What makes the evidence counts and the people who took part in the cards of a scope,
 * in one query whatever their number: own items per author, linked items per author and
 * linker, and the submissions of the cards waiting for review (a UNION ALL, read per plan
 * or per list of cards, never per card).
 */
export async function listCardInvolvement(
  db: Executor,
  scope: CardScope,
): Promise<Map<string, Involvement & { evidenceCount: number }>> {
  const none = sql<string | null>`cast(null as text)`
  const planId = 'planId' in scope ? scope.planId : null
  const ids = 'cardIds' in scope ? [...scope.cardIds] : null
  if (ids?.length === 0) return new Map()
  const parts = await db
    .selectFrom('activity')
    .innerJoin('card', 'card.id', 'activity.card_id')
    .select([
      sql<string>`'submit'`.as('part'),
      'card.id as card_id',
      'activity.actor_id as user_id',
      none.as('linked_by'),
      sql<number>`0`.as('n'),
      'activity.detail',
      'activity.seq',
    ])
    .$if(planId !== null, (q) => q.where('card.plan_id', '=', planId!))
    .$if(ids !== null, (q) => q.where('card.id', 'in', ids!))
    .where('card.status', '=', 'evidence_submitted')
    .where('card.deleted_at', 'is', null)
    .where('activity.action', '=', 'submit')
    .unionAll(
      db
        .selectFrom('evidence')
        .select((eb) => [
          sql<string>`'own'`.as('part'),
          'evidence.card_id',
          'evidence.created_by as user_id',
          none.as('linked_by'),
          eb.fn.countAll<number>().as('n'),
          none.as('detail'),
          sql<number>`0`.as('seq'),
        ])
        .$if(planId !== null, (q) => q.where('evidence.plan_id', '=', planId!))
        .$if(ids !== null, (q) => q.where('evidence.card_id', 'in', ids!))
        .where('evidence.deleted_at', 'is', null)
        .groupBy(['evidence.card_id', 'evidence.created_by']),
    )
    .unionAll(
      db
        .selectFrom('evidence_link')
        .innerJoin('evidence', 'evidence.id', 'evidence_link.evidence_id')
        .innerJoin('card', 'card.id', 'evidence_link.card_id')
        .select((eb) => [
          sql<string>`'link'`.as('part'),
          'evidence_link.card_id',
          'evidence.created_by as user_id',
          'evidence_link.linked_by',
          eb.fn.countAll<number>().as('n'),
          none.as('detail'),
          sql<number>`0`.as('seq'),
        ])
        .$if(planId !== null, (q) => q.where('card.plan_id', '=', planId!))
        .$if(ids !== null, (q) => q.where('evidence_link.card_id', 'in', ids!))
        .where('evidence.deleted_at', 'is', null)
        .groupBy(['evidence_link.card_id', 'evidence.created_by', 'evidence_link.linked_by']),
    )
    .execute()
  const byCard = new Map<
    string,
    { evidenceCount: number; evidencePeople: string[]; submission: Submission | null; seq: number }
  >()
  for (const r of parts) {
    let entry = byCard.get(r.card_id)
    if (!entry) {
      entry = { evidenceCount: 0, evidencePeople: [], submission: null, seq: -1 }
      byCard.set(r.card_id, entry)
    }
    if (r.part === 'submit') {
      // The latest submission is the one under review.
      if (Number(r.seq) > entry.seq) {
        entry.seq = Number(r.seq)
        entry.submission = submissionOf({ actor_id: r.user_id, detail: r.detail })
      }
      continue
    }
    entry.evidenceCount += Number(r.n)
    for (const id of [r.user_id, r.linked_by]) if (id) entry.evidencePeople.push(id)
  }
  return new Map(
    [...byCard].map(([id, { evidenceCount, evidencePeople, submission }]) => [
      id,
      { evidenceCount, evidencePeople, submission },
    ]),
  )
}

/**
 * The whole board in four queries whatever the card count: cards, assignees, comment
 * counts, and what makes the evidence counts and the people who took part
 * (listCardInvolvement). Each is read per plan, never per card.
 */
export async function listBoardCards(db: Executor, planId: string): Promise<BoardCard[]> {
  const [cards, assignees, involvement, comments] = await Promise.all([
    db
      .selectFrom('card')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .orderBy('status')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('card_assignee')
      .innerJoin('card', 'card.id', 'card_assignee.card_id')
      .select(['card_assignee.card_id', 'card_assignee.user_id'])
      .where('card.plan_id', '=', planId)
      .orderBy('card_assignee.created_at')
      .orderBy('card_assignee.user_id')
      .execute(),
    listCardInvolvement(db, { planId }),
    db
      .selectFrom('comment')
      .innerJoin('card', 'card.id', 'comment.card_id')
      .select(['comment.card_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('card.plan_id', '=', planId)
      .groupBy('comment.card_id')
      .execute(),
  ])
  const assigneesByCard = new Map<string, string[]>()
  for (const a of assignees) {
    const list = assigneesByCard.get(a.card_id) ?? []
    list.push(a.user_id)
    assigneesByCard.set(a.card_id, list)
  }
  const commentsByCard = new Map(comments.map((e) => [e.card_id, Number(e.n)]))
  return cards.map((row) => {
    const inv = involvement.get(row.id) ?? NO_INVOLVEMENT
    return toBoardCard(row, {
      assigneeIds: assigneesByCard.get(row.id) ?? [],
      involvedIds: involvedIdsOf(row.status, inv),
      evidenceCount: inv.evidenceCount,
      commentCount: commentsByCard.get(row.id) ?? 0,
    })
  })
}

/** Appends to the activity log; status fields and reason default to null (not a move). */
export async function insertActivity(
  db: Executor,
  entry: Omit<NewActivity, 'id' | 'seq' | 'detail' | 'from_status' | 'to_status' | 'reason'> &
    Partial<Pick<NewActivity, 'from_status' | 'to_status' | 'reason'>> & {
      detail?: Record<string, unknown> | null
    },
): Promise<void> {
  await activityInsert.run(db, {
    id: crypto.randomUUID(),
    school_id: entry.school_id,
    plan_id: entry.plan_id,
    card_id: entry.card_id ?? null,
    actor_id: entry.actor_id ?? null,
    at: entry.at,
    action: entry.action,
    from_status: entry.from_status ?? null,
    to_status: entry.to_status ?? null,
    reason: entry.reason ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
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

/** Positions of the column's neighbours around a slot (before `beforeCardId`, or at the end). */
export async function findNeighbourPositions(
  db: Executor,
  input: { planId: string; status: CardStatus; cardId: string; beforeCardId: string | null },
): Promise<{ above: number | null; below: number | null }> {
  const column = { planId: input.planId, status: input.status, cardId: input.cardId }
  if (input.beforeCardId) {
    const before = await cardPlace.first(db, { cardId: input.beforeCardId })
    if (before && before.plan_id === input.planId && before.status === input.status) {
      const row = await lastPositionBelow.first(db, { ...column, below: before.position })
      return { above: toPosition(row?.p), below: before.position }
    }
  }
  return { above: toPosition((await lastPosition.first(db, column))?.p), below: null }
}

const toPosition = (p: unknown) => (p === null || p === undefined ? null : Number(p))

const cardPlace = queryTemplate((db, p: Param<{ cardId: string }>) =>
  db
    .selectFrom('card')
    .select(['position', 'status', 'plan_id'])
    .where('id', '=', p('cardId'))
    .where('deleted_at', 'is', null),
)

type ColumnParams = { planId: string; status: CardStatus; cardId: string }
const selectLastPosition = (db: Db, p: Param<ColumnParams>) =>
  db
    .selectFrom('card')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('plan_id', '=', p('planId'))
    .where('status', '=', p('status'))
    .where('deleted_at', 'is', null)
    .where('id', '!=', p('cardId'))
const lastPosition = queryTemplate((db, p: Param<ColumnParams>) => selectLastPosition(db, p))
const lastPositionBelow = queryTemplate((db, p: Param<ColumnParams & { below: number }>) =>
  selectLastPosition(db, p).where('position', '<', p('below')),
)

/** Renumbers a column at even gaps, keeping its order; rare (see positionsTooClose). */
export async function renumberColumn(
  db: Executor,
  planId: string,
  status: CardStatus,
): Promise<void> {
  const rows = await db
    .selectFrom('card')
    .select('id')
    .where('plan_id', '=', planId)
    .where('status', '=', status)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute()
  for (const [i, row] of rows.entries()) {
    await db
      .updateTable('card')
      .set({ position: (i + 1) * 1024 })
      .where('id', '=', row.id)
      .execute()
  }
}

/**
 * The fields monthly figures depend on, as they stand after a write. Logged with every
 * "created" and "edited" entry so that any past month can be rebuilt from the log alone.
 */
export function figureState(row: {
  standard: string | null
  criterion: string | null
  due_month: string | null
  budget_amount: number | null
}) {
  return {
    standard: row.standard,
    criterion: row.criterion,
    dueMonth: row.due_month,
    budgetAmount: row.budget_amount === null ? null : Number(row.budget_amount),
  }
}

/**
 * What a board answer depends on, in one cheap query: the plan's last logged event (every
 * write logs one, except a reorder), the sum of its cards' versions (every card write bumps
 * one, a reorder included, whatever the clock says) and its school's memberships. Equal stamps mean an equal board, so an unchanged board is
 * answered 304 without loading a card.
 */
export async function findBoardStamp(db: Executor, planId: string, schoolId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('activity')
        .select((a) => a.fn.max('seq').as('m'))
        .where('plan_id', '=', planId)
        .as('seq'),
      eb
        .selectFrom('card')
        .select((a) => a.fn.sum('version').as('m'))
        .where('plan_id', '=', planId)
        .as('touched'),
      eb
        .selectFrom('membership')
        .select((a) => a.fn.countAll().as('n'))
        .where('school_id', '=', schoolId)
        .as('members'),
      eb
        .selectFrom('membership')
        .select((a) => a.fn.max('created_at').as('m'))
        .where('school_id', '=', schoolId)
        .as('joined'),
    ])
    .executeTakeFirstOrThrow()
  return [row.seq, row.touched, row.members, row.joined].map((v) => String(v ?? '')).join('|')
}
