/**
 * The ceiling: the least a server can do for each benchmarked operation, on a copy of the
 * same database. Hono + better-sqlite3 with prepared statements; no auth, no validation.
 * Not a design to follow, a yardstick: the production server's figures are read as a ratio
 * to these. Its only events: a plan's open streams (`GET /plans/:id/events`) get one line
 * per move of that plan's cards, so a row that holds boards open beside its moves compares
 * like with like (issue 11).
 *
 *   node --import tsx bench/ceiling-server.ts <database file> <port> <evidence dir>
 */
import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { BetterSqlite3, hono, nodeServer } from './deps.ts'

const [file, portText, evidenceDir] = process.argv.slice(2)
if (!file || !portText || !evidenceDir)
  throw new Error('usage: ceiling-server.ts <db> <port> <dir>')
mkdirSync(evidenceDir, { recursive: true })

const db = new BetterSqlite3(file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 5000')

const board = db.prepare(
  'SELECT * FROM card WHERE plan_id = ? AND deleted_at IS NULL ORDER BY status, position',
)
const cardPlan = db.prepare('SELECT plan_id, school_id, status, version FROM card WHERE id = ?')
const move = db.prepare(
  'UPDATE card SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
)
const activity = db.prepare(
  `INSERT INTO activity (id, school_id, plan_id, card_id, actor_id, at, action, from_status, to_status)
   SELECT ?, school_id, plan_id, id, NULL, ?, 'move', ?, status FROM card WHERE id = ?`,
)
/** A drop before another card: that card's place and the last place above it, then the write. */
const beforePlace = db.prepare('SELECT plan_id, status, position FROM card WHERE id = ?')
const lastAbove = db.prepare(
  'SELECT max(position) AS p FROM card WHERE plan_id = ? AND status = ? AND position < ? AND id != ?',
)
const place = db.prepare(
  'UPDATE card SET status = ?, position = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
)
const moveTx = db.transaction(
  (id: string, to: string, version: number, from: string, planId: string, beforeId?: string) => {
    const now = new Date().toISOString()
    const before = beforeId
      ? (beforePlace.get(beforeId) as
          { plan_id: string; status: string; position: number } | undefined)
      : undefined
    let changed: number
    if (before && before.plan_id === planId && before.status === to) {
      const above = (lastAbove.get(planId, to, before.position, id) as { p: number | null }).p
      const position = above === null ? before.position - 1024 : (above + before.position) / 2
      changed = place.run(to, position, now, id, version).changes
    } else changed = move.run(to, now, id, version).changes
    if (changed !== 1) return false
    activity.run(randomUUID(), now, from, id)
    return true
  },
)
const insertFile = db.prepare(
  'INSERT OR IGNORE INTO evidence_file (sha256, size, mime_type, created_at) VALUES (?, ?, ?, ?)',
)
const insertEvidence = db.prepare(
  `INSERT INTO evidence (id, card_id, plan_id, school_id, kind, code, title, url, note, created_by,
     created_at, deleted_at, file_sha256, file_name, deleted_by)
   SELECT ?, id, plan_id, school_id, 'file', NULL, ?, NULL, NULL,
     (SELECT user_id FROM card_assignee WHERE card_id = card.id LIMIT 1), ?, NULL, ?, ?, NULL
   FROM card WHERE id = ?`,
)
const figures = db.prepare(
  `SELECT status, count(*) AS n, sum(CASE WHEN due_month < ? AND status != 'verified' THEN 1 ELSE 0 END) AS overdue
   FROM card WHERE plan_id = ? AND deleted_at IS NULL GROUP BY status`,
)
const planOf = db.prepare('SELECT school_id FROM plan WHERE id = ?')
const insertSnapshot = db.prepare(
  `INSERT INTO monthly_snapshot (id, plan_id, school_id, month, kind, month_end_key, taken_at, taken_by, data)
   VALUES (?, ?, ?, ?, 'on_demand', NULL, ?, NULL, ?)`,
)
const snapshot = (planId: string, schoolId: string) => {
  const now = new Date().toISOString()
  const month = now.slice(0, 7)
  const data = JSON.stringify(figures.all(month, planId))
  insertSnapshot.run(randomUUID(), planId, schoolId, month, now, data)
}

const open = new Map<string, Set<ReadableStreamDefaultController<Uint8Array>>>()
const encoder = new TextEncoder()
function tell(planId: string, event: object) {
  const line = encoder.encode(`event: card\ndata: ${JSON.stringify(event)}\n\n`)
  for (const stream of open.get(planId) ?? []) stream.enqueue(line)
}

const app = new hono.Hono()
  .get('/plans/:planId/events', (c) => {
    const planId = c.req.param('planId')
    const streams = open.get(planId) ?? new Set()
    open.set(planId, streams)
    let mine: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        mine = controller
        streams.add(controller)
        controller.enqueue(encoder.encode(': open\n\n'))
      },
      cancel() {
        streams.delete(mine)
      },
    })
    return new Response(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
    })
  })
  .get('/plans/:planId/board', (c) => c.json({ cards: board.all(c.req.param('planId')) }))
  .post('/cards/:cardId/move', async (c) => {
    const id = c.req.param('cardId')
    const { to, version, beforeCardId } = await c.req.json<{
      to: string
      version: number
      beforeCardId?: string
    }>()
    const row = cardPlan.get(id) as { plan_id: string; status: string; version: number } | undefined
    if (!row) return c.json({ error: 'not found' }, 404)
    if (moveTx(id, to, version, row.status, row.plan_id, beforeCardId)) {
      tell(row.plan_id, { planId: row.plan_id, cardId: id, version: version + 1, status: to })
      return c.json({ card: { id, status: to, version: version + 1 } }, 200)
    }
    const now = cardPlan.get(id) as { status: string; version: number }
    return c.json(
      { error: 'version_conflict', card: { id, status: now.status, version: now.version } },
      409,
    )
  })
  .post('/cards/:cardId/evidence/files', async (c) => {
    const id = c.req.param('cardId')
    const name = c.req.query('name') ?? 'file'
    const tmp = join(evidenceDir, `.${randomUUID()}`)
    const hash = createHash('sha256')
    let size = 0
    const body = Readable.fromWeb(c.req.raw.body! as WebReadableStream<Uint8Array>)
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      size += chunk.length
    })
    await pipeline(body, createWriteStream(tmp))
    const sha = hash.digest('hex')
    renameSync(tmp, join(evidenceDir, sha))
    const now = new Date().toISOString()
    insertFile.run(sha, size, 'application/pdf', now)
    insertEvidence.run(randomUUID(), name, now, sha, name, id)
    return c.json({ evidence: { sha256: sha, size } }, 201)
  })
  .post('/plans/:planId/snapshots', (c) => {
    const planId = c.req.param('planId')
    const plan = planOf.get(planId) as { school_id: string }
    snapshot(planId, plan.school_id)
    return c.json({ ok: true }, 201)
  })
  .post('/district/snapshots', async (c) => {
    const { planIds } = await c.req.json<{ planIds: string[] }>()
    db.transaction(() => {
      for (const id of planIds) snapshot(id, (planOf.get(id) as { school_id: string }).school_id)
    })()
    return c.json({ plans: planIds.length }, 201)
  })

nodeServer.serve({ fetch: app.fetch, port: Number(portText), hostname: '127.0.0.1' }, (info) => {
  console.log(`ceiling listening on ${info.port}`)
})
process.on('SIGTERM', () => {
  db.close()
  process.exit(0)
})
