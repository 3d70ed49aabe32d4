import { insertTestCard, insertTestPlan } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/** GET /api/plans/:planId/evidence: the plan's items for the "link existing evidence" picker. */

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
const s = {} as Record<'assignee' | 'staff' | 'principal' | 'outsider', HttpSession>

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`)

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  for (const key of ['assignee', 'staff', 'principal'] as const) {
    s[key] = httpSession(server.url)
    await s[key].login(world.users[key].login)
  }
  s.outsider = httpSession(server.url)
  await s.outsider.login(world.outsider.login)
})
afterAll(async () => {
  await server.stop()
})

type Plan = World['plan']

function card(plan: Plan, criterion: string, tasks = `Hoạt động của tiêu chí ${criterion}`) {
  return insertTestCard(server.db, plan, {
    criterion,
    tasks,
    assigneeIds: [world.users.assignee.id],
  })
}

async function note(cardId: string, title: string) {
  const res = await s.assignee.post(`/api/cards/${cardId}/evidence`, {
    kind: 'note',
    title,
    note: 'Nội dung',
  })
  expect(res.status).toBe(201)
  return res.body.evidence as { id: string; code: string }
}

async function link(cardId: string, evidenceId: string) {
  const res = await s.assignee.post(`/api/cards/${cardId}/evidence/links`, { evidenceId })
  expect(res.status).toBe(201)
}

interface Item {
  id: string
  code: string | null
  title: string
  kind: string
  url: string | null
  file: { name: string; mimeType: string; size: number } | null
  card: { id: string; criterion: string | null; title: string }
  linkedCardIds: string[]
}

async function list(who: HttpSession, planId: string, q?: string) {
  const query = q === undefined ? '' : `?q=${encodeURIComponent(q)}`
  return who.get(`/api/plans/${planId}/evidence${query}`)
}

describe('the plan evidence list', () => {
  let plan: Plan
  let first: string
  let second: string
  let tenth: string
  let fileId: string

  beforeAll(async () => {
    plan = await insertTestPlan(server.db, world.schoolId)
    first = await card(plan, '1.9', 'Tổ chức tư vấn học đường\nchi tiết')
    second = await card(plan, '2.1', 'Bồi dưỡng giáo viên')
    tenth = await card(plan, '1.10', 'Kiểm kê thư viện')
    const file = await s.assignee.request(
      'POST',
      `/api/cards/${first}/evidence/files?name=${encodeURIComponent('Biên bản họp tổ.pdf')}`,
      PDF('bien ban'),
      { headers: { 'content-type': 'application/octet-stream' } },
    )
    expect(file.status).toBe(201)
    fileId = file.body.evidence.id
    const url = await s.assignee.post(`/api/cards/${second}/evidence`, {
      kind: 'link',
      title: 'Danh sách lớp bồi dưỡng',
      url: 'https://truong.edu.vn/boi-duong',
    })
    expect(url.status).toBe(201)
    await note(tenth, 'Sổ kiểm kê')
    await link(second, fileId)
    await link(tenth, fileId)
    // Deleted items and items of deleted cards are not offered.
    const gone = await note(second, 'Đã xoá')
    expect((await s.assignee.delete(`/api/evidence/${gone.id}`)).status).toBe(200)
    const deletedCard = await card(plan, '1.1')
    await note(deletedCard, 'Thẻ đã xoá')
    expect((await s.principal.delete(`/api/cards/${deletedCard}`, { version: 1 })).status).toBe(200)
  })

  it('gives any member every live item with its code, file, card and the cards it is linked to', async () => {
    // A member of the school who works on none of these cards may still read it.
    const res = await list(s.staff, plan.id)
    expect(res.status).toBe(200)
    const items = res.body.items as Item[]
    // By criterion in the plan's order: 1.9, 1.10, 2.1.
    expect(items.map((i) => i.code)).toEqual(['[H1-1.9-01]', '[H1-1.10-01]', '[H2-2.1-01]'])
    // Links made in the same instant (the test clock stands still) come in no set order.
    items[0]!.linkedCardIds.sort()
    expect(items[0]).toEqual({
      id: fileId,
      code: '[H1-1.9-01]',
      title: 'Biên bản họp tổ.pdf',
      kind: 'file',
      url: null,
      file: {
        name: 'Biên bản họp tổ.pdf',
        mimeType: 'application/pdf',
        size: PDF('bien ban').length,
      },
      card: { id: first, standard: '1', criterion: '1.9', title: 'Tổ chức tư vấn học đường' },
      linkedCardIds: [second, tenth].sort(),
    })
    expect(items[2]).toMatchObject({
      kind: 'link',
      title: 'Danh sách lớp bồi dưỡng',
      url: 'https://truong.edu.vn/boi-duong',
      file: null,
      card: { id: second, criterion: '2.1', title: 'Bồi dưỡng giáo viên' },
      linkedCardIds: [],
    })
    expect(items[1]).toMatchObject({ kind: 'note', title: 'Sổ kiểm kê', card: { id: tenth } })
  })

  it('searches code, title, file name and criterion, ignoring case and diacritics', async () => {
    const codes = async (q: string) => {
      const res = await list(s.assignee, plan.id, q)
      expect(res.status).toBe(200)
      return (res.body.items as Item[]).map((i) => i.code)
    }
    expect(await codes('bien BAN')).toEqual(['[H1-1.9-01]'])
    expect(await codes('h2-2.1')).toEqual(['[H2-2.1-01]'])
    expect(await codes('1.10')).toEqual(['[H1-1.10-01]'])
    expect(await codes('kiem ke')).toEqual(['[H1-1.10-01]'])
    expect(await codes('tu van')).toEqual(['[H1-1.9-01]'])
    expect(await codes('  ')).toHaveLength(3)
    expect(await codes('không có gì như thế')).toEqual([])
    const long = await list(s.assignee, plan.id, 'x'.repeat(201))
    expect(long.status).toBe(400)
    expect(long.body.error.code).toBe('bad_request')
  })

  it('answers 404 to another school and to an unknown plan, 401 without a session', async () => {
    const outsider = await list(s.outsider, plan.id)
    expect(outsider.status).toBe(404)
    expect(outsider.body.error.code).toBe('not_found')
    expect(JSON.stringify(outsider.body)).not.toContain('Biên bản')
    expect((await list(s.principal, world.otherPlan.id)).status).toBe(404)
    expect((await list(s.principal, crypto.randomUUID())).status).toBe(404)
    const anonymous = await fetch(`${server.url}/api/plans/${plan.id}/evidence`)
    expect(anonymous.status).toBe(401)
  })

  it('takes the same number of queries for 3 items and for 30', async () => {
    async function fill(n: number) {
      const p = await insertTestPlan(server.db, world.schoolId)
      const cards = [await card(p, '1.1'), await card(p, '2.2'), await card(p, '3.3')]
      const ids: string[] = []
      for (let i = 0; i < n; i++) ids.push((await note(cards[i % 3]!, `Minh chứng ${i}`)).id)
      // Every item linked to the next card, so the links are many too.
      for (const [i, id] of ids.entries()) await link(cards[(i + 1) % 3]!, id)
      return p
    }
    const small = await fill(3)
    const large = await fill(30)
    const read = (planId: string) => server.countQueries(() => list(s.principal, planId))
    const a = await read(small.id)
    const b = await read(large.id)
    expect(a.result.body.items).toHaveLength(3)
    expect(b.result.body.items).toHaveLength(30)
    expect((b.result.body.items as Item[]).every((i) => i.linkedCardIds.length === 1)).toBe(true)
    expect(b.queries).toBe(a.queries)
    expect(a.queries).toBeLessThanOrEqual(5)
  })

  it('shows a new link at once, the item keeping the code of the card it came from', async () => {
    const p = await insertTestPlan(server.db, world.schoolId)
    const a = await card(p, '4.1')
    const b = await card(p, '4.2')
    const item = await note(b, 'Kế hoạch chung')
    await link(a, item.id)
    // Linking it again is refused in the user's language: the picker shows the message as is.
    const again = await s.assignee.post(`/api/cards/${a}/evidence/links`, { evidenceId: item.id })
    expect(again.status).toBe(409)
    expect(again.body.error).toEqual({
      code: 'conflict',
      message: 'Minh chứng này đã có trên thẻ.',
    })
    const english = await fetch(`${server.url}/api/cards/${a}/evidence/links`, {
      method: 'POST',
      headers: {
        cookie: `${s.assignee.cookie}; caitien_lang=en`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ evidenceId: item.id }),
    })
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe(
      'The item is already on this card.',
    )
    const res = await list(s.assignee, p.id)
    expect(res.body.items).toEqual([
      expect.objectContaining({
        code: '[H4-4.2-01]',
        card: expect.objectContaining({ id: b }),
        linkedCardIds: [a],
      }),
    ])
  })
})
