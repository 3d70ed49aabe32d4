import type { Executor, PlanProblemRow } from '@caitien/db'

/**
 * A plan's priority problems (Biểu 2's table IV) and the cards linked to them
 * (docs/decisions/020, 024). A newer import's table IV replaces the current problems; they
 * are kept, marked with that import, so undoing it brings them back.
 */

/** A problem as stored, criteria as codes. */
export interface StoredProblem {
  id: string
  position: number
  index: string | null
  standard: string | null
  criteria: string[]
  criteriaText: string | null
  currentState: string | null
  weakness: string | null
  cause: string | null
}

const toProblem = (row: PlanProblemRow): StoredProblem => ({
  id: row.id,
  position: row.position,
  index: row.index_label,
  standard: row.standard,
  criteria: row.criteria ? row.criteria.split(' ') : [],
  criteriaText: row.criteria_text,
  currentState: row.current_state,
  weakness: row.weakness,
  cause: row.cause,
})

/** The plan's current problems, in table IV's order. */
export async function listCurrentProblems(db: Executor, planId: string): Promise<StoredProblem[]> {
  const rows = await db
    .selectFrom('plan_problem')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('replaced_by_import_id', 'is', null)
    .orderBy('position')
    .execute()
  return rows.map(toProblem)
}

/** One current problem of a plan, or undefined. */
export async function findCurrentProblem(db: Executor, planId: string, problemId: string) {
  const row = await db
    .selectFrom('plan_problem')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', problemId)
    .where('replaced_by_import_id', 'is', null)
    .executeTakeFirst()
  return row && toProblem(row)
}

/** Marks the plan's current problems as replaced by an import; their ids. */
export async function replaceCurrentProblems(
  db: Executor,
  planId: string,
  importId: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('plan_problem')
    .set({ replaced_by_import_id: importId })
    .where('plan_id', '=', planId)
    .where('replaced_by_import_id', 'is', null)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

export async function insertProblems(
  db: Executor,
  input: {
    schoolId: string
    planId: string
    importId: string
    now: string
    problems: (Omit<StoredProblem, 'position'> & { position: number })[]
  },
): Promise<void> {
  if (input.problems.length === 0) return
  await db
    .insertInto('plan_problem')
    .values(
      input.problems.map((p) => ({
        id: p.id,
        school_id: input.schoolId,
        plan_id: input.planId,
        position: p.position,
        index_label: p.index,
        standard: p.standard,
        criteria: p.criteria.join(' '),
        criteria_text: p.criteriaText,
        current_state: p.currentState,
        weakness: p.weakness,
        cause: p.cause,
        import_id: input.importId,
        replaced_by_import_id: null,
        created_at: input.now,
      })),
    )
    .execute()
}

/** Undoing an import: its problems go, the ones it replaced are current again. */
export async function revertImportProblems(db: Executor, planId: string, importId: string) {
  // Replaced by a later import itself: those stay current, its own simply go.
  const later = await db
    .selectFrom('plan_problem')
    .select('id')
    .where('plan_id', '=', planId)
    .where('import_id', '=', importId)
    .where('replaced_by_import_id', 'is not', null)
    .executeTakeFirst()
  await db
    .deleteFrom('plan_problem')
    .where('plan_id', '=', planId)
    .where('import_id', '=', importId)
    .execute()
  if (later) return
  await db
    .updateTable('plan_problem')
    .set({ replaced_by_import_id: null })
    .where('plan_id', '=', planId)
    .where('replaced_by_import_id', '=', importId)
    .execute()
}

/** Links a card to a problem (null: none). Not a plan field: no version, no history. */
export async function setCardProblem(
  db: Executor,
  cardId: string,
  problemId: string | null,
): Promise<void> {
  await db
    .updateTable('card')
    .set({ plan_problem_id: problemId })
    .where('id', '=', cardId)
    .execute()
}

/** The problem each card of a plan links to, for the cards still on the board. */
export async function listProblemLinks(db: Executor, planId: string) {
  return db
    .selectFrom('card')
    .select([
      'id',
      'plan_problem_id',
      'criterion',
      'tasks',
      'target',
      'criterion_label',
      'improvement_content',
    ])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .where('plan_problem_id', 'is not', null)
    .orderBy('position')
    .execute()
}

/** What one card links to now. */
export async function findCardProblemId(db: Executor, cardId: string) {
  const row = await db
    .selectFrom('card')
    .select('plan_problem_id')
    .where('id', '=', cardId)
    .executeTakeFirst()
  return row?.plan_problem_id ?? null
}
