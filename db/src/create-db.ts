import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type LogEvent } from 'kysely'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>

export interface CreateDbOptions {
  /** A file path, or ':memory:'. */
  file: string
  /** Called after every query: tests count queries with it. */
  onQuery?: (event: LogEvent) => void
}

/**
 * The only place that knows the driver (docs/decisions/003). SQLite runs in WAL mode
 * with foreign keys on; a busy timeout lets a writer wait for another instead of failing.
 */
export function createDb({ file, onQuery }: CreateDbOptions): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: onQuery ? (event) => onQuery(event) : undefined,
  })
}

/**
 * A consistent copy of a live database file while other connections keep writing:
 * SQLite's online backup API copies pages and restarts when a writer changes one.
 */
export async function backupDatabaseFile(source: string, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true })
  const sqlite = new SQLite(source, { readonly: true, fileMustExist: true })
  try {
    sqlite.pragma('busy_timeout = 5000')
    await sqlite.backup(destination)
  } finally {
    sqlite.close()
  }
}

/** 'ok' when the file is a sound SQLite database, else SQLite's list of problems. */
export function checkDatabaseFile(file: string): string {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check).join('; ')
  } finally {
    sqlite.close()
  }
}
