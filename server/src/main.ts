import { existsSync } from 'node:fs'
import { createServer, type RequestListener, type ServerOptions } from 'node:http'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { openDatabase } from './boot.ts'
import { DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_PASSWORD } from './demo/seed-demo.ts'
import { databaseLocation, describeDatabase, readEnv } from './env.ts'
import { createPlanEvents } from './events/plan-events.ts'
import { createSharedPlanEvents } from './events/shared-plan-events.ts'
import { withCompression } from './http-compression.ts'
import { createFileStore } from './evidence/file-store.ts'
import { startEvidenceSweeper } from './evidence/sweep-files.ts'
import { startPlanPurge } from './plans/plan-life.ts'
import { startSnapshotScheduler } from './snapshots/snapshot-service.ts'

const env = readEnv()
const fixedNow = env.CAITIEN_NOW ? new Date(env.CAITIEN_NOW) : undefined
const now = () => fixedNow ?? new Date()
const database = databaseLocation(env)
const { db, seeded } = await openDatabase({
  database,
  demo: !env.CAITIEN_NO_DEMO,
  now: now(),
  backgroundCheckpoints: true,
})
const defaultDist = fileURLToPath(new URL('../../web/dist', import.meta.url))
const webDist = env.CAITIEN_WEB_DIST ?? (existsSync(defaultDist) ? defaultDist : undefined)
const files = createFileStore(env.CAITIEN_EVIDENCE_DIR)
// Nothing is uploading before the server listens: every temporary file is a dead upload.
// On PostgreSQL other server processes may share the folder and be uploading: only
// temporary files older than an hour are dead.
const partials = await files.removePartialUploads(
  database.url === undefined ? undefined : new Date(now().getTime() - 3_600_000),
)
if (partials) console.log(`removed ${partials} partial uploads left by an earlier run`)
// Several server processes may share a PostgreSQL database: board events go through it.
const events =
  database.url === undefined
    ? createPlanEvents()
    : await createSharedPlanEvents(database.url, (line) => console.log(line))
const app = createApp({
  db,
  events,
  now,
  secureCookies: env.CAITIEN_SECURE_COOKIES,
  webDist,
  files,
  maxEvidenceBytes: env.CAITIEN_EVIDENCE_MAX_MB * 1024 * 1024,
  schoolQuotaBytes: env.CAITIEN_SCHOOL_QUOTA_MB * 1024 * 1024,
  trustProxy: env.CAITIEN_TRUST_PROXY,
  demo: env.CAITIEN_DEMO,
})

// Month-end snapshots: caught up at start (months missed while down), then every minute.
const scheduler = startSnapshotScheduler({ db, now, log: (line) => console.log(line) })
await scheduler.ready
// Evidence files no row holds any more, past the retention: at start, then daily.
const sweeper = startEvidenceSweeper({
  db,
  files,
  now,
  retentionDays: env.CAITIEN_EVIDENCE_RETENTION_DAYS,
  log: (line) => console.log(line),
})

// Plans deleted more than 30 days ago: purged at start, then hourly.
const purge = startPlanPurge({ db, now, log: (line) => console.log(line) })

const server = serve(
  {
    fetch: app.fetch,
    port: env.CAITIEN_PORT,
    hostname: env.CAITIEN_HOST,
    // Answers compressed on the way out (http-compression.ts); the options are node's.
    createServer: ((options: ServerOptions, listener: RequestListener) =>
      createServer(options, withCompression(listener))) as typeof createServer,
  },
  (info) => {
    const url = `http://localhost:${info.port}`
    const lines = [
      ``,
      `caitien is listening on ${url}`,
      `database: ${describeDatabase(database)}`,
      `evidence files: ${env.CAITIEN_EVIDENCE_DIR}`,
    ]
    if (!webDist) lines.push(`(web app not built: run "pnpm build", or "pnpm dev" for development)`)
    if (seeded) {
      lines.push(``, `Demo school created. Log in with password "${DEMO_PASSWORD}" as:`)
      if (!env.CAITIEN_DEMO)
        lines.push(`(not a demo server, CAITIEN_DEMO unset: each must choose a new password)`)
      for (const a of DEMO_ACCOUNTS)
        lines.push(`  ${a.login.padEnd(11)} ${a.displayName} (${a.title})`)
      lines.push(`  ${DEMO_ADMIN.login.padEnd(11)} ${DEMO_ADMIN.displayName}`)
    }
    console.log(lines.join('\n'))
  },
)

function shutdown() {
  scheduler.stop()
  sweeper.stop()
  purge.stop()
  server.close()
  void events.close()
  void db.destroy().then(() => process.exit(0))
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
