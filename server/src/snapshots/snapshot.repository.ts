import type { Executor } from '@caitien/db'
import type { MonthlySummary } from '@caitien/shared'

/**
 * The monthly snapshots' SQL: frozen summaries (never updated) and the monitoring team's
 * remarks on a month (docs/decisions/020).
 */

/** A plan's month-end snapshot of a month, if taken. */
export async function findMonthEndSnapshot(db: Executor, planId: string, month: string) {
  const row = await db
    .selectFrom('monthly_snapshot')
    .select(['data', 'taken_at'])
    .where('plan_id', '=', planId)
    .where('month_end_key', '=', month)
    .executeTakeFirst()
  return row ? { summary: JSON.parse(row.data) as MonthlySummary, takenAt: row.taken_at } : null
}

/**
 * Stores a snapshot. A month-end one is unique per plan and month (an index): false when
 * it was already there.
 */
export async function insertSnapshot(
  db: Executor,
  snapshot: {
    id: string
    plan: { id: string; school_id: string }
    month: string
    kind: 'month_end' | 'on_demand'
    summary: MonthlySummary
    takenBy: string | null
    now: string
  },
): Promise<boolean> {
  const result = await db
    .insertInto('monthly_snapshot')
    .values({
      id: snapshot.id,
      plan_id: snapshot.plan.id,
      school_id: snapshot.plan.school_id,
      month: snapshot.month,
      kind: snapshot.kind,
      month_end_key: snapshot.kind === 'month_end' ? snapshot.month : null,
      taken_at: snapshot.now,
      taken_by: snapshot.takenBy,
      data: JSON.stringify(snapshot.summary),
    })
    .$if(snapshot.kind === 'month_end', (q) => q.onConflict((oc) => oc.doNothing()))
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** A plan's snapshots, month by month, each in the order taken. */
export async function listSnapshots(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('monthly_snapshot')
    .select(['id', 'month', 'kind', 'taken_at', 'taken_by', 'data'])
    .where('plan_id', '=', planId)
    .orderBy('month')
    .orderBy('taken_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    kind: r.kind,
    takenAt: r.taken_at,
    takenBy: r.taken_by,
    summary: JSON.parse(r.data) as MonthlySummary,
  }))
}

/** A plan's month-end summaries by month. */
export async function listMonthEndSummaries(db: Executor, planId: string) {
  const rows = await db
    .selectFrom('monthly_snapshot')
    .select(['month', 'data'])
    .where('plan_id', '=', planId)
    .where('kind', '=', 'month_end')
    .execute()
  return new Map(rows.map((r) => [r.month, JSON.parse(r.data) as MonthlySummary]))
}

/** The remark on a plan's month, with its author's name. */
export async function findRemark(db: Executor, planId: string, month: string) {
  const row = await db
    .selectFrom('monthly_remark')
    .innerJoin('app_user', 'app_user.id', 'monthly_remark.author_id')
    .select(['monthly_remark.text', 'monthly_remark.updated_at', 'app_user.display_name'])
    .where('plan_id', '=', planId)
    .where('month', '=', month)
    .executeTakeFirst()
  return row ? { text: row.text, updatedAt: row.updated_at, author: row.display_name } : null
}

/** Writes the remark on a plan's month, replacing the one there. */
export async function updateRemark(
  db: Executor,
  remark: { planId: string; month: string; text: string; authorId: string; now: string },
): Promise<void> {
  const { planId, month, text, authorId, now } = remark
  await db
    .insertInto('monthly_remark')
    .values({ plan_id: planId, month, text, author_id: authorId, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['plan_id', 'month']).doUpdateSet({ text, author_id: authorId, updated_at: now }),
    )
    .execute()
}

export async function deleteRemark(db: Executor, planId: string, month: string): Promise<void> {
  await db
    .deleteFrom('monthly_remark')
    .where('plan_id', '=', planId)
    .where('month', '=', month)
    .execute()
}
