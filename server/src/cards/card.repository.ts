import {
  isPostgres,
  queryTemplate,
  type CardRow,
  type CardTable,
  type Db,
  type Executor,
  type NewCard,
  type Param,
} from '@caitien/db'
import {
  POSITION_GAP,
  cardTitleOfRow,
  firstLine,
  parseBudget,
  parseTimeframe,
  readActivityDetail,
  type CardFields,
  type CardStatus,
  type FieldChange,
  type FigureState,
  type PlanField,
  type SchoolCalendar,
  type SnapshotCard,
} from '@caitien/shared'
import { sql, type Expression } from 'kysely'

/**
 * The card aggregate's SQL: cards, their assignees and comments, their places in the
 * columns, and the board's reads (docs/decisions/020). Rows leave as domain values.
 */

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
  const { assigneeIds } = readActivityDetail('submit', entry.detail)
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

/**
 * Each plan field of a card (shared's cardFieldsSchema, DESIGN §2) and the column that
 * holds it: the one mapping between the two namings; every other is derived from it.
 */
export const PLAN_FIELD_COLUMNS = {
  standard: 'standard',
  standardName: 'standard_name',
  criterion: 'criterion',
  criterionLabel: 'criterion_label',
  section: 'section',
  weakness: 'weakness',
  target: 'target',
  tasks: 'tasks',
  measures: 'measures',
  lead: 'lead',
  coordinators: 'coordinators',
  timeframe: 'timeframe',
  budget: 'budget',
  fundingSource: 'funding_source',
  support: 'support',
  expectedEvidence: 'expected_evidence',
  notes: 'notes',
  improvementContent: 'improvement_content',
  indicators: 'indicators',
  completionLevel: 'completion_level',
} as const satisfies Record<PlanField, keyof CardTable>
type PlanColumn = (typeof PLAN_FIELD_COLUMNS)[PlanField]

/** The plan fields, in the plan's order. */
export const PLAN_FIELDS = Object.keys(PLAN_FIELD_COLUMNS) as PlanField[]

/** A card's plan fields, by their names in the card schema. */
export type PlanFields = Record<PlanField, string | null>

/** The plan fields of a card row. */
export function planFieldsOf(row: Pick<CardRow, PlanColumn>): PlanFields {
  return Object.fromEntries(
    PLAN_FIELDS.map((field) => [field, row[PLAN_FIELD_COLUMNS[field]]]),
  ) as PlanFields
}

/** The plan fields that differ between two sets of card columns (those of `after` only). */
export function changedPlanFields(
  before: Partial<Record<PlanColumn, string | null>>,
  after: Partial<Record<PlanColumn, string | null>>,
): PlanField[] {
  return PLAN_FIELDS.filter((field) => {
    const column = PLAN_FIELD_COLUMNS[field]
    return column in after && (before[column] ?? null) !== after[column]
  })
}

/**
 * Each plan field that differs between a card's columns and an edit's (those of `after`
 * only), with its text before and after: what an 'edited' entry logs field by field.
 */
export function planFieldChanges(
  before: Partial<Record<PlanColumn, string | null>>,
  after: Partial<Record<PlanColumn, string | null>>,
): FieldChange[] {
  return changedPlanFields(before, after).map((field) => {
    const column = PLAN_FIELD_COLUMNS[field]
    return { field, before: before[column] ?? null, after: after[column] ?? null }
  })
}

/** The columns parsed from a plan field's text, kept beside it. */
export type ParsedColumns = Pick<CardTable, 'start_month' | 'due_month' | 'budget_amount'>

/**
 * Plan fields in, card columns out: the raw text kept ('' as null), the parsed values
 * beside it, a timeframe's semesters read with the school's calendar for the year
 * (schools/calendar-for.ts). Fields left out are left out of the result (an edit changes
 * only those).
 */
