import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** A query's varying values, by name. Only scalars: a list would change the SQL's shape. */
type Params = Record<string, string | number | null>

/** Stands for a named value while the query is built; typed as the value it stands for. */
export type Param<P extends Params> = <K extends keyof P & string>(name: K) => P[K]

const MARK = '\u0000caitien-param:'

interface Compiled<R> {
  query: CompiledQuery<R>
  /** For each parameter of the compiled query: the name of the value it takes, or null (a constant). */
  slots: (string | null)[]
}

/**
 * A query built and compiled once, then run many times with new values. Kysely builds and
 * compiles a query on every call, which costs more than SQLite takes to run a lookup by key
 * (docs/decisions/012); the hottest queries (the session, access checks, a move) are
 * templates. `build` must be pure: every value that varies is a `param`, anything else is
 * frozen into the template. The compiled form is kept per dialect (a transaction shares its
 * database's), so the same template serves SQLite and PostgreSQL.
 *
 *   const cardById = queryTemplate((db, p: Param<{ cardId: string }>) =>
 *     db.selectFrom('card').selectAll().where('id', '=', p('cardId')))
 *   const card = await cardById.first(trx, { cardId })
 */
export function queryTemplate<P extends Params, R>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<R>,
) {
  const byDialect = new WeakMap<object, Compiled<R>>()

  function compiledFor(db: Kysely<Database>): Compiled<R> {
    const adapter = db.getExecutor().adapter
    let compiled = byDialect.get(adapter)
    if (!compiled) {
      const query = build(db, ((name: string) => `${MARK}${name}`) as Param<P>).compile()
      if (query.sql.includes(MARK)) {
        throw new Error(`queryTemplate: a param was written into the SQL text: ${query.sql}`)
      }
      const slots = query.parameters.map((v) =>
        typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : null,
      )
      compiled = { query, slots }
      byDialect.set(adapter, compiled)
    }
    return compiled
  }

  async function execute(db: Kysely<Database>, params: P) {
    const { query, slots } = compiledFor(db)
    const parameters = query.parameters.map((constant, i) => {
      const name = slots[i]
      if (name === null || name === undefined) return constant
      const value = params[name]
      if (value === undefined) throw new Error(`queryTemplate: no value for "${name}"`)
      return value
    })
    return db.executeQuery<R>({ ...query, parameters })
  }

  return {
    /** Every row. */
    all: async (db: Kysely<Database>, params: P): Promise<R[]> => (await execute(db, params)).rows,
    /** The first row, or undefined. */
    first: async (db: Kysely<Database>, params: P): Promise<R | undefined> =>
      (await execute(db, params)).rows[0],
    /** An INSERT, UPDATE or DELETE: how many rows it changed. */
    run: async (db: Kysely<Database>, params: P): Promise<number> =>
      Number((await execute(db, params)).numAffectedRows ?? 0),
  }
}
