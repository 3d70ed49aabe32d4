import { createDb, migrateToLatest, type Db } from '@caitien/db'
import type { BodyKind, SchoolRole } from '@caitien/shared'
import { insertBody, insertBodyMembers, insertOversight } from '../oversight/body.repository.ts'
import type { CompiledQuery, LogEvent } from 'kysely'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { createLoginThrottle, type ThrottleRules } from '../auth/login-throttle.ts'
import { createFileStore } from '../evidence/file-store.ts'
import { createPlanEvents } from '../events/plan-events.ts'
import { createSharedPlanEvents } from '../events/shared-plan-events.ts'
import { loadFrameworks, readBuiltinFrameworks } from '../frameworks/framework-catalog.ts'
import { insertMembership, insertSchool, insertUser } from '../schools/account.repository.ts'
import { createCard } from '../cards/create-card.ts'
import { insertPlan } from '../plans/plan.repository.ts'

export const TEST_PASSWORD = 'test-password-1'

/**
 * A real app over a real migrated database (SQLite or PostgreSQL), with a
 * query counter and a settable clock. Requests go through app.request, cookies included.
 */
export async function createTestApp(
  options: {
    /** A SQLite file or ':memory:' (the default). */
    file?: string
    /** A PostgreSQL database instead (already created; migrated here). */
    url?: string
    now?: Date
    evidenceDir?: string
    maxEvidenceBytes?: number
    schoolQuotaBytes?: number
    /** CAITIEN_TRUST_PROXY's text: addresses whose X-Forwarded-For is believed. */
    trustProxy?: string
    /** How often an open event stream checks its session and sends a ping. */
    heartbeatMs?: number
    /** Smaller login throttle allowances, where reaching the real ones takes too long. */
    throttleRules?: Partial<ThrottleRules>
    /** Run as a demo server (CAITIEN_DEMO); true unless a test says otherwise. */
    demo?: boolean
  } = {},
) {
  let queries = 0
  let recording: CompiledQuery[] | null = null
  const db = createDb({
    ...(options.url ? { url: options.url } : { file: options.file ?? ':memory:' }),
    onQuery: (e: LogEvent) => {
      if (e.level !== 'query') return
      queries++
      recording?.push(e.query)
    },
  })
  await migrateToLatest(db)
  let now = options.now ?? new Date('2026-11-15T03:00:00Z')
  // On PostgreSQL, through LISTEN/NOTIFY as a production server does (docs/decisions/028).
  const events = options.url ? await createSharedPlanEvents(options.url) : createPlanEvents()
  const evidenceDir = options.evidenceDir ?? mkdtempSync(join(tmpdir(), 'caitien-evidence-'))
  const files = createFileStore(evidenceDir)
  const app = createApp({
    db,
    events,
    now: () => now,
    files,
    maxEvidenceBytes: options.maxEvidenceBytes,
    schoolQuotaBytes: options.schoolQuotaBytes,
    trustProxy: options.trustProxy,
    heartbeatMs: options.heartbeatMs,
    loginThrottle: createLoginThrottle(options.throttleRules),
    demo: options.demo ?? true,
  })
  return {
    db,
    app,
    events,
    /** Stops listening for other processes' events (PostgreSQL); call before db.destroy(). */
    closeEvents: () => events.close(),
    evidenceDir,
    files,
    setNow: (d: Date) => {
      now = d
    },
    now: () => now,
    countQueries: async <T>(fn: () => Promise<T>) => {
      const before = queries
      const result = await fn()
      return { result, queries: queries - before }
    },
    /** Every statement the app sent while `fn` ran, with its parameters (one at a time). */
    recordQueries: async <T>(fn: () => Promise<T>) => {
      const list: CompiledQuery[] = []
      recording = list
      try {
        return { result: await fn(), queries: list }
      } finally {
        recording = null
      }
    },
  }
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>

let counter = 0
const unique = (prefix: string) => `${prefix}${++counter}`

export async function insertTestSchool(db: Db, name = unique('Trường ')) {
  return insertSchool(db, { name, schoolLevel: 'secondary', now: new Date().toISOString() })
}

export async function insertTestUser(
  db: Db,
  schoolId: string | null,
  roles: SchoolRole[],
  overrides: { login?: string; isAdmin?: boolean } = {},
) {
  const login = overrides.login ?? unique('user')
  const id = await insertUser(db, {
    login,
    displayName: login,
    password: TEST_PASSWORD,
    isAdmin: overrides.isAdmin,
    now: new Date().toISOString(),
  })
  if (schoolId)
    await insertMembership(db, { schoolId, userId: id, roles, now: new Date().toISOString() })
  return { id, login }
}

export async function insertTestPlan(db: Db, schoolId: string, schoolYear = '2026-2027') {
  const id = crypto.randomUUID()
  const now = new Date().toISOString()
  await insertPlan(db, {
    id,
    schoolId,
    title: 'Kế hoạch thử',
    schoolYear,
    frameworkId: null,
    now,
  })
  return { id, school_id: schoolId, school_year: schoolYear }
}

export async function insertTestCard(
  db: Db,
  plan: { id: string; school_id: string; school_year: string },
  overrides: {
    assigneeIds?: string[]
    criterion?: string
    tasks?: string
    timeframe?: string
  } = {},
) {
  const result = await createCard(db, {
    plan,
    fields: {
      standard: (overrides.criterion ?? '1.1').split('.')[0],
      criterion: overrides.criterion ?? '1.1',
      tasks: overrides.tasks ?? 'Rà soát kế hoạch',
      timeframe: overrides.timeframe ?? 'Tháng 9/2026 đến tháng 5/2027',
    },
    assigneeIds: overrides.assigneeIds ?? [],
    actor: null,
    now: new Date().toISOString(),
  })
  if (!result.ok) throw new Error('insertTestCard failed')
  return result.cardId
}

export { createFileStore } from '../evidence/file-store.ts'
export { DEFAULT_THROTTLE_RULES, type ThrottleRules } from '../auth/login-throttle.ts'
export { catchUpSnapshots } from '../snapshots/snapshot-service.ts'
export { purgeDeletedPlans } from '../plans/plan-life.ts'

/** The criteria frameworks shipped with the app, stored as a started server stores them. */
export async function loadShippedFrameworks(db: Db) {
  return loadFrameworks(db, readBuiltinFrameworks(), new Date().toISOString())
}

/** The official documents' renderers, pure functions of their typed input. */
export { renderBieu2, type Bieu2Document } from '../documents/bieu-2.ts'
export {
  renderCheckpointReport,
  type CheckpointReportDocument,
} from '../documents/checkpoint-report.ts'
export { runAlone } from '../job-lock.repository.ts'

/** An overseeing body over these schools (docs/decisions/029). */
export async function insertTestBody(
  db: Db,
  schoolIds: readonly string[],
  kind: BodyKind = 'commune_office',
  name = unique('Phòng Văn hóa - Xã hội '),
) {
  const now = new Date().toISOString()
  const id = await insertBody(db, { kind, name, now })
  await insertOversight(
    db,
    schoolIds.map((schoolId) => ({ bodyId: id, schoolId })),
    now,
  )
  return id
}

/** An overseer account of a body, with the test password. */
export async function insertTestOverseer(db: Db, bodyId: string, isLead = false) {
  const login = unique('overseer')
  const id = await insertUser(db, {
    login,
    displayName: login,
    password: TEST_PASSWORD,
    now: new Date().toISOString(),
  })
  await insertBodyMembers(db, [{ bodyId, userId: id, isLead }], new Date().toISOString())
  return { id, login }
}
