import { sql, type Kysely } from 'kysely'

/**
 * Accounts managed in the web app (issue 12): a person's contact and place in the school,
 * deactivation of people and schools, a password that must be changed at the next login,
 * and the log of what was done to accounts, by whom.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['email', 'phone', 'position', 'department', 'deactivated_at']) {
    await db.schema.alterTable('app_user').addColumn(column, 'text').execute()
  }
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`must_change_password in (0, 1)`),
    )
    .execute()
  await db.schema.alterTable('school').addColumn('deactivated_at', 'text').execute()

  // Append-only. People are never deleted (they are deactivated), so the ids resolve to
  // names for as long as the school exists; the names at the time are kept beside them.
  await db.schema
    .createTable('account_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.references('school.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'text')
    .addColumn('subject_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('subject_name', 'text')
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`action in ('created', 'password_reset', 'roles_changed', 'deactivated', 'reactivated', 'school_created', 'school_deactivated', 'school_reactivated')`,
        ),
    )
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('account_event_school_idx')
    .on('account_event')
    .columns(['school_id', 'at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_event').execute()
  await db.schema.alterTable('school').dropColumn('deactivated_at').execute()
  for (const column of [
    'must_change_password',
    'deactivated_at',
    'department',
    'position',
    'phone',
    'email',
  ]) {
    await db.schema.alterTable('app_user').dropColumn(column).execute()
  }
}
