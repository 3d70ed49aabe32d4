import type { Kysely } from 'kysely'

/**
 * Biểu 2 (TT57/2026): a card's three new plan fields, Nội dung cải tiến (2), Chỉ số đánh giá
 * kết quả (5) and Mức độ thực hiện as the plan writes it (10); and table IV, the plan's
 * priority problems, each card linked to the one it works on (decision 024).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('card').addColumn('improvement_content', 'text').execute()
  await db.schema.alterTable('card').addColumn('indicators', 'text').execute()
  await db.schema.alterTable('card').addColumn('completion_level', 'text').execute()
  // No foreign key: SQLite cannot drop a column that one names (down); a link to a problem
  // that is no longer current is read as none.
  await db.schema.alterTable('card').addColumn('plan_problem_id', 'text').execute()
  await db.schema
    .createTable('plan_problem')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('school.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    // Its order in table IV, from 1.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('index_label', 'text')
    .addColumn('standard', 'text')
    // The criterion codes it names, "2.1 2.3" (space-separated), and the cell as written.
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('criteria_text', 'text')
    .addColumn('current_state', 'text')
    .addColumn('weakness', 'text')
    .addColumn('cause', 'text')
    // The import that brought it, and the later import that replaced it (null: current).
    .addColumn('import_id', 'text', (c) => c.references('plan_import.id').onDelete('cascade'))
    .addColumn('replaced_by_import_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('plan_problem_plan')
    .on('plan_problem')
    .columns(['plan_id', 'replaced_by_import_id', 'position'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_problem').execute()
  for (const column of ['plan_problem_id', 'completion_level', 'indicators', 'improvement_content'])
    await db.schema.alterTable('card').dropColumn(column).execute()
}