export function cardColumns(
  fields: CardFields,
  schoolYear: string,
  calendar: SchoolCalendar | null,
) {
  const present: Partial<Record<PlanColumn, string | null>> = {}
  for (const field of PLAN_FIELDS) {
    const value = fields[field]
    if (value !== undefined) present[PLAN_FIELD_COLUMNS[field]] = value === '' ? null : value
  }
  const parsed: Partial<ParsedColumns> = {}
  if (present.timeframe !== undefined) {
    const t = parseTimeframe(present.timeframe, schoolYear, calendar)
    parsed.start_month = t.startMonth
    parsed.due_month = t.dueMonth
  }
  if (present.budget !== undefined) parsed.budget_amount = parseBudget(present.budget)
  return { ...present, ...parsed }
}
export type CardColumns = ReturnType<typeof cardColumns>

/** The card columns of a whole set of plan fields (a row of an imported plan). */
export function planColumns(fields: PlanFields, parsed: ParsedColumns) {
  const columns = Object.fromEntries(
    PLAN_FIELDS.map((field) => [PLAN_FIELD_COLUMNS[field], fields[field]]),
  ) as Record<PlanColumn, string | null>
  return { ...columns, ...parsed }
}

/** What a board tile shows; the full card comes with GET /api/cards/:id. */
export function toBoardCard(
  row: CardRow,
  extra: {
    assigneeIds: string[]
    involvedIds: string[]
    evidenceCount: number
    commentCount: number
    /** The send-back behind a card in progress, while it is the card's latest verdict. */
    sentBack?: SentBackMark | null
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
    title: cardTitleOfRow(row),
    /** Biểu 2: what the card improves, shown where a card that names no criterion has none. */
    topic: firstLine(row.improvement_content) || null,
    target: row.target,
    lead: row.lead,
    startMonth: row.start_month,
    dueMonth: row.due_month,
    assigneeIds: extra.assigneeIds,
    involvedIds: extra.involvedIds,
    evidenceCount: extra.evidenceCount,
    commentCount: extra.commentCount,
    sentBack: row.status === 'in_progress' ? (extra.sentBack ?? null) : null,
  }
}
export type BoardCard = ReturnType<typeof toBoardCard>

/** Why a card was sent back, as its board tile shows it. */
export interface SentBackMark {
  reason: string | null
  at: string
  reviewer: string
}

/** A card's send-back marker (null unless it is in progress and its latest verdict sent it back). */
export async function findSentBackMark(db: Executor, cardId: string) {
  return marksOf(await sentBackOfCard.all(db, { cardId })).get(cardId) ?? null
}

/** The verdicts of cards in progress, oldest first, with their reviewer's name. */
const selectVerdicts = (db: Db) =>
  db
    .selectFrom('review')
    .innerJoin('card', 'card.id', 'review.card_id')
    .innerJoin('app_user', 'app_user.id', 'review.reviewer_id')
    .select([
      'review.card_id',
      'review.at',
      'review.verdict',
      'review.reason',
      'app_user.display_name',
    ])
    .where('card.status', '=', 'in_progress')
    .where('card.deleted_at', 'is', null)
    .orderBy('review.at')
const sentBackOfCard = queryTemplate((db, p: Param<{ cardId: string }>) =>
  selectVerdicts(db).where('card.id', '=', p('cardId')),
)
const sentBackOfPlan = queryTemplate((db, p: Param<{ planId: string }>) =>
  selectVerdicts(db).where('card.plan_id', '=', p('planId')),
)

/**
 * The latest verdict of each card in progress in a plan when it is a send-back: the
 * board's marker. One query per plan, never per card.
 */
async function listSentBackMarks(db: Executor, planId: string): Promise<Map<string, SentBackMark>> {
  return marksOf(await sentBackOfPlan.all(db, { planId }))
}

function marksOf(
  rows: {
    card_id: string
    at: string
    verdict: string
    reason: string | null
    display_name: string
  }[],
): Map<string, SentBackMark> {
  const latest = new Map<string, (typeof rows)[number]>()
  for (const r of rows) latest.set(r.card_id, r)
  const marks = new Map<string, SentBackMark>()
  for (const [cardId, r] of latest) {
    if (r.verdict === 'sent_back') {
      marks.set(cardId, { reason: r.reason, at: r.at, reviewer: r.display_name })
    }
  }
  return marks
}

