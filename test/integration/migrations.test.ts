import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, migrateDownAll, migrateToLatest, MIGRATION_NAMES, type Db } from '@caitien/db'
import { afterAll, describe, expect, it } from 'vitest'
import { dropTestDatabase, testDatabase } from '../support/database.ts'

/**
 * The same migrations on both engines (docs/decisions/003, 028): on a database with no
 * tables they go up, all the way down and up again, and the schema's tables are there.
 * (db/src/migrate.test.ts checks the details on SQLite.)
 */

const dir = mkdtempSync(join(tmpdir(), 'caitien-migrate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function tables(db: Db): Promise<string[]> {
  const all = await db.introspection.getTables()
  return all
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_'))
    .sort()
}

describe('migrations', () => {
  it('go up, all the way down and up again on an empty database', async () => {
    const location = await testDatabase(join(dir, 'empty.sqlite'), { empty: true })
    const db = createDb(location)
    try {
      expect(await tables(db)).toEqual([])
      await migrateToLatest(db)
      const up = await tables(db)
      expect(up).toEqual(expect.arrayContaining(['activity', 'card', 'plan', 'school']))
      await migrateDownAll(db)
      expect(await tables(db)).toEqual([])
      await migrateToLatest(db)
      expect(await tables(db)).toEqual(up)
      const applied = await db
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute()
      expect(applied).toHaveLength(MIGRATION_NAMES.length)
    } finally {
      await db.destroy()
      await dropTestDatabase(location)
    }
  })
})
