import { sql } from 'kysely'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from './create-db.ts'
import { migrateToLatest } from './migrate.ts'

const dirs: string[] = []
const dbs: Db[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.destroy()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function open(options: { backgroundCheckpoints?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'caitien-db-'))
  dirs.push(dir)
  const file = join(dir, 'test.sqlite')
  const db = createDb({ file, ...options })
  dbs.push(db)
  await migrateToLatest(db)
  await sql`create table filler (id integer primary key, body text not null)`.execute(db)
  return { db, file }
}

/**
 * How many times the write-ahead log has started over: the checkpoint sequence number in
 * its header (bytes 12–15), read from the file so that looking does not checkpoint.
 */
function logRestarts(file: string): number {
  return readFileSync(`${file}-wal`).readUInt32BE(12)
}

/** About `pages` pages of 4 KiB, ten rows (pages) per transaction. */
async function write(db: Db, pages: number) {
  const body = 'x'.repeat(3900)
  for (let i = 0; i < pages; i += 10) {
    await sql`insert into filler (body) select ${body} from (
      select 1 union all select 2 union all select 3 union all select 4 union all select 5
      union all select 6 union all select 7 union all select 8 union all select 9 union all select 10)`.execute(
      db,
    )
  }
}

describe('createDb', () => {
  it('reuses prepared statements, a streamed one included, with the same results', async () => {
    const { db } = await open()
    await db
      .insertInto('school')
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          id: `s${String(i).padStart(2, '0')}`,
          name: `Trường ${i}`,
          school_level: 'primary',
          created_at: '2026-09-01T00:00:00.000Z',
        })),
      )
      .execute()
    const schools = () => db.selectFrom('school').select('id').orderBy('id')
    const ids = Array.from({ length: 50 }, (_, i) => `s${String(i).padStart(2, '0')}`)
    // A stream left after five rows, then the same SQL text run and streamed again.
    let seen = 0
    for await (const row of schools().stream()) {
      expect(row.id).toBe(ids[seen++])
      if (seen === 5) break
    }
    expect((await schools().execute()).map((r) => r.id)).toEqual(ids)
    const streamed: string[] = []
    for await (const row of schools().stream()) streamed.push(row.id)
    expect(streamed).toEqual(ids)
  })

  it('a server checkpoints from a worker and the log starts over under steady writes', async () => {
    const { db, file } = await open({ backgroundCheckpoints: true })
    const rows = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db))
      .rows
    expect(rows[0]!.wal_autocheckpoint).toBe(10_000)
    // Writes without a pause (only a turn of the event loop between two), so the worker's
    // passes never find a quiet log: the server's connection has to finish them.
    const first = logRestarts(file)
    let pages = 0
    const deadline = Date.now() + 4000
    while (Date.now() < deadline && logRestarts(file) === first) {
      await write(db, 20)
      pages += 20
      await new Promise((r) => setImmediate(r))
    }
    expect(logRestarts(file)).toBeGreaterThan(first)
    expect(pages).toBeLessThan(10_000)
  })

  it('without the worker, SQLite’s own threshold of 1,000 pages applies', async () => {
    const { db } = await open()
    const rows = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db))
      .rows
    expect(rows[0]!.wal_autocheckpoint).toBe(1000)
  })
})
