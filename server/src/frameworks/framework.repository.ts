import type { Db, Executor } from '@caitien/db'
import type { Framework } from './framework-catalog.ts'

/** The criteria frameworks' SQL: versioned catalogues, stored once (docs/decisions/020). */

export async function findFrameworkByVersion(db: Executor, code: string, version: string) {
  return db
    .selectFrom('framework')
    .select('id')
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst()
}

export async function findFramework(db: Executor, frameworkId: string) {
  return db
    .selectFrom('framework')
    .select(['id', 'code', 'version', 'title'])
    .where('id', '=', frameworkId)
    .executeTakeFirst()
}

/** A framework and its criteria, in one transaction. */
export async function insertFramework(db: Db, f: Framework, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('framework')
      .values({
        id: f.id,
        code: f.code,
        version: f.version,
        title: f.title,
        school_level: f.schoolLevel,
        effective_from: f.effectiveFrom,
        source: f.source,
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('framework_criterion')
      .values(
        f.criteria.map((c, i) => ({
          framework_id: f.id,
          standard: c.standard,
          standard_name: c.standardName,
          code: c.code,
          name: c.name,
          levels_defined: c.levelsDefined.join(','),
          mandatory: c.mandatory ? 1 : 0,
          details: JSON.stringify(c.details),
          sort_order: i,
        })),
      )
      .execute()
  })
}

export async function listFrameworkRows(db: Executor) {
  const rows = await db
    .selectFrom('framework')
    .select(['id', 'code', 'version', 'title', 'school_level', 'effective_from'])
    .orderBy('code')
    .orderBy('version')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    version: r.version,
    title: r.title,
    schoolLevel: r.school_level,
    effectiveFrom: r.effective_from,
  }))
}

/** A framework's criteria with their standards' names. */
export async function listFrameworkCriteria(db: Executor, frameworkId: string) {
  return db
    .selectFrom('framework_criterion')
    .select(['code', 'name', 'standard', 'standard_name'])
    .where('framework_id', '=', frameworkId)
    .execute()
}
