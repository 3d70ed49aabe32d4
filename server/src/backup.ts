import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  backupDatabaseFile,
  checkDatabaseFile,
  checkPostgresDump,
  dumpPostgres,
  PG_DUMP_FILE,
  postgresHasTables,
  restorePostgres,
  type DatabaseLocation,
} from '@caitien/db'

async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return []
  const out: string[] = []
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) {
      // Uploads in flight live in tmp/: not evidence yet.
      if (relative(root, path) === 'tmp') continue
      out.push(...(await listFiles(path)))
    } else if (entry.isFile()) out.push(path)
  }
  return out
}

/** Copies files that the destination lacks (content-addressed files never change). */
async function copyNewFiles(from: string, to: string): Promise<number> {
  let copied = 0
  for (const file of await listFiles(from)) {
    const target = join(to, relative(from, file))
    if (existsSync(target) && (await stat(target)).size === (await stat(file)).size) continue
    await mkdir(join(target, '..'), { recursive: true })
    await copyFile(file, target)
    copied++
  }
  return copied
}

/** The database's file inside a backup folder: SQLite's copy or PostgreSQL's dump. */
function backupName(database: DatabaseLocation) {
  return database.url === undefined ? 'caitien.sqlite' : PG_DUMP_FILE
}

/**
 * An online backup: the database first (a consistent copy while writes go on: SQLite's
 * online backup API, or pg_dump's snapshot on PostgreSQL), then the evidence files. An
 * evidence file is in place before its database row is written, so every file the copied
 * database names is there to be copied.
 */
export async function backup(options: {
  database: DatabaseLocation
  evidenceDir: string
  to: string
}) {
  for (const name of ['caitien.sqlite', PG_DUMP_FILE]) {
    if (existsSync(join(options.to, name))) {
      throw new Error(`${options.to} already holds a backup; choose an empty folder`)
    }
  }
  await mkdir(options.to, { recursive: true })
  const target = join(options.to, backupName(options.database))
  if (options.database.url === undefined) await backupDatabaseFile(options.database.file, target)
  else await dumpPostgres(options.database.url, target)
  const files = await copyNewFiles(options.evidenceDir, join(options.to, 'evidence'))
  return { database: target, files }
}

/**
 * Puts a backup in place, with the server stopped: checks the backup's database, then
 * replaces the database file (and its WAL), or on PostgreSQL loads the dump into the
 * database (in one transaction, dropping what is there first with --force), and adds the
 * evidence files.
 */
export async function restore(options: {
  from: string
  database: DatabaseLocation
  evidenceDir: string
  force: boolean
}) {
  const { database } = options
  const source = join(options.from, backupName(database))
  if (!existsSync(source)) throw new Error(`${options.from} holds no ${backupName(database)}`)
  if (database.url !== undefined) {
    await checkPostgresDump(source)
    const present = await postgresHasTables(database.url)
    if (present && !options.force) {
      throw new Error(`the database holds caitien's tables; stop the servers and pass --force`)
    }
    await restorePostgres(source, database.url, present)
  } else {
    const check = checkDatabaseFile(source)
    if (check !== 'ok') throw new Error(`the backup's database is damaged: ${check}`)
    if (existsSync(database.file) && !options.force) {
      throw new Error(`${database.file} exists; stop the server and pass --force to replace it`)
    }
    await mkdir(join(database.file, '..'), { recursive: true })
    for (const suffix of ['-wal', '-shm']) await rm(database.file + suffix, { force: true })
    await copyFile(source, database.file)
  }
  const files = await copyNewFiles(join(options.from, 'evidence'), options.evidenceDir)
  return { files }
}
