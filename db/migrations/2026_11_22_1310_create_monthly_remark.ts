import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The monitoring team's remarks on a month, printed in the monthly report.
  await db.schema
    .createTable('monthly_remark')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monthly_remark_pk', ['plan_id', 'month'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monthly_remark').execute()
}
