import type { Db } from '@caitien/db'
import type { Lang } from '@caitien/shared'
import type { FileStore } from './evidence/file-store.ts'
import type { PlanEvents } from './events/plan-events.ts'
import type { LoginThrottle } from './auth/login-throttle.ts'
import type { TrustedProxies } from './auth/client-address.ts'
import type { BoardCache } from './plans/board-cache.ts'

export interface SessionUser {
  id: string
  login: string
  displayName: string
  isAdmin: boolean
  /** A one-time password was used: nothing but the password change until a new one is set. */
  mustChangePassword: boolean
  sessionId: string
  /** The plan whose board they opened last (app_user.last_plan_id). */
  lastPlanId: string | null
}

export interface AppDeps {
  db: Db
  events?: PlanEvents
  /** The clock: tests and the demo seed pass a fixed one. */
  now?: () => Date
  secureCookies?: boolean
  /** The built web app to serve on the same port, if any. */
  webDist?: string
  /** Where evidence files are stored (never a served folder). */
  files: FileStore
  /** The largest evidence file accepted, in bytes (20 MB by default). */
  maxEvidenceBytes?: number
  /** Evidence storage per school, in bytes (2048 MB by default). */
  schoolQuotaBytes?: number
  loginThrottle?: LoginThrottle
  boardCache?: BoardCache
  /** CAITIEN_TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed. */
  trustProxy?: string
  /** How often an open event stream re-checks its session and pings (25 s). */
  heartbeatMs?: number
  /**
   * Runs as a public demo (CAITIEN_DEMO, set by `pnpm start`): the demo accounts keep the
   * demo password. Otherwise a login with it must choose a new password first.
   */
  demo?: boolean
}

export interface AppEnv {
  Variables: {
    db: Db
    events: PlanEvents
    now: () => Date
    lang: Lang
    user: SessionUser
    secureCookies: boolean
    files: FileStore
    maxEvidenceBytes: number
    schoolQuotaBytes: number
    loginThrottle: LoginThrottle
    boardCache: BoardCache
    trustedProxies: TrustedProxies | undefined
    heartbeatMs: number
    demo: boolean
  }
}
