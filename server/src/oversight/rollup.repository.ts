import type { Executor } from '@caitien/db'

/**
 * The roll-up's reads (docs/decisions/029): one body's schools and their plans' figures,
 * each an aggregate over the body's schools (GROUP BY), never a query per school: a Sở
 * oversees more than a thousand schools. Portable SQL only (CASE, COUNT, SUM).
 */

/** The live (not deactivated) schools a body oversees. */
export async function listBodySchools(db: Executor, bodyId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('school', 'school.id', 'oversight.school_id')
    .select(['school.id', 'school.name', 'school.school_level'])
    .where('oversight.body_id', '=', bodyId)
    .where('school.deactivated_at', 'is', null)
    .execute()
}

/** Does this body oversee this school? */
export async function bodyOversees(db: Executor, bodyId: string, schoolId: string) {
  const row = await db
    .selectFrom('oversight')
    .select('school_id')
    .where('body_id', '=', bodyId)
    .where('school_id', '=', schoolId)
    .executeTakeFirst()
  return row !== undefined
}

/** The live plans of the body's schools. */
export async function listBodyPlans(db: Executor, bodyId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('plan', 'plan.school_id', 'oversight.school_id')
    .select([
      'plan.id',
      'plan.school_id',
      'plan.title',
      'plan.school_year',
      'plan.framework_id',
      'plan.state',
    ])
    .where('oversight.body_id', '=', bodyId)
    .where('plan.deleted_at', 'is', null)
    .execute()
}

/**
 * Per plan and column: live rows, those overdue (due month before `month`, not verified:
 * month.ts isOverdue), and those naming an expected product or evidence.
 */
export async function countBodyCards(db: Executor, bodyId: string, month: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('plan', 'plan.school_id', 'oversight.school_id')
    .innerJoin('card', 'card.plan_id', 'plan.id')
    .select((eb) => [
      'card.plan_id',
      'card.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('card.due_month', 'is not', null),
                eb('card.due_month', '<', month),
                eb('card.status', '!=', 'verified'),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('card.expected_evidence', 'is not', null),
                eb('card.expected_evidence', '!=', ''),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('expected'),
    ])
    .where('oversight.body_id', '=', bodyId)
    .where('plan.deleted_at', 'is', null)
    .where('card.deleted_at', 'is', null)
    .groupBy(['card.plan_id', 'card.status'])
    .execute()
}

/** Per plan: the mandatory criteria of its framework that have a live row not verified. */
export async function countBodyMandatoryOpen(db: Executor, bodyId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('plan', 'plan.school_id', 'oversight.school_id')
    .innerJoin('card', 'card.plan_id', 'plan.id')
    .innerJoin('framework_criterion', (join) =>
      join
        .onRef('framework_criterion.framework_id', '=', 'plan.framework_id')
        .onRef('framework_criterion.code', '=', 'card.criterion'),
    )
    .select((eb) => ['card.plan_id', eb.fn.count<number>('card.criterion').distinct().as('n')])
    .where('oversight.body_id', '=', bodyId)
    .where('plan.deleted_at', 'is', null)
    .where('card.deleted_at', 'is', null)
    .where('card.status', '!=', 'verified')
    .where('framework_criterion.mandatory', '=', 1)
    .groupBy('card.plan_id')
    .execute()
}

/** The checkpoint reviews of the body's schools' live plans. */
export async function listBodyReviews(db: Executor, bodyId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('checkpoint_review', 'checkpoint_review.school_id', 'oversight.school_id')
    .select([
      'checkpoint_review.id',
      'checkpoint_review.plan_id',
      'checkpoint_review.checkpoint',
      'checkpoint_review.opened_at',
      'checkpoint_review.signed_at',
    ])
    .where('oversight.body_id', '=', bodyId)
    .execute()
}

/** Per review of the body's schools: its rows by chosen Mức độ thực hiện. */
export async function countBodyReviewLevels(db: Executor, bodyId: string) {
  return db
    .selectFrom('oversight')
    .innerJoin('checkpoint_review', 'checkpoint_review.school_id', 'oversight.school_id')
    .innerJoin('checkpoint_review_row', 'checkpoint_review_row.review_id', 'checkpoint_review.id')
    .select((eb) => [
      'checkpoint_review_row.review_id',
      'checkpoint_review_row.level',
      eb.fn.countAll<number>().as('n'),
    ])
    .where('oversight.body_id', '=', bodyId)
    .groupBy(['checkpoint_review_row.review_id', 'checkpoint_review_row.level'])
    .execute()
}

/** This body's answers to reviews. */
export async function listBodyAnswers(db: Executor, bodyId: string) {
  return db
    .selectFrom('review_answer')
    .select(['review_id', 'signed_at', 'verdict', 'reason', 'at'])
    .where('body_id', '=', bodyId)
    .execute()
}

/** A framework's code and title by id, for the roll-up's filter. */
export async function listFrameworkTitles(db: Executor) {
  return db.selectFrom('framework').select(['id', 'code', 'title']).execute()
}
