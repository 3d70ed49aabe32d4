import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A school's own semesters for one school year, as months 'YYYY-MM'. No row: the default
  // calendar (semester I September–January, semester II January–May).
  await db.schema
    .createTable('school_calendar')
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('semester1_start', 'text', (c) => c.notNull())
    .addColumn('semester1_end', 'text', (c) => c.notNull())
    .addColumn('semester2_start', 'text', (c) => c.notNull())
    .addColumn('semester2_end', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_calendar_pk', ['school_id', 'school_year'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_calendar').execute()
}
