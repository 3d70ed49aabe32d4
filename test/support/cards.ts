import type { CardStatusValue, Db } from '@caitien/db'
import { insertTestCard } from '@caitien/server/testing'

/** A card put straight into a column (with evidence when asked), for rule tests. */
export async function insertCardInState(
  db: Db,
  plan: { id: string; school_id: string; school_year: string },
  input: { status: CardStatusValue; evidence: boolean; assigneeIds: string[]; createdBy: string },
) {
  const cardId = await insertTestCard(db, plan, { assigneeIds: input.assigneeIds })
  await db.updateTable('card').set({ status: input.status }).where('id', '=', cardId).execute()
  if (input.evidence) {
    await db
      .insertInto('evidence')
      .values({
        id: crypto.randomUUID(),
        card_id: cardId,
        plan_id: plan.id,
        school_id: plan.school_id,
        kind: 'note',
        code: null,
        title: 'Biên bản',
        url: null,
        note: 'Biên bản họp tổ',
        created_by: input.createdBy,
        created_at: new Date().toISOString(),
        deleted_at: null,
      })
      .execute()
  }
  return cardId
}

/** Everything a failed request must leave as it was. */
export async function dbFingerprint(db: Db) {
  const [cards, evidence, comments, activity, assignees, plans] = await Promise.all([
    db.selectFrom('card').selectAll().orderBy('id').execute(),
    db
      .selectFrom('evidence')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('comment')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('activity')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db.selectFrom('card_assignee').selectAll().orderBy('card_id').orderBy('user_id').execute(),
    db.selectFrom('plan').selectAll().orderBy('id').execute(),
  ])
  return JSON.stringify({ cards, evidence, comments, activity, assignees, plans })
}
