import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The plan the person last opened a board of, to land on it on any browser. No foreign
  // key: SQLite cannot drop a column that one names (down), and a plan that is gone or no
  // longer visible is simply skipped when choosing where to land.
  await db.schema.alterTable('app_user').addColumn('last_plan_id', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('last_plan_id').execute()
}
