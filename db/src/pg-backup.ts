import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createPgClient } from './create-db.ts'

const run = promisify(execFile)

/** What a PostgreSQL backup of caitien is called inside a backup folder. */
export const PG_DUMP_FILE = 'caitien.pgdump'

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]) {
  try {
    return await run(name, args, { maxBuffer: 64 * 1024 * 1024 })
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT') {
      throw new Error(
        `${name} not found: install PostgreSQL's client tools (Debian/Ubuntu: postgresql-client), of the server's version or newer`,
      )
    }
    throw new Error(`${name} failed: ${(e.stderr ?? e.message).trim()}`)
  }
}

/**
 * A consistent copy of a live PostgreSQL database (pg_dump takes one snapshot while writes
 * go on), in pg_dump's custom format: compressed, and restorable with pg_restore.
 */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url])
}

/** Reads a dump's table of contents: throws unless it is a readable pg_dump archive. */
export async function checkPostgresDump(file: string): Promise<void> {
  await tool('pg_restore', ['--list', file])
}

/**
 * Loads a dump into a database, in one transaction (all or nothing). `clean` first drops
 * what the dump holds, for a database that already has caitien's tables.
 */
export async function restorePostgres(file: string, url: string, clean: boolean): Promise<void> {
  const args = ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error']
  if (clean) args.push('--clean', '--if-exists')
  await tool('pg_restore', [...args, `--dbname=${url}`, file])
}

/** True when the database already holds caitien's tables (its migrations table). */
export async function postgresHasTables(url: string): Promise<boolean> {
  const client = createPgClient(url)
  await client.connect()
  try {
    const { rows } = await client.query<{ present: boolean }>(
      `select to_regclass('public.kysely_migration') is not null as present`,
    )
    return rows[0]?.present ?? false
  } finally {
    await client.end()
  }
}
