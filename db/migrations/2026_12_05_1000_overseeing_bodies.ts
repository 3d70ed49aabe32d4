import { sql, type Kysely } from 'kysely'

/**
 * Overseeing bodies (DESIGN §8, docs/decisions/029): a commune's Phòng Văn hóa - Xã hội or a
 * province's Sở Giáo dục và Đào tạo; the schools each oversees (a school may sit under
 * both); the people of a body (its overseers, some of them its leads); each time an overseer
 * viewed a school's evidence; and a body's answer to a signed-off checkpoint review.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('overseeing_body')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('commune_office', 'provincial_department')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('oversight')
    .addColumn('body_id', 'text', (c) =>
      c.notNull().references('overseeing_body.id').onDelete('cascade'),
    )
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_pk', ['body_id', 'school_id'])
    .execute()
  await db.schema.createIndex('oversight_school').on('oversight').column('school_id').execute()
  await db.schema
    .createTable('body_member')
    .addColumn('body_id', 'text', (c) =>
      c.notNull().references('overseeing_body.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('body_member_pk', ['body_id', 'user_id'])
    .execute()
  await db.schema.createIndex('body_member_user').on('body_member').column('user_id').execute()
  await db.schema
    .createTable('evidence_view')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text')
    .addColumn('body_id', 'text', (c) => c.notNull().references('overseeing_body.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('list', 'file')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('evidence_view_plan_at')
    .on('evidence_view')
    .columns(['plan_id', 'at'])
    .execute()
  await db.schema
    .createTable('review_answer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) =>
      c.notNull().references('checkpoint_review.id').onDelete('cascade'),
    )
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('body_id', 'text', (c) => c.notNull().references('overseeing_body.id'))
    /** The signing answered: a review reopened and signed again waits for a new answer. */
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('acknowledged', 'sent_back')`),
    )
    .addColumn('reason', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('review_answer_once', ['review_id', 'body_id', 'signed_at'])
    .execute()
  await db.schema
    .createIndex('review_answer_school')
    .on('review_answer')
    .columns(['school_id', 'at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_answer').execute()
  await db.schema.dropTable('evidence_view').execute()
  await db.schema.dropTable('body_member').execute()
  await db.schema.dropTable('oversight').execute()
  await db.schema.dropTable('overseeing_body').execute()
}
