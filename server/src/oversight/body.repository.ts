import type { Executor } from '@caitien/db'
import type { BodyKind, EvidenceViewKind, ReviewVerdict } from '@caitien/shared'

/**
 * The overseeing bodies' SQL (docs/decisions/029): bodies, the schools they oversee, their
 * people, the log of their views of schools' evidence, and their answers to reviews.
 */

export async function insertBody(
  db: Executor,
  input: { id?: string; kind: BodyKind; name: string; now: string },
): Promise<string> {
  const id = input.id ?? crypto.randomUUID()
  await db
    .insertInto('overseeing_body')
    .values({ id, kind: input.kind, name: input.name, created_at: input.now })
    .execute()
  return id
}

/** Many bodies at once (the district demo). */
export async function insertBodies(
  db: Executor,
  bodies: readonly { id: string; kind: BodyKind; name: string }[],
  now: string,
): Promise<void> {
  if (bodies.length === 0) return
  await db
    .insertInto('overseeing_body')
    .values(bodies.map((b) => ({ ...b, created_at: now })))
    .execute()
}

export async function findBody(db: Executor, bodyId: string) {
  return db
    .selectFrom('overseeing_body')
    .select(['id', 'kind', 'name'])
    .where('id', '=', bodyId)
    .executeTakeFirst()
}

/** Every body with how many schools it oversees and how many people it has, by name. */
export async function listBodies(db: Executor) {
  return db
    .selectFrom('overseeing_body')
    .select((eb) => [
      'overseeing_body.id',
      'overseeing_body.kind',
      'overseeing_body.name',
      eb
        .selectFrom('oversight')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('oversight.body_id', '=', 'overseeing_body.id')
        .as('school_count'),
      eb
        .selectFrom('body_member')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('body_member.body_id', '=', 'overseeing_body.id')
        .as('member_count'),
    ])
    .orderBy('overseeing_body.name')
    .execute()
}

/** Every link of a body to a school, for the administrator's list of bodies. */
export async function listOversightLinks(db: Executor) {
  return db.selectFrom('oversight').select(['body_id', 'school_id']).execute()
}

/** The bodies a person belongs to, with whether they lead it. */
export async function listBodiesOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('body_member')
    .innerJoin('overseeing_body', 'overseeing_body.id', 'body_member.body_id')
    .select([
      'overseeing_body.id',
      'overseeing_body.kind',
      'overseeing_body.name',
      'body_member.is_lead',
    ])
    .where('body_member.user_id', '=', userId)
    .orderBy('overseeing_body.name')
    .execute()
}

