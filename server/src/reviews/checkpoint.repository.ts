import type { Executor } from '@caitien/db'
import type {
  CardStatus,
  Checkpoint,
  CheckpointEvent,
  CheckpointEventAction,
  CheckpointEventDetails,
  CheckpointSource,
  CheckpointTextField,
  CompletionLevel,
  CouncilKind,
  CouncilMember,
} from '@caitien/shared'

/**
 * The SQL of checkpoint reviews (checkpoint_review, checkpoint_review_row, checkpoint_event)
 * and of a plan's council (plan_council, plan_council_member): docs/decisions/020.
 */

type Person = { id: string; name: string }
const person = (id: string | null, name: string | null): Person | null =>
  id ? { id, name: name ?? '' } : null

// ---------------------------------------------------------------------------------------
// The council

/** The plan's stored body: null when the principal never named one (the default applies). */
export async function findCouncil(
  db: Executor,
  planId: string,
): Promise<{ kind: CouncilKind; members: (CouncilMember & { name: string })[] } | null> {
  const [row, members] = await Promise.all([
    db.selectFrom('plan_council').select('kind').where('plan_id', '=', planId).executeTakeFirst(),
    listCouncilMembers(db, planId),
  ])
  if (!row && members.length === 0) return null
  return { kind: row?.kind ?? 'monitoring_team', members }
}

async function listCouncilMembers(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('plan_council_member')
    .innerJoin('app_user', 'app_user.id', 'plan_council_member.user_id')
    .select(['plan_council_member.user_id', 'plan_council_member.title', 'app_user.display_name'])
    .where('plan_council_member.plan_id', '=', planId)
    .orderBy('plan_council_member.position')
    .execute()
  return rows.map((r) => ({ userId: r.user_id, title: r.title, name: r.display_name }))
}

