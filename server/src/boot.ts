import { createDb, migrateToLatest, type DatabaseLocation, type Db } from '@caitien/db'
import { isEmpty, seedDemo } from './demo/seed-demo.ts'
import { loadFrameworks, readBuiltinFrameworks } from './frameworks/framework-catalog.ts'

/**
 * Opens the database and brings it up to date: migrations, the shipped criteria
 * frameworks, and on an empty database the demo school (unless told not to).
 */
export async function openDatabase(options: {
  database: DatabaseLocation
  demo: boolean
  now: Date
  /** A long-running server: checkpoint the log from a worker thread (db/src/create-db.ts). */
  backgroundCheckpoints?: boolean
}) {
  const db: Db = createDb({
    ...options.database,
    backgroundCheckpoints: options.backgroundCheckpoints,
  })
  await migrateToLatest(db)
  await loadFrameworks(db, readBuiltinFrameworks(), options.now.toISOString())
  let seeded = false
  if (options.demo && (await isEmpty(db))) {
    await seedDemo(db, options.now, 'TT18-2018@2018-10-10')
    seeded = true
  }
  return { db, seeded }
}