/** Every plan field of DESIGN §2, raw text and parsed values side by side. */
export function toCardDetail(row: CardRow, assigneeIds: string[]) {
  return {
    id: row.id,
    planId: row.plan_id,
    status: row.status,
    position: row.position,
    version: row.version,
    ...planFieldsOf(row),
    startMonth: row.start_month,
    dueMonth: row.due_month,
    budgetAmount: row.budget_amount,
    planProblemId: row.plan_problem_id,
    assigneeIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** How many live cards a plan has. */
export async function countLiveCards(db: Executor, planId: string): Promise<number> {
  const row = await db
    .selectFrom('card')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A deleted card's row (undefined when it is live or unknown), for its restore. */
export async function findDeletedCard(db: Executor, cardId: string): Promise<CardRow | undefined> {
  return db
    .selectFrom('card')
    .selectAll()
    .where('id', '=', cardId)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst()
}

/**
 * A plan's deleted cards, the latest deletion first, each with who deleted it (the actor
 * of its latest 'deleted' entry; the log is read in one query for all of them).
 */
export async function listDeletedCards(db: Executor, planId: string) {
  const [rows, entries] = await Promise.all([
    db
      .selectFrom('card')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is not', null)
      .orderBy('deleted_at', 'desc')
      .execute(),
    db
      .selectFrom('activity')
      .leftJoin('app_user', 'app_user.id', 'activity.actor_id')
      .select(['activity.card_id', 'app_user.display_name'])
      .where('activity.plan_id', '=', planId)
      .where('activity.action', '=', 'deleted')
      .orderBy('activity.seq')
      .execute(),
  ])
  const deletedBy = new Map(entries.map((e) => [e.card_id, e.display_name]))
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    status: row.status,
    standard: row.standard,
    criterion: row.criterion,
    title: cardTitleOfRow(row),
    deletedAt: row.deleted_at!,
    deletedBy: deletedBy.get(row.id) ?? null,
  }))
}

/** The live cards of a plan in board order, with their assignees: the board and a carry-over read them. */
export async function listPlanCardsWithAssignees(db: Executor, planId: string) {
  const [rows, assignees] = await Promise.all([
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
  ])
  const byCard = new Map<string, string[]>()
  for (const a of assignees) byCard.set(a.card_id, [...(byCard.get(a.card_id) ?? []), a.user_id])
  return rows.map((row) => ({ row, assigneeIds: byCard.get(row.id) ?? [] }))
}

/**
 * Where a carried-over card came from: the earlier card and its plan (null when it was not
 * carried over, or the earlier plan is purged). `planDeleted`: the link leads nowhere now.
 */
export async function findCarriedFrom(db: Executor, cardId: string) {
  const row = await db
    .selectFrom('card as c')
    .innerJoin('card as o', 'o.id', 'c.carried_from_card_id')
    .innerJoin('plan', 'plan.id', 'o.plan_id')
    .select([
      'o.id as card_id',
      'o.status',
      'plan.id as plan_id',
      'plan.title',
      'plan.school_year',
      'plan.deleted_at',
    ])
    .where('c.id', '=', cardId)
    .executeTakeFirst()
  if (!row) return null
  return {
    cardId: row.card_id,
    status: row.status,
    plan: { id: row.plan_id, title: row.title, schoolYear: row.school_year },
    planDeleted: row.deleted_at !== null,
  }
}

const cardLock = queryTemplate((db, p: Param<{ cardId: string }>) =>
  db.selectFrom('card').select('id').where('id', '=', p('cardId')).forUpdate(),
)

/**
 * Takes the card's row lock until the transaction ends, before it is read: every change to
 * a card (its own row, its evidence, its comments) starts here, so two of them on one card
 * run one after the other, and what the second reads is what the first committed. On
 * PostgreSQL only: SQLite runs one writing transaction at a time anyway.
 */
