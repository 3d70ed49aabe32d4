import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { createApiClient } from '@caitien/server/client'
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type ThrottleRules,
} from '@caitien/server/testing'
import { dropTestDatabase, testDatabase } from './database.ts'

/**
 * The real app on a real database (a SQLite file, or on the integration-pg project a
 * PostgreSQL database of its own: support/database.ts), listening on a loopback port:
 * integration tests talk to it over HTTP exactly as a browser would.
 */
export async function startTestServer(
  options: {
    maxEvidenceBytes?: number
    schoolQuotaBytes?: number
    trustProxy?: string
    heartbeatMs?: number
    throttleRules?: Partial<ThrottleRules>
    /** Serve an existing database file (another server's) instead of a new one. */
    file?: string
    /** Run as a demo server (CAITIEN_DEMO): true unless the test says otherwise. */
    demo?: boolean
  } = {},
): Promise<TestApp & { url: string; file: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'caitien-it-'))
  const file = options.file ?? join(dir, 'caitien.sqlite')
  const database = await testDatabase(file)
  const testApp = await createTestApp({
    ...database,
    evidenceDir: join(dir, 'evidence'),
    maxEvidenceBytes: options.maxEvidenceBytes,
    schoolQuotaBytes: options.schoolQuotaBytes,
    trustProxy: options.trustProxy,
    heartbeatMs: options.heartbeatMs,
    throttleRules: options.throttleRules,
    demo: options.demo,
  })
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: testApp.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, port: info.port }),
    )
  })
  return {
    ...testApp,
    url: `http://127.0.0.1:${port}`,
    file,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await testApp.closeEvents()
      await testApp.db.destroy()
      // Another server's database (options.file) is that server's to remove.
      if (!options.file) await dropTestDatabase(database)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * An answer read without the route's types: for what the typed client cannot send (malformed
 * JSON, a missing header, hostile bytes) and for error bodies. A test reading a successful
 * answer uses `session.api` and `parseResponse` instead, typed by the route (STYLE B4).
 */
export interface HttpAnswer {
  status: number
  body: any
  headers: Headers
}

/**
 * A browser-like HTTP session: keeps its cookies, sends JSON. `api` is the app's own typed
 * client (the web's) over the same cookies: its answers are typed by route and status.
 */
export function httpSession(baseUrl: string) {
  const jar = new Map<string, string>()
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  function keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!
      const at = pair.indexOf('=')
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)]
      // A cookie deleted by the server comes back empty or already expired.
      if (value === '' || /max-age=0\b/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
  }
  /** fetch as this browser: its cookies go out, the server's come back into the jar. */
  async function sessionFetch(input: RequestInfo | URL, init: RequestInit = {}) {
    const headers = new Headers(init.headers)
    if (jar.size && !headers.has('cookie')) headers.set('cookie', cookieHeader())
    const res = await fetch(input, { ...init, headers })
    keepCookies(res)
    return res
  }
  async function request(
    method: string,
    path: string,
    body?: unknown,
    init: RequestInit = {},
  ): Promise<HttpAnswer> {
    const headers = new Headers(init.headers)
    const isForm = body instanceof FormData || body instanceof Uint8Array
    if (body !== undefined && !isForm && !headers.has('content-type')) {
      headers.set('content-type', 'application/json')
    }
    const res = await sessionFetch(baseUrl + path, {
      ...init,
      method,
      headers,
      body:
        body === undefined || isForm || typeof body === 'string'
          ? (body as BodyInit | undefined)
          : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: res.status, body: parsed, headers: res.headers }
  }
  return {
    api: createApiClient(baseUrl, { fetch: sessionFetch }),
    request,
    get: (path: string) => request('GET', path),
    post: (path: string, body?: unknown, init?: RequestInit) =>
      request('POST', path, body ?? {}, init),
    patch: (path: string, body?: unknown) => request('PATCH', path, body ?? {}),
    put: (path: string, body?: unknown) => request('PUT', path, body ?? {}),
    delete: (path: string, body?: unknown) => request('DELETE', path, body ?? {}),
    login: async (login: string, password = TEST_PASSWORD) => {
      const res = await request('POST', '/api/session/login', { login, password })
      if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status}`)
      return res
    },
    /** Every cookie as a Cookie header: the session's first. */
    get cookie() {
      return cookieHeader()
    },
    /** One cookie's value, e.g. 'caitien_session'. */
    cookieValue: (name: string) => jar.get(name),
    /** Forgets a cookie, as a browser whose user cleared it. */
    dropCookie: (name: string) => jar.delete(name),
  }
}
export type HttpSession = ReturnType<typeof httpSession>
