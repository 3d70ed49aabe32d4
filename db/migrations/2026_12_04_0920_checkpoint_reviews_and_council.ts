import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The plan's monitoring body (Tổ giám sát / Hội đồng tự đánh giá). No row: the default kind
  // for the plan's framework, no members.
  await db.schema
    .createTable('plan_council')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plan.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('monitoring_team', 'self_assessment_council')`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .execute()
  await db.schema
    .createTable('plan_council_member')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('title', 'text', (c) =>
      c.notNull().check(sql`title in ('chair', 'vice_chair', 'secretary', 'member')`),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_council_member_pk', ['plan_id', 'user_id'])
    .execute()

  // One review per plan and checkpoint (table VI's rows), its rows (table V's Mức độ thực
  // hiện) and its log. Texts are '' rather than null: the form prints empty cells.
  await db.schema
    .createTable('checkpoint_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('checkpoint', 'text', (c) =>
      c.notNull().check(sql`checkpoint in ('semester1', 'yearEnd')`),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('log', 'board')`))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('monitored', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('adjustment', 'text', (c) => c.notNull())
    .addColumn('assessor', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('checkpoint_review_plan_checkpoint', ['plan_id', 'checkpoint'])
    .execute()
  await db.schema
    .createTable('checkpoint_review_row')
    .addColumn('review_id', 'text', (c) =>
      c.notNull().references('checkpoint_review.id').onDelete('cascade'),
    )
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('standard', 'text')
    .addColumn('criterion', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) =>
      c
        .notNull()
        .check(sql`status_at in ('planned', 'in_progress', 'evidence_submitted', 'verified')`),
    )
    .addColumn('due_month', 'text')
    .addColumn('derived_level', 'text', (c) =>
      c.notNull().check(sql`derived_level in ('done', 'inProgress', 'notDone')`),
    )
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('done', 'inProgress', 'notDone')`),
    )
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('changed_at', 'text')
    .addPrimaryKeyConstraint('checkpoint_review_row_pk', ['review_id', 'card_id'])
    .execute()
  await db.schema
    .createTable('checkpoint_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) =>
      c.notNull().references('checkpoint_review.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(sql`action in ('opened', 'level_changed', 'fields_changed', 'signed', 'reopened')`),
    )
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    // The entry's order within its review (several entries share an instant): counted by the
    // writer inside its transaction, portable where an autoincrement is not.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('checkpoint_event_review_seq', ['review_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('checkpoint_event').execute()
  await db.schema.dropTable('checkpoint_review_row').execute()
  await db.schema.dropTable('checkpoint_review').execute()
  await db.schema.dropTable('plan_council_member').execute()
  await db.schema.dropTable('plan_council').execute()
}