/** A person's membership of one body; undefined when they are not in it. */
export async function findBodyMember(db: Executor, bodyId: string, userId: string) {
  return db
    .selectFrom('body_member')
    .select(['is_lead'])
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

export async function insertBodyMembers(
  db: Executor,
  rows: readonly { bodyId: string; userId: string; isLead: boolean }[],
  now: string,
): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('body_member')
    .values(
      rows.map((r) => ({
        body_id: r.bodyId,
        user_id: r.userId,
        is_lead: r.isLead ? 1 : 0,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** The schools a body oversees now, replaced by this list. */
export async function replaceOversight(
  db: Executor,
  bodyId: string,
  schoolIds: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('oversight').where('body_id', '=', bodyId).execute()
  await insertOversight(
    db,
    schoolIds.map((schoolId) => ({ bodyId, schoolId })),
    now,
  )
}

/** Links of bodies to schools, in batches (a Sở oversees more than a thousand schools). */
export async function insertOversight(
  db: Executor,
  rows: readonly { bodyId: string; schoolId: string }[],
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500)
    await db
      .insertInto('oversight')
      .values(batch.map((r) => ({ body_id: r.bodyId, school_id: r.schoolId, created_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

/** How many of these ids are schools (to refuse unknown ones before linking). */
export async function countSchools(db: Executor, schoolIds: readonly string[]): Promise<number> {
  let n = 0
  for (let i = 0; i < schoolIds.length; i += 500) {
    const row = await db
      .selectFrom('school')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', schoolIds.slice(i, i + 500))
      .executeTakeFirstOrThrow()
    n += Number(row.n)
  }
  return n
}

/** The bodies a person belongs to that oversee a school (the evidence view log names them). */
export async function listBodiesOverseeing(db: Executor, schoolId: string, userId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('body_member', 'body_member.body_id', 'oversight.body_id')
    .select('oversight.body_id')
    .where('oversight.school_id', '=', schoolId)
    .where('body_member.user_id', '=', userId)
    .execute()
}

/** The bodies that oversee a school, by name. */
export async function listBodiesOfSchool(db: Executor, schoolId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('overseeing_body', 'overseeing_body.id', 'oversight.body_id')
    .select(['overseeing_body.id', 'overseeing_body.kind', 'overseeing_body.name'])
    .where('oversight.school_id', '=', schoolId)
    .orderBy('overseeing_body.name')
    .execute()
}

export async function insertEvidenceViews(
  db: Executor,
  rows: readonly {
    schoolId: string
    planId: string
    evidenceId: string | null
    bodyId: string
    userId: string
    kind: EvidenceViewKind
    at: string
  }[],
): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('evidence_view')
    .values(
      rows.map((r) => ({
        id: crypto.randomUUID(),
        school_id: r.schoolId,
        plan_id: r.planId,
        evidence_id: r.evidenceId,
        body_id: r.bodyId,
        user_id: r.userId,
        kind: r.kind,
        at: r.at,
      })),
    )
    .execute()
}

/** The latest views of a plan's evidence by overseers, newest first. */
export async function listEvidenceViews(db: Executor, planId: string, limit: number) {
  return db
    .selectFrom('evidence_view')
    .innerJoin('app_user', 'app_user.id', 'evidence_view.user_id')
    .innerJoin('overseeing_body', 'overseeing_body.id', 'evidence_view.body_id')
    .leftJoin('evidence', 'evidence.id', 'evidence_view.evidence_id')
    .select([
      'evidence_view.id',
      'evidence_view.kind',
      'evidence_view.at',
      'evidence_view.evidence_id',
      'evidence.title as evidence_title',
      'app_user.display_name as user_name',
      'overseeing_body.name as body_name',
    ])
    .where('evidence_view.plan_id', '=', planId)
    .orderBy('evidence_view.at', 'desc')
    .orderBy('evidence_view.id')
    .limit(limit)
    .execute()
}

/** A body's answer to one signing of a review; undefined when it has not answered it. */
export async function findReviewAnswer(
  db: Executor,
  input: { reviewId: string; bodyId: string; signedAt: string },
) {
  return db
    .selectFrom('review_answer')
    .select(['id', 'verdict', 'reason', 'at'])
    .where('review_id', '=', input.reviewId)
    .where('body_id', '=', input.bodyId)
    .where('signed_at', '=', input.signedAt)
    .executeTakeFirst()
}

export async function insertReviewAnswer(
  db: Executor,
  input: {
    reviewId: string
    schoolId: string
    bodyId: string
    signedAt: string
    verdict: ReviewVerdict
    reason: string | null
    userId: string
    at: string
  },
): Promise<string> {
  const id = crypto.randomUUID()
  await db
    .insertInto('review_answer')
    .values({
      id,
      review_id: input.reviewId,
      school_id: input.schoolId,
      body_id: input.bodyId,
      signed_at: input.signedAt,
      verdict: input.verdict,
      reason: input.reason,
      user_id: input.userId,
      at: input.at,
    })
    .execute()
  return id
}

/**
 * The answers bodies gave to the reviews of the schools where the person runs reviews (the
 * principal), newest first: the principal's inbox.
 */
export async function listReviewAnswersForPrincipal(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('review_answer')
    .innerJoin('checkpoint_review', 'checkpoint_review.id', 'review_answer.review_id')
    .innerJoin('plan', 'plan.id', 'checkpoint_review.plan_id')
    .innerJoin('overseeing_body', 'overseeing_body.id', 'review_answer.body_id')
    .innerJoin('app_user', 'app_user.id', 'review_answer.user_id')
    .select([
      'review_answer.id',
      'review_answer.verdict',
      'review_answer.reason',
      'review_answer.at',
      'review_answer.signed_at',
      'checkpoint_review.checkpoint',
      'checkpoint_review.signed_at as review_signed_at',
      'plan.id as plan_id',
      'plan.title as plan_title',
      'overseeing_body.name as body_name',
      'app_user.display_name as user_name',
    ])
    .where('plan.deleted_at', 'is', null)
    .where((eb) =>
      eb(
        'review_answer.school_id',
        'in',
        eb
          .selectFrom('membership')
          .select('membership.school_id')
          .where('membership.user_id', '=', userId)
          .where('membership.role', '=', 'principal'),
      ),
    )
    .orderBy('review_answer.at', 'desc')
    .limit(limit)
    .execute()
}

/** Signed-off reviews of the schools the person's bodies oversee, not yet answered by the body. */
export async function listReviewsAwaitingAnswer(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('body_member')
    .innerJoin('oversight', 'oversight.body_id', 'body_member.body_id')
    .innerJoin('overseeing_body', 'overseeing_body.id', 'body_member.body_id')
    .innerJoin('checkpoint_review', 'checkpoint_review.school_id', 'oversight.school_id')
    .innerJoin('plan', 'plan.id', 'checkpoint_review.plan_id')
    .innerJoin('school', 'school.id', 'plan.school_id')
    .select([
      'checkpoint_review.id as review_id',
      'checkpoint_review.checkpoint',
      'checkpoint_review.signed_at',
      'plan.id as plan_id',
      'plan.title as plan_title',
      'school.name as school_name',
      'overseeing_body.id as body_id',
      'overseeing_body.name as body_name',
    ])
    .where('body_member.user_id', '=', userId)
    .where('plan.deleted_at', 'is', null)
    .where('checkpoint_review.signed_at', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('review_answer')
            .select('review_answer.id')
            .whereRef('review_answer.review_id', '=', 'checkpoint_review.id')
            .whereRef('review_answer.body_id', '=', 'body_member.body_id')
            .whereRef('review_answer.signed_at', '=', 'checkpoint_review.signed_at'),
        ),
      ),
    )
    .orderBy('checkpoint_review.signed_at', 'desc')
    .limit(limit)
    .execute()
}
