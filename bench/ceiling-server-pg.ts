/**
 * The ceilings on PostgreSQL, on a copy of the same database: Hono + node-postgres with
 * named prepared statements and a pool as large as the production server's. A yardstick,
 * not a design: the production server's figures on PostgreSQL are read as ratios to these
 * (issue 14).
 *
 * - `/plans/:id/board`, `/cards/:id/move`: the least a server can do; no auth, no
 *   validation, no events, the default isolation level.
 * - `/same/cards/:id/move`: the production server's own statements for an authenticated
 *   move, in its order, with the raw driver (issue 14 asks for "a ceiling doing the same
 *   queries"): the session by the cookie's hash, the card's plan and the mover's roles,
 *   then in a READ COMMITTED transaction the card's lock, the card as the board shows it,
 *   the last place of the target column, the guarded update and the log entry. No
 *   Kysely, no zod, no workflow rules, no events: what is left of the ratio is the app's
 *   own work in Node.
 *
 *   node --import tsx bench/ceiling-server-pg.ts <postgres url> <port>
 */
import { createHash, randomUUID } from 'node:crypto'
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

// The production server's statements for a move, as its query log shows them (PostgreSQL).
const same = {
  session: {
    name: 'same_session',
    text: `select s.id as "sessionId", s.expires_at, s.last_seen_at, u.id, u.login, u.display_name,
             u.is_admin, u.last_plan_id, u.must_change_password, u.deactivated_at
           from auth_session s inner join app_user u on u.id = s.user_id where s.id = $1`,
  },
  access: {
    name: 'same_access',
    text: `select plan.id, plan.school_id, plan.title, plan.school_year, plan.framework_id,
             plan.state, plan.archived_at, plan.carried_from_plan_id, school.name as school_name,
             exists (select 1 from membership m where m.school_id = plan.school_id and m.user_id = $1 and m.role = 'staff') as is_staff,
             exists (select 1 from membership m where m.school_id = plan.school_id and m.user_id = $1 and m.role = 'monitor') as is_monitor,
             exists (select 1 from membership m where m.school_id = plan.school_id and m.user_id = $1 and m.role = 'principal') as is_principal,
             exists (select 1 from oversight o inner join body_member b on b.body_id = o.body_id
                     where o.school_id = plan.school_id and b.user_id = $1) as is_overseer
           from card inner join plan on plan.id = card.plan_id inner join school on school.id = plan.school_id
           where card.id = $2 and card.deleted_at is null and plan.deleted_at is null`,
  },
  lock: { name: 'same_lock', text: 'select id from card where id = $1 for update' },
  card: {
    name: 'same_card',
    text: `select card.*, card_assignee.user_id as assignee_id,
             (select count(*) from evidence where evidence.deleted_at is null and evidence.id in
               (select own.id from evidence own where own.card_id = $1
                union all select evidence_link.evidence_id from evidence_link where evidence_link.card_id = $1)) as evidence_count,
             (select count(*) from comment where comment.card_id = $1) as comment_count,
             (select review.verdict from review where review.card_id = $1 order by review.at desc limit 1) as last_verdict
           from card left join card_assignee on card_assignee.card_id = card.id
           where card.id = $1 and card.deleted_at is null
           order by card_assignee.created_at, card_assignee.user_id`,
  },
  last: {
    name: 'same_last',
    text: `select max(position) as p from card
           where plan_id = $1 and status = $2 and deleted_at is null and id != $3`,
  },
  update: {
    name: 'same_update',
    text: `update card set status = $1, position = $2, version = version + 1, updated_at = $3
           where id = $4 and version = $5 and deleted_at is null`,
  },
  activity: {
    name: 'same_activity',
    text: `insert into activity (id, school_id, plan_id, card_id, actor_id, at, action, from_status, to_status, reason, detail)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, null, null)`,
  },
}

type Card = {
  id: string
  plan_id: string
  school_id: string
  status: string
  version: number
  position: number
}

const sessionToken = (cookie: string | undefined) =>
  /(?:^|;\s*)caitien_session=([^;]+)/.exec(cookie ?? '')?.[1]

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

  .post('/same/cards/:cardId/move', async (c) => {
    const id = c.req.param('cardId')
    const token = sessionToken(c.req.header('cookie'))
    if (!token) return c.json({ error: 'unauthenticated' }, 401)
    const hash = createHash('sha256').update(token).digest('base64url')
    const user = (await pool.query<{ id: string }>({ ...same.session, values: [hash] })).rows[0]
    if (!user) return c.json({ error: 'unauthenticated' }, 401)
    const access = (await pool.query<{ id: string }>({ ...same.access, values: [user.id, id] }))
      .rows[0]
    if (!access) return c.json({ error: 'not found' }, 404)
    const { to, version } = await c.req.json<{ to: string; version: number }>()
    const client = await pool.connect()
    try {
      await client.query('start transaction isolation level read committed')
      await client.query({ ...same.lock, values: [id] })
      const card = (await client.query<Card>({ ...same.card, values: [id] })).rows[0]
      if (!card || card.version !== version) {
        await client.query('ROLLBACK')
        if (!card) return c.json({ error: 'not found' }, 404)
        const stale = { id, status: card.status, version: card.version }
        return c.json({ error: 'version_conflict', card: stale }, 409)
      }
      const last = (
        await client.query<{ p: number | null }>({ ...same.last, values: [card.plan_id, to, id] })
      ).rows[0]
      const position = Number(last?.p ?? 0) + 1024
      const now = new Date().toISOString()
      await client.query({ ...same.update, values: [to, position, now, id, version] })
      await client.query({
        ...same.activity,
        values: [
          randomUUID(),
          card.school_id,
          card.plan_id,
          id,
          user.id,
          now,
          'start',
          card.status,
          to,
        ],
      })
      await client.query('COMMIT')
      return c.json({ card: { ...card, status: to, position, version: version + 1 } }, 200)
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
