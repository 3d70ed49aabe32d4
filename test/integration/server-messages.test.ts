import { insertTestCard } from '@caitien/server/testing'
import {
  LANGS,
  importMessages,
  planMessages,
  requestMessages,
  sessionMessages,
  type Lang,
} from '@caitien/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, type World } from '../support/world.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let cardId: string

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  cardId = await insertTestCard(server.db, world.plan)
})
afterAll(async () => {
  await server.stop()
})

/** A request as a browser set to `lang` sends it: the language cookie beside the session's. */
function ask(
  who: HttpSession | null,
  lang: Lang,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const session = who ?? httpSession(server.url)
  const cookie = [session.cookie, lang === 'en' ? 'caitien_lang=en' : ''].filter(Boolean)
  return session.request(method, path, body, {
    headers: { ...headers, ...(cookie.length ? { cookie: cookie.join('; ') } : {}) },
  })
}

// Every answer the server words itself comes from a catalogue in shared, in the user's
// language: Vietnamese by default, English with the language cookie.
const cases: [
  name: string,
  status: number,
  send: (lang: Lang) => ReturnType<typeof ask>,
  expected: (lang: Lang) => string,
][] = [
  [
    'no session',
    401,
    (lang) => ask(null, lang, 'GET', '/api/plans'),
    (lang) => requestMessages[lang].loginRequired,
  ],
  [
    'a wrong password',
    401,
    (lang) =>
      ask(null, lang, 'POST', '/api/session/login', {
        login: world.users.staff.login,
        password: 'not-the-password',
      }),
    (lang) => sessionMessages[lang].invalidCredentials,
  ],
  [
    'a cross-site POST',
    403,
    (lang) =>
      ask(
        principal,
        lang,
        'POST',
        `/api/cards/${cardId}/comments`,
        { body: 'x' },
        {
          origin: 'https://evil.example',
        },
      ),
    (lang) => requestMessages[lang].crossOrigin,
  ],
  [
    'a body that is not JSON',
    415,
    (lang) =>
      ask(principal, lang, 'POST', `/api/cards/${cardId}/comments`, 'body=x', {
        'content-type': 'text/plain',
      }),
    (lang) => requestMessages[lang].jsonOnly,
  ],
  [
    'an unknown route',
    404,
    (lang) => ask(principal, lang, 'GET', '/api/no-such-thing'),
    (lang) => requestMessages[lang].noRoute({ method: 'GET', path: '/api/no-such-thing' }),
  ],
  [
    'an unknown card',
    404,
    (lang) => ask(principal, lang, 'GET', '/api/cards/no-such-card'),
    (lang) => requestMessages[lang].notFound,
  ],
  [
    'an assignee from another school',
    400,
    (lang) =>
      ask(principal, lang, 'PUT', `/api/cards/${cardId}/assignees`, {
        version: 1,
        assigneeIds: [world.outsider.id],
      }),
    (lang) => planMessages[lang].unknownAssignee,
  ],
  [
    'a plan on an unknown framework',
    400,
    (lang) =>
      ask(principal, lang, 'POST', '/api/plans', {
        schoolId: world.schoolId,
        title: 'KH',
        schoolYear: '2026-2027',
        frameworkId: 'no-such-framework',
      }),
    (lang) => planMessages[lang].unknownFramework({ id: 'no-such-framework' }),
  ],
  [
    'an import that is not multipart',
    400,
    (lang) => ask(principal, lang, 'POST', `/api/plans/${world.plan.id}/import/preview`, {}),
    (lang) => importMessages[lang].notMultipart,
  ],
]

describe('the server answers in the user’s language, from the shared catalogues', () => {
  for (const [name, status, send, expected] of cases) {
    it.each(LANGS)(`${name}: %s`, async (lang) => {
      const res = await send(lang)
      expect({ status: res.status, message: res.body?.error?.message }).toEqual({
        status,
        message: expected(lang),
      })
    })
  }

  it.each(LANGS)(
    'words a 400 from a schema with a sentence in %s, the schema’s details after it',
    async (lang) => {
      const res = await ask(principal, lang, 'POST', `/api/cards/${cardId}/move`, {
        to: 'done',
        version: 1,
      })
      expect(res.status).toBe(400)
      const lead = requestMessages[lang].invalidInput({ detail: '' })
      expect(res.body.error.message.startsWith(lead)).toBe(true)
      expect(res.body.error.message).toMatch(/json: to: /)
    },
  )

  it('refuses a too long plan file in one language, not in both at once', async () => {
    const csv = `Tiêu chí,Công việc cần thực hiện\n${'1.1,Việc\n'.repeat(4_500)}`
    const upload = (lang: Lang) => {
      const form = new FormData()
      form.set('file', new Blob([csv]), 'plan.csv')
      return ask(principal, lang, 'POST', `/api/plans/${world.plan.id}/import/preview`, form)
    }
    const [vi, en] = [await upload('vi'), await upload('en')]
    expect([vi.status, vi.body.error.code, en.status]).toEqual([422, 'too_many_rows', 422])
    expect(vi.body.error.message).toMatch(/^Bảng kế hoạch có hơn 2000 dòng.*\(> \d+ dòng\)$/)
    expect(vi.body.error.message).not.toMatch(/\b(rows|lines)\b/)
    expect(en.body.error.message).toMatch(
      /^The plan table has more than 2000 rows.*\(> \d+ lines\)$/,
    )
    expect(en.body.error.message).not.toMatch(/dòng/)
  })
})