export async function lockCard(db: Executor, cardId: string): Promise<void> {
  if (isPostgres(db)) await cardLock.first(db, { cardId })
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

/**
 * The live evidence of a card: its own items and items linked to it from another card.
 * Written as one `IN (… UNION ALL …)` rather than `card_id = ? OR id IN (…)`: PostgreSQL
 * cannot use an index for that OR and scanned every evidence row of every school (16 ms a
 * card on a province's database, where this is 0.2 ms).
 */
export function selectCardEvidence(db: Executor, cardId: string | Expression<string>) {
  return db
    .selectFrom('evidence')
    .where('evidence.deleted_at', 'is', null)
    .where('evidence.id', 'in', (eb) =>
      eb
        .selectFrom('evidence as own')
        .select('own.id as evidence_id')
        .where('own.card_id', '=', cardId)
        .unionAll(
          eb
            .selectFrom('evidence_link')
            .select('evidence_link.evidence_id')
            .where('evidence_link.card_id', '=', cardId),
        ),
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
      eb
        .selectFrom('review')
        .select('review.verdict')
        .where('review.card_id', '=', p('cardId'))
        .orderBy('review.at', 'desc')
        .limit(1)
        .as('last_verdict'),
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
): Promise<
  | { row: CardRow; card: BoardCard; involvement: Involvement; lastVerdict: string | null }
  | undefined
> {
  const rows = await boardCard.all(db, { cardId })
  const first = rows[0]
  if (!first) return undefined
  // Nobody took part in a card without live evidence that is not waiting for review (its
  // submission counts only then, and only 'submit' leads there): no query needed.
  const { evidence_count, comment_count, last_verdict, ...row } = first
  const evidenceCount = Number(evidence_count ?? 0)
  const parts =
    evidenceCount === 0 && row.status !== 'evidence_submitted'
      ? []
      : await cardInvolvement.all(db, { cardId })
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
  // Only a card in progress whose latest verdict sent it back carries a marker: no
  // query for the others (the move path reads every card through here).
  const marks =
    row.status === 'in_progress' && last_verdict === 'sent_back'
      ? marksOf(await sentBackOfCard.all(db, { cardId }))
      : new Map<string, SentBackMark>()
  const card = toBoardCard(row, {
    assigneeIds: rows.flatMap((r) => (r.assignee_id === null ? [] : [r.assignee_id])),
    involvedIds: involvedIdsOf(row.status, involvement),
    evidenceCount,
    commentCount: Number(comment_count ?? 0),
    sentBack: marks.get(cardId) ?? null,
  })
  return { row, card, involvement, lastVerdict: last_verdict ?? null }
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
 * The whole board in five queries whatever the card count: cards, assignees, comment
 * counts, what makes the evidence counts and the people who took part
 * (listCardInvolvement), and the send-back markers (listSentBackMarks). Each is read per plan, never per card.
 */
export async function listBoardCards(db: Executor, planId: string): Promise<BoardCard[]> {
  const [cards, involvement, comments, sentBack] = await Promise.all([
    listPlanCardsWithAssignees(db, planId),
    listCardInvolvement(db, { planId }),
    db
      .selectFrom('comment')
      .innerJoin('card', 'card.id', 'comment.card_id')
      .select(['comment.card_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('card.plan_id', '=', planId)
      .groupBy('comment.card_id')
      .execute(),
    listSentBackMarks(db, planId),
  ])
  const commentsByCard = new Map(comments.map((e) => [e.card_id, Number(e.n)]))
  return cards.map(({ row, assigneeIds }) => {
    const inv = involvement.get(row.id) ?? NO_INVOLVEMENT
    return toBoardCard(row, {
      assigneeIds,
      involvedIds: involvedIdsOf(row.status, inv),
      evidenceCount: inv.evidenceCount,
      commentCount: commentsByCard.get(row.id) ?? 0,
      sentBack: sentBack.get(row.id) ?? null,
    })
  })
}

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
      .set({ position: (i + 1) * POSITION_GAP })
      .where('id', '=', row.id)
      .execute()
  }
}

/** The fields monthly figures depend on (FigureState), of a card's columns. */
export function figureState(row: {
  standard: string | null
  criterion: string | null
  due_month: string | null
  budget_amount: number | null
}): FigureState {
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
 * one, a reorder included, whatever the clock says), its school's memberships and account log. Equal stamps mean an equal board, so an unchanged board is
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
      // People deactivated, reactivated or given other roles (the account log only grows).
      eb
        .selectFrom('account_event')
        .select((a) => a.fn.countAll().as('n'))
        .where('school_id', '=', schoolId)
        .as('accounts'),
    ])
    .executeTakeFirstOrThrow()
  return [row.seq, row.touched, row.members, row.joined, row.accounts]
    .map((v) => String(v ?? ''))
    .join('|')
}

