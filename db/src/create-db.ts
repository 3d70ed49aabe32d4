import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type LogEvent,
  type SqliteDatabase,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>
/** What a repository function runs on: the database, or a transaction a use case opened. */
export type Executor = Db | Transaction<Database>

const require = createRequire(import.meta.url)

/** Where the data lives: a SQLite file (the embedded default) or a PostgreSQL database. */
export type DatabaseLocation =
  | { /** A file path, or ':memory:'. */ file: string; url?: undefined }
  | { /** postgres://user:password@host:port/database */ url: string; file?: undefined }

export type CreateDbOptions = DatabaseLocation & {
  /** Called after every query: tests count queries with it. */
  onQuery?: (event: LogEvent) => void
  /**
   * Copy the write-ahead log into the database file from a worker thread instead of on
   * the commit that crosses SQLite's threshold (a long-running server: see below).
   * SQLite only; PostgreSQL has no such work on the request path.
   */
  backgroundCheckpoints?: boolean
  /** PostgreSQL: connections in the pool (node-postgres' default, 10, unless told). */
  poolSize?: number
}

/** True when the database (or a transaction on it) is PostgreSQL. */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * The only place that knows the drivers (docs/decisions/003, 028). SQLite runs in WAL mode
 * with foreign keys on; a busy timeout lets a writer wait for another instead of failing.
 * PostgreSQL runs through node-postgres' pool, its numbers parsed as numbers.
 */
export function createDb(options: CreateDbOptions): Db {
  if (options.url !== undefined) return createPostgresDb(options.url, options)
  const { file, onQuery, backgroundCheckpoints } = options
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  let checkpointer: { stop: () => void } | null = null
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: withStatementCache(sqlite, () => checkpointer?.stop()),
    }),
    log: onQuery ? (event) => onQuery(event) : undefined,
  })
  if (backgroundCheckpoints && file !== ':memory:')
    checkpointer = startCheckpointer(db, sqlite, file)
  return db
}

/**
 * node-postgres hands 64-bit integers (`bigint` columns, `count(*)`) and `numeric` (`sum` of
 * a bigint) back as strings, since a JavaScript number cannot hold every such value. The
 * app's are counts, byte sizes and amounts in đồng, all far below 2^53: they come back as
 * numbers, as they do from SQLite, and a value that would lose digits throws rather than
 * round silently.
 */
const PG_INT8 = 20
const PG_NUMERIC = 1700

function parseInt8(text: string): number {
  const n = Number(text)
  if (!Number.isSafeInteger(n)) throw new Error(`integer out of JavaScript's safe range: ${text}`)
  return n
}

type TextParser = (text: string) => unknown

const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): TextParser => {
    if (oid === PG_INT8) return parseInt8
    if (oid === PG_NUMERIC) return (text: string) => Number(text)
    return pg.types.getTypeParser(oid, format) as TextParser
  }) as typeof pg.types.getTypeParser,
}

/** A node-postgres pool with the app's type parsers, for Kysely or for a listener. */
export function createPgPool(url: string, max?: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes })
  // An idle connection the server drops (a restart, a network cut) must not crash the
  // process: the pool discards it and opens another on the next query.
  pool.on('error', ignore)
  return pool
}

/** Uses of a query text after which it runs as a named prepared statement. */
const PREPARE_AFTER = 2
/** Named statements per process at most (each connection prepares those it runs). */
const MAX_PREPARED = 500

/**
 * node-postgres sends a query without a name as an unnamed statement: PostgreSQL parses and
 * plans it again on every call. A query given a name is parsed once per connection and
 * then only bound and run, as the ceiling's are. Kysely passes text and values, so the
 * pool's clients name a query text once it has run a few times (the app's hot queries are
 * templates, the same text every time), up to a bounded number of texts: a query whose
 * text varies (an IN list of any length) stays unnamed.
 *
 * The same wrapper sends one connection's queries one after the other. Reads that go
 * together are sent with Promise.all; inside a transaction they share one connection, and
 * node-postgres queues them itself but warns that pg@9 will not.
 */
function withPreparedStatements(pool: pg.Pool): pg.Pool {
  const seen = new Map<string, number>()
  const names = new Map<string, string>()
  const nameOf = (text: string): string | undefined => {
    const name = names.get(text)
    if (name !== undefined || names.size >= MAX_PREPARED) return name
    const uses = (seen.get(text) ?? 0) + 1
    if (uses < PREPARE_AFTER) {
      if (seen.size < 10 * MAX_PREPARED) seen.set(text, uses)
      return undefined
    }
    seen.delete(text)
    const named = `caitien_${names.size + 1}`
    names.set(text, named)
    return named
  }
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>
  const wrapped = new WeakSet<pg.PoolClient>()
  pool.connect = (async () => {
    const client = await connect()
    if (wrapped.has(client)) return client
    wrapped.add(client)
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
    let last: Promise<unknown> = Promise.resolve()
    ;(client as { query: unknown }).query = (...args: unknown[]) => {
      const [text, values] = args
      // A callback, a cursor or a config object: as it came.
      if (typeof text !== 'string' || args.length > 2) return query(...args)
      const name = Array.isArray(values) && values.length > 0 ? nameOf(text) : undefined
      const send = () => (name === undefined ? query(text, values) : query({ name, text, values }))
      const result = last.then(send, send)
      last = result.catch(ignore)
      return result
    }
    return client
  }) as typeof pool.connect
  return pool
}

/** A single node-postgres connection with the app's type parsers (LISTEN needs its own). */
export function createPgClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types: pgTypes })
}

