import { isAbsolute, relative, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps, AppEnv } from './app-env.ts'
import { createLoginThrottle } from './auth/login-throttle.ts'
import { parseTrustedProxies } from './auth/client-address.ts'
import { createBoardCache } from './plans/board-cache.ts'
import { createPlanEvents } from './events/plan-events.ts'
import { requestMessages } from '@caitien/shared'
import { ApiException, wordedBy } from './http-error.ts'
import { handleError, handleNotFound } from './middleware/error-handler.ts'
import { requireSameOrigin } from './middleware/same-origin.ts'
import { requireSession } from './middleware/require-session.ts'
import { refuseNulCharacters } from './middleware/refuse-nul.ts'
import { adminRoutes } from './routes/admin.ts'
import { cardRoutes } from './routes/cards.ts'
import { checkpointRoutes } from './routes/checkpoints.ts'
import { planDocumentRoutes } from './routes/documents.ts'
import { cardEvidenceRoutes, evidenceRoutes, planEvidenceRoutes } from './routes/evidence.ts'
import { frameworkRoutes } from './routes/frameworks.ts'
import { MAX_IMPORT_BYTES, importRoutes } from './routes/imports.ts'
import { peopleRoutes } from './routes/people.ts'
import { planRoutes } from './routes/plans.ts'
import { inboxRoutes, reviewQueueRoutes } from './routes/reviews.ts'
import { schoolCalendarRoutes } from './routes/school-calendars.ts'
import { sessionRoutes } from './routes/session.ts'
import { schoolYearsRoutes } from './routes/school-years.ts'
import { snapshotRoutes } from './routes/snapshots.ts'

/** JSON bodies are small; files (later) get their own streamed limit. */
const JSON_BODY_LIMIT = 1024 * 1024
export const DEFAULT_MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
export const DEFAULT_SCHOOL_QUOTA_BYTES = 2048 * 1024 * 1024
/** Under the 30-60 s idle timeouts of common proxies. */
const DEFAULT_HEARTBEAT_MS = 25_000

const UPLOAD_PATH = /\/(import\/(preview|confirm|read)|evidence\/files)$/

/**
 * A body on a JSON route must say it is JSON. Without this, Hono's validator reads a
 * text/plain body as {}, and a form another site posts would pass as an empty command.
 */
function requireJsonBodies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hasBody =
      Number(c.req.header('content-length') ?? 0) > 0 ||
      c.req.header('transfer-encoding') !== undefined
    if (hasBody && !UPLOAD_PATH.test(c.req.path)) {
      const type = c.req.header('content-type') ?? ''
      if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
        throw new ApiException(
          415,
          'unsupported_type',
          wordedBy(requestMessages, (m) => m.jsonOnly),
        )
      }
    }
    await next()
  }
}

/** The only place routes are assembled (STYLE B4). Deps in, app out: tests pass their own. */
export function createApp(deps: AppDeps) {
  const events = deps.events ?? createPlanEvents()
  const now = deps.now ?? (() => new Date())
  const loginThrottle = deps.loginThrottle ?? createLoginThrottle()
  const boardCache = deps.boardCache ?? createBoardCache()
  const trustedProxies = parseTrustedProxies(deps.trustProxy)
  const api = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('db', deps.db)
      c.set('events', events)
      c.set('now', now)
      c.set('secureCookies', deps.secureCookies ?? false)
      c.set('files', deps.files)
      c.set('loginThrottle', loginThrottle)
      c.set('boardCache', boardCache)
      c.set('trustedProxies', trustedProxies)
      c.set('heartbeatMs', deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS)
      c.set('demo', deps.demo ?? false)
      c.set('maxEvidenceBytes', deps.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES)
      c.set('schoolQuotaBytes', deps.schoolQuotaBytes ?? DEFAULT_SCHOOL_QUOTA_BYTES)
      c.set('lang', getCookie(c, 'caitien_lang') === 'en' ? 'en' : 'vi')
      c.header('Cache-Control', 'no-store')
      await next()
    })
    .use(requireSameOrigin())
    .use(requireJsonBodies())
    .use(async (c, next) => {
      // Evidence files stream to disk under their own limit (routes/evidence.ts).
      if (c.req.path.endsWith('/evidence/files')) return next()
      const upload = /\/import\/(preview|confirm|read)$/.test(c.req.path)
      const maxSize = upload ? MAX_IMPORT_BYTES + 64 * 1024 : JSON_BODY_LIMIT
      return bodyLimit({
        maxSize,
        onError: () => {
          throw new ApiException(
            413,
            'payload_too_large',
            wordedBy(requestMessages, (m) => m.bodyTooLarge({ mb: maxSize >> 20 })),
          )
        },
      })(c, next)
    })
    .use(refuseNulCharacters())
    .route('/session', sessionRoutes)
    .use(requireSession())
    .route('/plans', planRoutes)
    .route('/plans', importRoutes)
    .route('/plans', reviewQueueRoutes)
    .route('/plans', snapshotRoutes)
    .route('/plans', planEvidenceRoutes)
    .route('/plans', checkpointRoutes)
    .route('/plans', planDocumentRoutes)
    .route('/inbox', inboxRoutes)
    .route('/cards', cardRoutes)
    .route('/cards', cardEvidenceRoutes)
    .route('/evidence', evidenceRoutes)
    .route('/frameworks', frameworkRoutes)
    .route('/schools', peopleRoutes)
    .route('/schools', schoolYearsRoutes)
    .route('/schools', schoolCalendarRoutes)
    .route('/admin', adminRoutes)

  const appHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      frameSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
    referrerPolicy: 'same-origin',
  })
  // An evidence file is shown inside the app (PDF in a frame, images): it may be framed by
  // our own pages only, may load nothing itself, and runs sandboxed (a unique origin, no
  // scripts) even when opened on its own. These are the file's only CSP: set after the route.
  const fileHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      imgSrc: ["'self'"],
      styleSrc: ["'unsafe-inline'"],
      frameAncestors: ["'self'"],
      sandbox: [],
    },
    referrerPolicy: 'same-origin',
    xFrameOptions: 'SAMEORIGIN',
  })
  const app = new Hono<AppEnv>()
    .use((c, next) =>
      /^\/api\/evidence\/[^/]+\/file(\/[^/]+)?$/.test(c.req.path)
        ? fileHeaders(c, next)
        : appHeaders(c, next),
    )
    .onError(handleError)
    .route('/api', api)
    .notFound(handleNotFound)

  if (deps.webDist) mountWeb(app, deps.webDist)
  return app
}

/** Serves the built web app; unknown non-API paths get index.html (client routing). */
function mountWeb(app: Hono<AppEnv>, webDist: string) {
  const root = relative(process.cwd(), resolve(webDist))
  if (isAbsolute(root)) throw new Error(`web dist ${webDist} must be on the same drive`)
  app.use('/assets/*', async (c, next) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    await next()
  })
  app.use('*', serveStatic({ root }))
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    c.header('Cache-Control', 'no-cache')
    return serveStatic({ root, path: 'index.html' })(c, next)
  })
}

export type AppType = ReturnType<typeof createApp>
