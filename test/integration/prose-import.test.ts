import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { insertTestPlan } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url)))

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
})
afterAll(async () => {
  await server.stop()
})

function upload(planId: string, step: 'preview' | 'confirm', name: string, extra = {}) {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(fixture(name))]), name)
  for (const [k, v] of Object.entries(extra)) form.set(k, JSON.stringify(v))
  return principal.request('POST', `/api/plans/${planId}/import/${step}`, form)
}

interface Proposed {
  sourceRow: number
  accepted: boolean
  row: { criterion: string; lead: string; origin: string }
}

const cardsOf = (planId: string) =>
  server.db
    .selectFrom('card')
    .select(['criterion', 'lead', 'tasks', 'target'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('criterion')
    .execute()

describe('importing a plan written as prose', () => {
  for (const name of ['synthetic-prose-plan.docx', 'synthetic-prose-plan.xlsx']) {
    it(`previews the rows found in ${name}, flagged, and creates only the two accepted`, async () => {
      const plan = await insertTestPlan(server.db, world.schoolId, '2026-2027')
      const before = await dbFingerprint(server.db)
      const preview = await upload(plan.id, 'preview', name)
      expect(preview.status).toBe(200)
      expect(await dbFingerprint(server.db)).toBe(before)
      const proposed = preview.body.proposed as Proposed[]
      expect(proposed.map((p) => [p.row.criterion, p.row.lead, p.row.origin])).toEqual([
        ['3.2', 'Phó hiệu trưởng', 'prose'],
        ['5.4', 'Tổ trưởng tổ 1-2', 'prose'],
        ['2.3', 'Tổng phụ trách Đội', 'prose'],
      ])
      // The table has no row, so without a choice every proposed row is accepted.
      expect(proposed.map((p) => p.accepted)).toEqual([true, true, true])

      const accept = [proposed[0]!.sourceRow, proposed[2]!.sourceRow]
      const chosen = await upload(plan.id, 'preview', name, { acceptProse: accept })
      expect((chosen.body.proposed as Proposed[]).map((p) => p.accepted)).toEqual([
        true,
        false,
        true,
      ])
      expect(chosen.body.summary).toMatchObject({ create: 2 })

      const confirm = await upload(plan.id, 'confirm', name, { acceptProse: accept })
      expect(confirm.status).toBe(200)
      expect(await cardsOf(plan.id)).toEqual([
        {
          criterion: '2.3',
          lead: 'Tổng phụ trách Đội',
          tasks: 'tổ chức hoạt động trải nghiệm hằng tháng cho học sinh để đạt mức 2 của TC 2.3.',
          target: 'Mức 2',
        },
        {
          criterion: '3.2',
          lead: 'Phó hiệu trưởng',
          tasks:
            'bồi dưỡng giáo viên về sinh hoạt chuyên môn theo nghiên cứu bài học, nhằm đạt mức 3 của Tiêu chí 3.2 trong năm học.',
          target: 'Mức 3',
        },
      ])
    })
  }

  it('refuses a choice of a row that was not proposed, in the user language, saving nothing', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2026-2027')
    const before = await dbFingerprint(server.db)
    const res = await upload(plan.id, 'confirm', 'synthetic-prose-plan.docx', {
      acceptProse: [1],
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('Tìm thấy trong văn bản')
    expect(await dbFingerprint(server.db)).toBe(before)
  })

  it('offers no prose row from a table plan without a "Tổ chức thực hiện" part', async () => {
    const plan = await insertTestPlan(server.db, world.schoolId, '2020-2021')
    const preview = await upload(plan.id, 'preview', 'plan-004.docx')
    expect(preview.status).toBe(200)
    expect(preview.body.proposed).toEqual([])
  })
})
