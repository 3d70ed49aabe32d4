import { createHash } from 'node:crypto'
import { createPgClient, type DatabaseLocation } from '@caitien/db'
import type pg from 'pg'
import { inject } from 'vitest'

/**
 * Which engine this run of the integration tests uses: the `integration` project runs on
 * SQLite files, `integration-pg` on the PostgreSQL cluster its global setup started
 * (support/pg-global-setup.ts). Tests name a database by a file path either way; on
 * PostgreSQL each path stands for its own database, copied from a migrated template.
 */
export const testEngine: 'sqlite' | 'pg' =
  process.env.CAITIEN_TEST_ENGINE === 'pg' ? 'pg' : 'sqlite'

/** The migrated, empty database every test database is copied from. */
export const PG_TEMPLATE = 'caitien_template'

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://caitien@127.0.0.1:PORT/ of the test cluster (integration-pg only). */
    pgBaseUrl: string
  }
}

let admin: Promise<pg.Client> | null = null

function adminClient(): Promise<pg.Client> {
  admin ??= (async () => {
    const client = createPgClient(inject('pgBaseUrl') + 'postgres')
    await client.connect()
    client.on('error', () => undefined)
    return client
  })()
  return admin
}

/** The PostgreSQL database name a file path stands for. */
function databaseName(file: string): string {
  return 't_' + createHash('sha256').update(file).digest('hex').slice(0, 24)
}

const DUPLICATE_DATABASE = '42P04'

/**
 * The database a test file path stands for: the file itself on SQLite; on PostgreSQL a
 * database of its own (created on first use, already migrated, empty), so that two servers
 * given the same path share it as they would share the file.
 */
export async function testDatabase(
  file: string,
  options: { empty?: boolean } = {},
): Promise<DatabaseLocation> {
  if (testEngine === 'sqlite') return { file }
  const name = databaseName(file)
  const client = await adminClient()
  try {
    // `empty`: no tables at all, as a database an administrator just created (a restore's target).
    await client.query(
      `create database ${name} template ${options.empty ? 'template0' : PG_TEMPLATE}`,
    )
  } catch (err) {
    if ((err as { code?: string }).code !== DUPLICATE_DATABASE) throw err
  }
  return { url: inject('pgBaseUrl') + name }
}

/** Removes a test's PostgreSQL database (its connections closed first); nothing on SQLite. */
export async function dropTestDatabase(location: DatabaseLocation): Promise<void> {
  if (location.url === undefined) return
  const name = new URL(location.url).pathname.slice(1)
  const client = await adminClient()
  await client.query(`drop database if exists ${name} with (force)`)
}

/** The environment variables that point a server or CLI process at the database. */
export async function databaseEnv(
  file: string,
  options: { empty?: boolean } = {},
): Promise<Record<string, string>> {
  const location = await testDatabase(file, options)
  return location.url === undefined
    ? { CAITIEN_DATABASE_FILE: location.file }
    : { CAITIEN_DATABASE_URL: location.url }
}
