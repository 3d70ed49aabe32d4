import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCardInState } from '../support/cards.ts'
import { testEngine } from '../support/database.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/**
 * On PostgreSQL, the requests a school makes all day find their rows by index. A province
 * runs a thousand schools in one database: a statement that scans a whole table costs a
 * thousand times what it costs in a test, and one did (`card_id = ? OR id IN (…)` in the
 * evidence count of every move: 16 ms a move, issue 14's bench). Each statement of these
 * requests is explained with sequential scans priced out (`enable_seqscan = off`): the
 * planner then picks a scan of a whole table only where no index can serve.
 *
 * PostgreSQL only: SQLite's planner is another one, and its tables are one school's.
 */

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)]
}

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let assignee: HttpSession
let principal: HttpSession

beforeAll(async () => {
  if (testEngine !== 'pg') return
  server = await startTestServer()
  world = await buildWorld(server.db)
  assignee = httpSession(server.url)
  await assignee.login(world.users.assignee.login)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
})
afterAll(async () => {
  await server?.stop()
})

/** The tables' statements of a request that scan a whole table, by statement. */
async function scansOf(request: () => Promise<{ status: number }>, status: number) {
  const { result, queries } = await server.recordQueries(request)
  expect(result.status).toBe(status)
  const explainable = queries.filter((q) => /^\s*(select|update|delete|insert|with)\b/i.test(q.sql))
  expect(explainable.length).toBeGreaterThan(0)
  const found: { sql: string; tables: string[] }[] = []
  await server.db.transaction().execute(async (trx) => {
    await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'))
    for (const q of explainable) {
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
      )
      const tables = seqScans(rows[0]!['QUERY PLAN'][0].Plan)
      if (tables.length) found.push({ sql: q.sql.slice(0, 160), tables })
    }
  })
  return found
}

describe.skipIf(testEngine !== 'pg')('PostgreSQL: no request of the day scans a table', () => {
  it('moving a card, opening it, reading the board', async () => {
    const owner = { assigneeIds: [world.users.assignee.id], createdBy: world.users.assignee.id }
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'in_progress',
      evidence: true,
      ...owner,
    })
    await insertCardInState(server.db, world.plan, { status: 'planned', evidence: false, ...owner })
    const card = await assignee.get(`/api/cards/${cardId}`)
    const version = card.body.card.version as number
    expect(
      await scansOf(
        () => assignee.post(`/api/cards/${cardId}/move`, { to: 'evidence_submitted', version }),
        200,
      ),
    ).toEqual([])
    expect(await scansOf(() => principal.get(`/api/cards/${cardId}`), 200)).toEqual([])
    expect(await scansOf(() => principal.get(`/api/plans/${world.plan.id}/board`), 200)).toEqual([])
  })

  it('deleting an evidence item', async () => {
    const cardId = await insertCardInState(server.db, world.plan, {
      status: 'in_progress',
      evidence: true,
      assigneeIds: [world.users.assignee.id],
      createdBy: world.users.assignee.id,
    })
    const item = await server.db
      .selectFrom('evidence')
      .select('id')
      .where('card_id', '=', cardId)
      .executeTakeFirstOrThrow()
    expect(await scansOf(() => assignee.delete(`/api/evidence/${item.id}`), 200)).toEqual([])
  })

  it('runs a statement it sends again and again as a named prepared statement', async () => {
    const prepared = await server.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++)
        await trx.selectFrom('school').select('name').where('id', '=', world.schoolId).execute()
      // A text seen once stays unnamed: its lists vary (IN (…) of any length).
      await trx.selectFrom('school').select(['id', 'name']).where('id', '=', 'once').execute()
      const { rows } = await trx.executeQuery<{ name: string; statement: string }>(
        CompiledQuery.raw('select name, statement from pg_prepared_statements'),
      )
      return rows
    })
    const named = prepared.filter((r) => r.statement.includes('from "school"'))
    expect(named.map((r) => r.statement)).toEqual(['select "name" from "school" where "id" = $1'])
    expect(named[0]!.name).toMatch(/^caitien_\d+$/)
  })
})