export async function insertCard(db: Executor, card: NewCard): Promise<void> {
  await db.insertInto('card').values(card).execute()
}

/**
 * Writes a card's columns and bumps its version, in one statement guarded by the version
 * the writer saw (null: whatever it is now). False when the guard failed: someone else
 * wrote first, or the card is gone.
 */
export async function updateCardColumns(
  db: Executor,
  input: { cardId: string; version: number | null; columns: Partial<CardTable>; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('card')
    .set((eb) => ({ ...input.columns, version: eb('version', '+', 1), updated_at: input.now }))
    .where('id', '=', input.cardId)
    .$if(input.version !== null, (q) => q.where('version', '=', input.version!))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** A move's write, guarded by the version the mover saw: a template (a move is hot). */
const cardPlacement = queryTemplate(
  (
    db,
    p: Param<{
      cardId: string
      version: number
      status: CardStatus
      position: number
      now: string
    }>,
  ) =>
    db
      .updateTable('card')
      .set((eb) => ({
        status: p('status'),
        position: p('position'),
        version: eb('version', '+', 1),
        updated_at: p('now'),
      }))
      .where('id', '=', p('cardId'))
      .where('version', '=', p('version'))
      .where('deleted_at', 'is', null),
)

/** Puts a card in a column at a position and bumps its version; false when the guard failed. */
export async function updateCardPlacement(
  db: Executor,
  input: { cardId: string; version: number; status: CardStatus; position: number; now: string },
): Promise<boolean> {
  return (await cardPlacement.run(db, input)) === 1
}

/** Adds assignees to a card (each once). */
export async function insertAssignees(
  db: Executor,
  cardId: string,
  userIds: readonly string[],
  now: string,
): Promise<void> {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return
  await db
    .insertInto('card_assignee')
    .values(unique.map((user_id) => ({ card_id: cardId, user_id, created_at: now })))
    .execute()
}

/** Replaces a card's assignees. */
export async function updateAssignees(
  db: Executor,
  cardId: string,
  userIds: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('card_assignee').where('card_id', '=', cardId).execute()
  await insertAssignees(db, cardId, userIds, now)
}

export async function insertComment(
  db: Executor,
  comment: {
    id: string
    cardId: string
    schoolId: string
    authorId: string
    body: string
    now: string
  },
): Promise<void> {
  await db
    .insertInto('comment')
    .values({
      id: comment.id,
      card_id: comment.cardId,
      school_id: comment.schoolId,
      author_id: comment.authorId,
      body: comment.body,
      created_at: comment.now,
    })
    .execute()
}

export async function listComments(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('comment')
    .innerJoin('app_user', 'app_user.id', 'comment.author_id')
    .select([
      'comment.id',
      'comment.body',
      'comment.created_at',
      'comment.author_id',
      'app_user.display_name',
    ])
    .where('comment.card_id', '=', cardId)
    .orderBy('comment.created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.created_at,
    author: { id: r.author_id, displayName: r.display_name },
  }))
}

/** The live cards of a plan that came from an import, by the plan row they came from. */
export async function listImportedCards(db: Executor, planId: string) {
  return db
    .selectFrom('card')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .where('source_key', 'is not', null)
    .execute()
}

/** The ids of a user's live cards (those they are assigned to now). */
export async function listAssignedCardIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('card_assignee')
    .innerJoin('card', 'card.id', 'card_assignee.card_id')
    .select(['card.id'])
    .where('card_assignee.user_id', '=', userId)
    .where('card.deleted_at', 'is', null)
    .execute()
  return rows.map((r) => r.id)
}