/** Replaces the plan's body: its kind and every member, in order. */
export async function replaceCouncil(
  db: Executor,
  input: { planId: string; kind: CouncilKind; members: CouncilMember[]; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('plan_council')
    .values({ plan_id: input.planId, kind: input.kind, updated_at: input.at, updated_by: input.by })
    .onConflict((oc) =>
      oc.column('plan_id').doUpdateSet({
        kind: input.kind,
        updated_at: input.at,
        updated_by: input.by,
      }),
    )
    .execute()
  await db.deleteFrom('plan_council_member').where('plan_id', '=', input.planId).execute()
  if (input.members.length === 0) return
  await db
    .insertInto('plan_council_member')
    .values(
      input.members.map((m, i) => ({
        plan_id: input.planId,
        user_id: m.userId,
        title: m.title,
        position: i,
      })),
    )
    .execute()
}

/** Which of these people are active members of the school (council members must be). */
export async function listActiveMemberIds(
  db: Executor,
  schoolId: string,
  userIds: string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('membership.user_id')
    .distinct()
    .where('membership.school_id', '=', schoolId)
    .where('membership.user_id', 'in', userIds)
    .where('app_user.deactivated_at', 'is', null)
    .execute()
  return new Set(rows.map((r) => r.user_id))
}

// ---------------------------------------------------------------------------------------
// Reviews

const reviewColumns = [
  'checkpoint_review.id',
  'checkpoint_review.plan_id',
  'checkpoint_review.checkpoint',
  'checkpoint_review.month',
  'checkpoint_review.source',
  'checkpoint_review.opened_at',
  'checkpoint_review.opened_by',
  'checkpoint_review.monitored',
  'checkpoint_review.result',
  'checkpoint_review.adjustment',
  'checkpoint_review.assessor',
  'checkpoint_review.signed_at',
  'checkpoint_review.signed_by',
  'opener.display_name as opened_by_name',
  'signer.display_name as signed_by_name',
] as const

/** A review's own row, with who opened and who signed it. */
export type ReviewRecord = {
  id: string
  planId: string
  checkpoint: Checkpoint
  month: string
  source: CheckpointSource
  openedAt: string
  openedBy: Person | null
  monitored: string
  result: string
  adjustment: string
  assessor: string
  signedAt: string | null
  signedBy: Person | null
}

function reviewsOf(db: Executor) {
  return db
    .selectFrom('checkpoint_review')
    .leftJoin('app_user as opener', 'opener.id', 'checkpoint_review.opened_by')
    .leftJoin('app_user as signer', 'signer.id', 'checkpoint_review.signed_by')
    .select(reviewColumns)
}

function toReview(r: Awaited<ReturnType<ReturnType<typeof reviewsOf>['executeTakeFirstOrThrow']>>) {
  return {
    id: r.id,
    planId: r.plan_id,
    checkpoint: r.checkpoint,
    month: r.month,
    source: r.source,
    openedAt: r.opened_at,
    openedBy: person(r.opened_by, r.opened_by_name),
    monitored: r.monitored,
    result: r.result,
    adjustment: r.adjustment,
    assessor: r.assessor,
    signedAt: r.signed_at,
    signedBy: person(r.signed_by, r.signed_by_name),
  } satisfies ReviewRecord
}

export async function findReview(
  db: Executor,
  planId: string,
  checkpoint: Checkpoint,
): Promise<ReviewRecord | undefined> {
  const row = await reviewsOf(db)
    .where('checkpoint_review.plan_id', '=', planId)
    .where('checkpoint_review.checkpoint', '=', checkpoint)
    .executeTakeFirst()
  return row && toReview(row)
}

/** Every review of these plans (a school's years). */
export async function listReviewsOfPlans(db: Executor, planIds: string[]): Promise<ReviewRecord[]> {
  if (planIds.length === 0) return []
  const rows = await reviewsOf(db).where('checkpoint_review.plan_id', 'in', planIds).execute()
  return rows.map(toReview)
}

export interface NewReviewRow {
  cardId: string
  position: number
  standard: string | null
  criterion: string | null
  title: string
  statusAt: CardStatus
  dueMonth: string | null
  derivedLevel: CompletionLevel
}

export async function insertReview(
  db: Executor,
  input: {
    id: string
    planId: string
    schoolId: string
    checkpoint: Checkpoint
    month: string
    source: CheckpointSource
    by: string
    at: string
    texts: Record<CheckpointTextField, string>
    rows: NewReviewRow[]
  },
): Promise<void> {
  await db
    .insertInto('checkpoint_review')
    .values({
      id: input.id,
      plan_id: input.planId,
      school_id: input.schoolId,
      checkpoint: input.checkpoint,
      month: input.month,
      source: input.source,
      opened_at: input.at,
      opened_by: input.by,
      ...input.texts,
      signed_at: null,
      signed_by: null,
      updated_at: input.at,
    })
    .execute()
  // SQLite allows 32766 variables; 13 per row keeps a chunk well under.
  for (let i = 0; i < input.rows.length; i += 500) {
    await db
      .insertInto('checkpoint_review_row')
      .values(
        input.rows.slice(i, i + 500).map((r) => ({
          review_id: input.id,
          card_id: r.cardId,
          position: r.position,
          standard: r.standard,
          criterion: r.criterion,
          title: r.title,
          status_at: r.statusAt,
          due_month: r.dueMonth,
          derived_level: r.derivedLevel,
          level: r.derivedLevel,
          reason: null,
          changed_by: null,
          changed_at: null,
        })),
      )
      .execute()
  }
}

export async function listReviewRows(db: Executor, reviewIds: string[]) {
  if (reviewIds.length === 0) return []
  const rows = await db
    .selectFrom('checkpoint_review_row')
    .leftJoin('app_user', 'app_user.id', 'checkpoint_review_row.changed_by')
    .selectAll('checkpoint_review_row')
    .select('app_user.display_name as changed_by_name')
    .where('checkpoint_review_row.review_id', 'in', reviewIds)
    .orderBy('checkpoint_review_row.review_id')
    .orderBy('checkpoint_review_row.position')
    .execute()
  return rows.map((r) => ({
    reviewId: r.review_id,
    cardId: r.card_id,
    position: r.position,
    standard: r.standard,
    criterion: r.criterion,
    title: r.title,
    statusAt: r.status_at,
    dueMonth: r.due_month,
    derivedLevel: r.derived_level,
    level: r.level,
    reason: r.reason,
    changedBy: person(r.changed_by, r.changed_by_name),
    changedAt: r.changed_at,
  }))
}

export async function findReviewRow(db: Executor, reviewId: string, cardId: string) {
  return db
    .selectFrom('checkpoint_review_row')
    .select(['level', 'derived_level'])
    .where('review_id', '=', reviewId)
    .where('card_id', '=', cardId)
    .executeTakeFirst()
}

export async function updateReviewRowLevel(
  db: Executor,
  input: {
    reviewId: string
    cardId: string
    level: CompletionLevel
    reason: string
    by: string
    at: string
  },
): Promise<void> {
  await db
    .updateTable('checkpoint_review_row')
    .set({ level: input.level, reason: input.reason, changed_by: input.by, changed_at: input.at })
    .where('review_id', '=', input.reviewId)
    .where('card_id', '=', input.cardId)
    .execute()
}

export async function updateReviewTexts(
  db: Executor,
  reviewId: string,
  texts: Partial<Record<CheckpointTextField, string>>,
  at: string,
): Promise<void> {
  await db
    .updateTable('checkpoint_review')
    .set({ ...texts, updated_at: at })
    .where('id', '=', reviewId)
    .execute()
}

/**
 * Signs (by, at) or unsigns (null) a review. The guard on the current state makes two signers
 * at once a no-op for the second: the number of rows changed says who won.
 */
export async function updateReviewSignature(
  db: Executor,
  reviewId: string,
  signature: { by: string; at: string } | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('checkpoint_review')
    .set({
      signed_at: signature?.at ?? null,
      signed_by: signature?.by ?? null,
      updated_at: at,
    })
    .where('id', '=', reviewId)
    .where('signed_at', signature ? 'is' : 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// ---------------------------------------------------------------------------------------
// The review log

export type CheckpointEventInput = {
  [A in CheckpointEventAction]: {
    action: A
    detail: CheckpointEventDetails[A]
    reason?: string | null
  }
}[CheckpointEventAction] & { reviewId: string; planId: string; actorId: string; at: string }

export async function insertCheckpointEvent(
  db: Executor,
  entry: CheckpointEventInput,
): Promise<void> {
  const last = await db
    .selectFrom('checkpoint_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('review_id', '=', entry.reviewId)
    .executeTakeFirst()
  await db
    .insertInto('checkpoint_event')
    .values({
      id: crypto.randomUUID(),
      review_id: entry.reviewId,
      plan_id: entry.planId,
      actor_id: entry.actorId,
      action: entry.action,
      reason: entry.reason ?? null,
      detail: entry.detail === null ? null : JSON.stringify(entry.detail),
      at: entry.at,
      seq: Number(last?.seq ?? 0) + 1,
    })
    .execute()
}

/** A review's log, oldest first, each entry's detail read as its action's type. */
export async function listCheckpointEvents(
  db: Executor,
  reviewId: string,
): Promise<CheckpointEvent[]> {
  const rows = await db
    .selectFrom('checkpoint_event')
    .leftJoin('app_user', 'app_user.id', 'checkpoint_event.actor_id')
    .select([
      'checkpoint_event.id',
      'checkpoint_event.action',
      'checkpoint_event.reason',
      'checkpoint_event.detail',
      'checkpoint_event.at',
      'checkpoint_event.actor_id',
      'app_user.display_name',
    ])
    .where('checkpoint_event.review_id', '=', reviewId)
    .orderBy('checkpoint_event.seq')
    .execute()
  return rows.map(
    (r) =>
      ({
        id: r.id,
        action: r.action,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
        reason: r.reason,
        actor: person(r.actor_id, r.display_name),
        at: r.at,
      }) as CheckpointEvent,
  )
}

// ---------------------------------------------------------------------------------------
// What a review reads of the plan's cards

/** The cards' texts and order keys a review's rows show, deleted ones included (a past board). */
export async function listReviewCards(db: Executor, planId: string) {
  return db
    .selectFrom('card')
    .select([
      'id',
      'standard',
      'criterion',
      'improvement_content',
      'tasks',
      'target',
      'criterion_label',
      'source_key',
      'created_at',
      'deleted_at',
    ])
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** A school's live plans, newest school year first (the three years' page). */
export async function listSchoolPlans(db: Executor, schoolId: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'title', 'school_year', 'framework_id', 'state', 'school_id'])
    .where('school_id', '=', schoolId)
    .where('deleted_at', 'is', null)
    .orderBy('school_year', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

/** A review of a live plan by its id, with its school and signature (a body's answer). */
export async function findCheckpointReviewById(db: Executor, reviewId: string) {
  return db
    .selectFrom('checkpoint_review')
    .innerJoin('plan', 'plan.id', 'checkpoint_review.plan_id')
    .select([
      'checkpoint_review.id',
      'checkpoint_review.plan_id',
      'checkpoint_review.school_id',
      'checkpoint_review.checkpoint',
      'checkpoint_review.signed_at',
    ])
    .where('checkpoint_review.id', '=', reviewId)
    .where('plan.deleted_at', 'is', null)
    .executeTakeFirst()
}