function createPostgresDb(url: string, options: CreateDbOptions): Db {
  const { onQuery, poolSize } = options
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(createPgPool(url, poolSize)) }),
    log: onQuery ? (event) => onQuery(event) : undefined,
  })
  serializableTransactions(db)
  return db
}

/** SQLSTATEs after which a transaction may simply run again. */
const RETRYABLE = new Set(['40001' /* serialization_failure */, '40P01' /* deadlock_detected */])
const ATTEMPTS = 8

/**
 * The use cases were written against SQLite, where one connection runs one transaction at a
 * time: "read, decide, write" inside a transaction can never interleave with another (open
 * a checkpoint review unless one exists, give the next evidence code, …). PostgreSQL runs
 * transactions side by side; at its default isolation level two of them can both find "no
 * review yet" and the second then fails on the unique index (a 500) or, with no index,
 * writes a duplicate. So every transaction runs SERIALIZABLE, which keeps SQLite's
 * guarantee (the outcome is that of some one-at-a-time order), and one that PostgreSQL
 * aborts to keep it is run again, a few times, with a short random pause. The retried run
 * reads what the other committed and answers as it would have on SQLite (a clear 409, not
 * a 500). The callback must have no effect outside the database: the app's transactions
 * only run queries; events and files come after the commit.
 */
function serializableTransactions(db: Db): void {
  const transaction = db.transaction.bind(db)
  db.transaction = () => retried(transaction().setIsolationLevel('serializable'))
}

type Builder = ReturnType<Db['transaction']>

/**
 * The builder runs its transaction again on a retryable failure; so does the builder a use
 * case gets by choosing another isolation level (a move runs READ COMMITTED behind the
 * card's row lock: see lockCard), where a deadlock is still worth one more try.
 */
function retried(builder: Builder): Builder {
  const execute = builder.execute.bind(builder)
  const setIsolationLevel = builder.setIsolationLevel.bind(builder)
  builder.execute = async <T>(callback: (trx: Transaction<Database>) => Promise<T>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await execute(callback)
      } catch (err) {
        const code = (err as { code?: unknown }).code
        if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw err
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt))
      }
    }
  }
  builder.setIsolationLevel = (level) => retried(setIsolationLevel(level))
  return builder
}

/** Pages of log after which the server's own connection checkpoints, if the worker lags. */
const BACKSTOP_PAGES = 10_000
/** Pages of log worth starting over: SQLite's own default threshold. */
const RESTART_PAGES = 1000

/**
 * SQLite checkpoints on the commit that takes the write-ahead log past 1,000 pages: that
 * one request pays for copying every page written since the last time (tens of
 * milliseconds under load: the tail of the move latency). A long-running server hands the
 * copying to a worker thread with its own connection, which runs a PASSIVE checkpoint
 * (never blocking the writer) four times a second.
 *
 * Under a steady stream of writes such a checkpoint never quite finishes (frames arrive
 * while it copies), so the log would never start over. When the worker reports a long
 * log, the server's connection checkpoints between two transactions: only the few frames
 * written since the worker's pass are left to copy, and the next write restarts the log.
 * A far higher automatic threshold stays as a backstop, and the default comes back if the
 * worker dies.
 */
interface CheckpointWorker {
  on(event: 'message', listener: (result: { log: number }) => void): void
  on(event: 'error', listener: () => void): void
  unref(): void
  terminate(): Promise<number>
}

function startCheckpointer(db: Db, sqlite: SQLite.Database, file: string) {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`)
  // Typed by hand: the web package type-checks this file under the DOM library, where
  // node:worker_threads' Worker loses its EventEmitter methods.
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads')
    const SQLite = require(workerData.driver)
    const db = new SQLite(workerData.file, { fileMustExist: true })
    db.pragma('busy_timeout = 1000')
    setInterval(() => {
      try {
        const [result] = db.pragma('wal_checkpoint(PASSIVE)')
        parentPort.postMessage(result)
      } catch {
        // Busy or closing: the next pass catches up.
      }
    }, workerData.intervalMs)
    `,
    {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs: 250 },
    },
  ) as unknown as CheckpointWorker
  let finishing = false
  worker.on('message', (result: { log: number }) => {
    if (result.log < RESTART_PAGES || finishing) return
    finishing = true
    // Through Kysely's connection lock: never inside another request's transaction.
    db.executeQuery(CompiledQuery.raw('pragma wal_checkpoint(PASSIVE)')).then(
      () => (finishing = false),
      () => (finishing = false), // busy or closed: the worker's next report tries again
    )
  })
  worker.on('error', () => {
    // The worker is gone: the connection checkpoints as SQLite does by default.
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${RESTART_PAGES}`)
  })
  worker.unref() // after the listeners, which would hold the process open otherwise
  return { stop: () => void worker.terminate() }
}

/** How many prepared statements a connection keeps: far more than the app's distinct queries. */
const STATEMENT_CACHE_SIZE = 1000

/**
 * Kysely prepares every query it runs; preparing costs as much as running a primary-key
 * lookup. The app sends the same few hundred SQL texts over and over (values travel as
 * parameters), so each text is prepared once and its statement reused, least recently
 * used first out. A statement still being iterated (a streamed query) is never shared.
 */
function withStatementCache(sqlite: SQLite.Database, onClose: () => void): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => {
      onClose()
      cache.clear()
      sqlite.close()
    },
    prepare: (sql) => {
      const cached = cache.get(sql)
      if (cached && !cached.busy) {
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      if (!cached) {
        cache.set(sql, statement)
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
      }
      return statement
    },
  }
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

/** For a promise or an event whose failure needs no handling (a closing connection). */
function ignore(): void {
  // nothing to do
}