/** The live cards of a plan as monthly figures see them (shared/src/snapshot.ts). */
export async function listSnapshotCards(db: Executor, planId: string): Promise<SnapshotCard[]> {
  const [cards, assignees] = await Promise.all([
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
  ])
  const byCard = new Map<string, string[]>()
  for (const a of assignees) byCard.set(a.card_id, [...(byCard.get(a.card_id) ?? []), a.user_id])
  return cards.map((c) => ({
    id: c.id,
    status: c.status,
    assigneeIds: byCard.get(c.id) ?? [],
    dueMonth: c.due_month,
    standard: c.standard,
    criterion: c.criterion,
    budgetAmount: c.budget_amount === null ? null : Number(c.budget_amount),
  }))
}

/** What a report prints of some cards (deleted ones too: a past month may count them). */
export async function listCardTitles(db: Executor, cardIds: readonly string[]) {
  if (cardIds.length === 0) return []
  return db
    .selectFrom('card')
    .select([
      'id',
      'tasks',
      'target',
      'criterion',
      'criterion_label',
      'improvement_content',
      'lead',
    ])
    .where('id', 'in', [...cardIds])
    .execute()
}

/**
 * The name a plan's own rows give each standard. Deleted cards too: a past month's
 * figures may count them. min(): one name per standard, the same on every call, however
 * the plan's rows word it.
 */
export async function listStandardNames(db: Executor, planId: string) {
  return db
    .selectFrom('card')
    .select((eb) => ['standard', eb.fn.min('standard_name').as('name')])
    .where('plan_id', '=', planId)
    .where('standard', 'is not', null)
    .where('standard_name', 'is not', null)
    .groupBy('standard')
    .execute()
}

/**
 * The live cards of a plan for its export, with their assignees' names (alphabetical) and
 * their own evidence counts.
 */
export async function listExportCards(db: Executor, planId: string) {
  const [cards, assignees, evidence] = await Promise.all([
    db
      .selectFrom('card')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('card_assignee')
      .innerJoin('card', 'card.id', 'card_assignee.card_id')
      .innerJoin('app_user', 'app_user.id', 'card_assignee.user_id')
      .select(['card_assignee.card_id', 'app_user.display_name'])
      .where('card.plan_id', '=', planId)
      .orderBy('app_user.display_name')
      .execute(),
    db
      .selectFrom('evidence')
      .select(['card_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .groupBy('card_id')
      .execute(),
  ])
  const names = new Map<string, string[]>()
  for (const a of assignees) names.set(a.card_id, [...(names.get(a.card_id) ?? []), a.display_name])
  const counts = new Map(evidence.map((e) => [e.card_id, Number(e.n)]))
  return cards.map((row) => ({
    row,
    assignees: names.get(row.id) ?? [],
    evidenceCount: counts.get(row.id) ?? 0,
  }))
}

/**
 * A person's unfinished cards in a school (assigned, not verified, not deleted), with their
 * plan: what must be reassigned when they leave.
 */
export async function listOpenCardsOfAssignee(db: Executor, schoolId: string, userId: string) {
  const rows = await db
    .selectFrom('card_assignee')
    .innerJoin('card', 'card.id', 'card_assignee.card_id')
    .innerJoin('plan', 'plan.id', 'card.plan_id')
    .select([
      'card.id',
      'card.plan_id',
      'plan.title as plan_title',
      'card.criterion',
      'card.status',
      'card.tasks',
      'card.target',
      'card.criterion_label',
    ])
    .where('card_assignee.user_id', '=', userId)
    .where('card.school_id', '=', schoolId)
    .where('card.deleted_at', 'is', null)
    .where('card.status', '<>', 'verified')
    .orderBy('plan.title')
    // Rows without a criterion first, as SQLite sorts NULL; PostgreSQL puts them last unless told.
    .orderBy('card.criterion', (ob) => ob.asc().nullsFirst())
    .execute()
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    criterion: r.criterion,
    status: r.status,
    title: firstLine(r.tasks) || firstLine(r.target) || firstLine(r.criterion_label),
  }))
}
