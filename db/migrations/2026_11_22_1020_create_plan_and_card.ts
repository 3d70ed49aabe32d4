import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.references('framework.id'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`state in ('active', 'archived')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('plan_school_idx').on('plan').column('school_id').execute()

  await db.schema
    .createTable('card')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('planned', 'in_progress', 'evidence_submitted', 'verified')`),
    )
    .addColumn('position', 'double precision', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('standard', 'text')
    .addColumn('standard_name', 'text')
    .addColumn('criterion', 'text')
    .addColumn('criterion_label', 'text')
    .addColumn('section', 'text')
    .addColumn('weakness', 'text')
    .addColumn('target', 'text')
    .addColumn('tasks', 'text')
    .addColumn('measures', 'text')
    .addColumn('lead', 'text')
    .addColumn('coordinators', 'text')
    .addColumn('timeframe', 'text')
    .addColumn('start_month', 'text')
    .addColumn('due_month', 'text')
    .addColumn('budget', 'text')
    .addColumn('budget_amount', 'bigint')
    .addColumn('funding_source', 'text')
    .addColumn('support', 'text')
    .addColumn('expected_evidence', 'text')
    .addColumn('notes', 'text')
    .addColumn('source_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema
    .createIndex('card_plan_status_idx')
    .on('card')
    .columns(['plan_id', 'status', 'position'])
    .execute()

  await db.schema
    .createTable('card_assignee')
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('card_assignee_pk', ['card_id', 'user_id'])
    .execute()
  await db.schema
    .createIndex('card_assignee_user_idx')
    .on('card_assignee')
    .column('user_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('card_assignee').execute()
  await db.schema.dropTable('card').execute()
  await db.schema.dropTable('plan').execute()
}
