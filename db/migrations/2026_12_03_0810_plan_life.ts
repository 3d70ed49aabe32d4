import type { Kysely } from 'kysely'

/**
 * A plan's life (issue 12): when and by whom it was archived or deleted (a deleted plan is
 * restorable for 30 days, then purged), and which plan and card a carried-over plan and
 * card continue. A purge of the earlier plan leaves the later one standing: the links
 * become null.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  await db.schema.alterTable('plan').addColumn('archived_at', 'text').execute()
  await db.schema
    .alterTable('plan')
    .addColumn('archived_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .execute()
  await db.schema.alterTable('plan').addColumn('deleted_at', 'text').execute()
  await db.schema
    .alterTable('plan')
    .addColumn('deleted_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .execute()
  await db.schema
    .alterTable('plan')
    .addColumn('carried_from_plan_id', 'text', (c) => c.references('plan.id').onDelete('set null'))
    .execute()
  await db.schema
    .alterTable('card')
    .addColumn('carried_from_card_id', 'text', (c) => c.references('card.id').onDelete('set null'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('card').dropColumn('carried_from_card_id').execute()
  await db.schema.alterTable('plan').dropColumn('carried_from_plan_id').execute()
  await db.schema.alterTable('plan').dropColumn('deleted_by').execute()
  await db.schema.alterTable('plan').dropColumn('deleted_at').execute()
  await db.schema.alterTable('plan').dropColumn('archived_by').execute()
  await db.schema.alterTable('plan').dropColumn('archived_at').execute()
}
