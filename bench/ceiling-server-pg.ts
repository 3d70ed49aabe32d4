/**
 * The ceiling on PostgreSQL: the least a server can do for a board read and a move, on a
 * copy of the same database. Hono + node-postgres with named prepared statements, a pool
 * as large as the production server's, the default isolation level; no auth, no
 * validation, no events. A yardstick, not a design: the production server's figures on
 * PostgreSQL are read as a ratio to these (issue 14).
 *
 *   node --import tsx bench/ceiling-server-pg.ts <postgres url> <port>
 */
import { randomUUID } from 'node:crypto'
import { hono, nodeServer, pg } from './deps.ts'

const [url, portText] = process.argv.slice(2)
if (!url || !portText) throw new Error('usage: ceiling-server-pg.ts <url> <port>')

const pool = new pg.Pool({ connectionString: url, max: 10 })

const board = {
  name: 'board',
  text: 'SELECT * FROM card WHERE plan_id = $1 AND deleted_at IS NULL ORDER BY status, position',
}
const cardPlan = {
  name: 'card_plan',
  text: 'SELECT plan_id, status, version FROM card WHERE id = $1',
}
const move = {
  name: 'move',
  text: 'UPDATE card SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4',
}
const activity = {
  name: 'activity',
  text: `INSERT INTO activity (id, school_id, plan_id, card_id, actor_id, at, action, from_status, to_status)
         SELECT $1, school_id, plan_id, id, NULL, $2, 'move', $3, status FROM card WHERE id = $4`,
}

type CardPlan = { plan_id: string; status: string; version: number }

const app = new hono.Hono()
  .get('/plans/:planId/board', async (c) => {
    const { rows } = await pool.query({ ...board, values: [c.req.param('planId')] })
    return c.json({ cards: rows })
  })
  .post('/cards/:cardId/move', async (c) => {
    const id = c.req.param('cardId')
    const { to, version } = await c.req.json<{ to: string; version: number }>()
    const client = await pool.connect()
    try {
      const row = (await client.query<CardPlan>({ ...cardPlan, values: [id] })).rows[0]
      if (!row) return c.json({ error: 'not found' }, 404)
      const now = new Date().toISOString()
      await client.query('BEGIN')
      const changed = (await client.query({ ...move, values: [to, now, id, version] })).rowCount
      if (changed === 1) {
        await client.query({ ...activity, values: [randomUUID(), now, row.status, id] })
        await client.query('COMMIT')
        return c.json({ card: { id, status: to, version: version + 1 } }, 200)
      }
      await client.query('ROLLBACK')
      const current = (await client.query<CardPlan>({ ...cardPlan, values: [id] })).rows[0]!
      return c.json(
        {
          error: 'version_conflict',
          card: { id, status: current.status, version: current.version },
        },
        409,
      )
    } finally {
      client.release()
    }
  })

nodeServer.serve({ fetch: app.fetch, port: Number(portText), hostname: '127.0.0.1' }, (info) => {
  console.log(`ceiling listening on ${info.port}`)
})
process.on('SIGTERM', () => {
  void pool.end().then(() => process.exit(0))
})
