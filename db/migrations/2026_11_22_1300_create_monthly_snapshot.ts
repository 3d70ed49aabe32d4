import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monthly_snapshot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('month_end', 'on_demand')`))
    // The month for a month-end snapshot, null for on-demand ones: one month-end
    // snapshot per plan and month, however often the scheduler runs or restarts.
    .addColumn('month_end_key', 'text')
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('monthly_snapshot_month_end_uq')
    .on('monthly_snapshot')
    .columns(['plan_id', 'month_end_key'])
    .unique()
    .execute()
  await db.schema
    .createIndex('monthly_snapshot_plan_month_idx')
    .on('monthly_snapshot')
    .columns(['plan_id', 'month'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monthly_snapshot').execute()
}
