import { isPostgres, type Db } from '@caitien/db'
import { sql } from 'kysely'

/** The first key of the app's advisory locks: keeps them apart from any other user's. */
const LOCK_CLASS = 0x0ca17e

/**
 * Runs `work` unless another server process of the same database is running the job `name`
 * right now (docs/decisions/028). On PostgreSQL: a session advisory lock, held on one pooled
 * connection while `work` runs on the others, and released when it ends (or by the server
 * if the process dies). On SQLite one server process owns the file, so `work` just runs.
 * True when it ran.
 */
export async function runAlone(db: Db, name: string, work: () => Promise<void>): Promise<boolean> {
  if (!isPostgres(db)) {
    await work()
    return true
  }
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{
      got: boolean
    }>`select pg_try_advisory_lock(${LOCK_CLASS}, hashtext(${name})) as got`.execute(connection)
    if (!rows[0]?.got) return false
    try {
      await work()
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_CLASS}, hashtext(${name}))`.execute(connection)
    }
    return true
  })
}
