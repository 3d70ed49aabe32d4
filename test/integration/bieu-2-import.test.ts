import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { insertTestPlan, loadShippedFrameworks } from '@caitien/server/testing'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS_DIR } from '../support/artifacts.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { officeToPdf, pdfPagePng, pdfRawText } from '../support/run.ts'
import { buildWorld, type World } from '../support/world.ts'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url)))

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let staff: HttpSession

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  if (!(await server.db.selectFrom('framework').select('id').executeTakeFirst()))
    await loadShippedFrameworks(server.db)
  principal = httpSession(server.url)
  await principal.login(world.users.principal.login)
  staff = httpSession(server.url)
  await staff.login(world.users.assignee.login)
})
afterAll(async () => {
  await server.stop()
})

function upload(planId: string, step: 'preview' | 'confirm', name: string) {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(fixture(name))]), name)
  return principal.request('POST', `/api/plans/${planId}/import/${step}`, form)
}

/** A plan of the TT57 framework for primary and secondary schools. */
async function tt57Plan() {
  const plan = await insertTestPlan(server.db, world.schoolId, '2026-2027')
  const framework = await server.db
    .selectFrom('framework')
    .select('id')
    .where('code', 'like', 'TT57-2026-pho-thong%')
    .executeTakeFirstOrThrow()
  await server.db
    .updateTable('plan')
    .set({ framework_id: framework.id })
    .where('id', '=', plan.id)
    .execute()
  return plan
}

const problemsOf = async (who: HttpSession, planId: string) =>
  (await parseResponse(who.api.api.plans[':planId'].problems.$get({ param: { planId } }))).problems

describe('importing a Biểu 2 plan into a TT57 plan', () => {
  it('stores table IV as the plan problems, links the cards, shows the new fields, and undoes', async () => {
    const plan = await tt57Plan()
    const preview = await upload(plan.id, 'preview', 'synthetic-bieu-2-form-wording.docx')
    expect(preview.status).toBe(200)
    expect(preview.body.comparison.framework).toMatchObject({ file: 'TT57-2026', same: true })
    expect(preview.body.priorityProblems).toHaveLength(2)
    expect(preview.body.problems).toEqual([])
    expect(preview.body.rows[0].row).toMatchObject({
      improvementContent: 'Đổi mới sinh hoạt chuyên môn theo nghiên cứu bài học',
      indicators: 'Số tổ trưởng được bồi dưỡng/tổng số tổ trưởng',
      completionLevel: 'Hoàn thành',
      priorityProblem: 0,
    })

    const confirm = await upload(plan.id, 'confirm', 'synthetic-bieu-2-form-wording.docx')
    expect(confirm.status).toBe(200)
    expect(confirm.body.created).toBe(5)

    // Every member reads the problems, each with its cards.
    const problems = await problemsOf(staff, plan.id)
    expect(problems.map((p) => [p.standard, p.criteria, p.cards.length])).toEqual([
      ['Tiêu chuẩn 1', ['1.4'], 3],
      ['Tiêu chuẩn 3', [], 2],
    ])
    expect(problems[1]!.weakness).toBe(
      'Thư viện thiếu đầu sách tham khảo và chưa có góc đọc ngoài trời.',
    )

    // The board: a card without a criterion shows what it improves.
    const board = await parseResponse(
      staff.api.api.plans[':planId'].board.$get({ param: { planId: plan.id } }),
    )
    const library = board.cards.find(
      (c) => c.title === 'Vận động xã hội hóa, mua sắm sách tham khảo',
    )
    expect(library).toMatchObject({ criterion: null, topic: 'Phát triển thư viện thân thiện' })

    const detail = await parseResponse(
      staff.api.api.cards[':cardId'].$get({ param: { cardId: library!.id } }),
    )
    expect(detail.card).toMatchObject({
      improvementContent: 'Phát triển thư viện thân thiện',
      indicators: 'Số đầu sách bổ sung',
      completionLevel: null,
      planProblemId: problems[1]!.id,
      problem: { id: problems[1]!.id, standard: 'Tiêu chuẩn 3' },
    })

    // Undo: the cards go, and so do the problems.
    const undo = await principal.request(
      'POST',
      `/api/plans/${plan.id}/imports/${confirm.body.importId}/undo`,
    )
    expect(undo.status).toBe(200)
    expect(await problemsOf(principal, plan.id)).toEqual([])
  })

  it('re-importing another table IV replaces the problems; undoing it brings the first back', async () => {
    const plan = await tt57Plan()
    const first = await upload(plan.id, 'confirm', 'synthetic-bieu-2-form-wording.xlsx')
    expect(first.status).toBe(200)
    const before = await problemsOf(principal, plan.id)
    const second = await upload(plan.id, 'confirm', 'synthetic-bieu-2-other-wordings.xlsx')
    expect(second.status).toBe(200)
    const after = await problemsOf(principal, plan.id)
    expect(after).toHaveLength(3)
    expect(after[0]!.criteria).toEqual(['2.1', '2.3'])
    const undo = await principal.request(
      'POST',
      `/api/plans/${plan.id}/imports/${second.body.importId}/undo`,
    )
    expect(undo.status).toBe(200)
    const back = await problemsOf(principal, plan.id)
    expect(back.map((p) => [p.id, p.cards.length])).toEqual(
      before.map((p) => [p.id, p.cards.length]),
    )
  })

  it('lets the principal link a card to another problem or none, and refuses what is not current', async () => {
    const plan = await tt57Plan()
    const first = await upload(plan.id, 'confirm', 'synthetic-bieu-2-form-wording.xlsx')
    expect(first.status).toBe(200)
    const [lessons, library] = await problemsOf(principal, plan.id)
    const card = library!.cards[0]!
    const link = (who: HttpSession, problemId: string | null) =>
      who.request('PUT', `/api/cards/${card.id}/problem`, { problemId })

    // A teacher may not; the principal moves the card under the other problem.
    expect((await link(staff, lessons!.id)).status).toBe(403)
    const moved = await link(principal, lessons!.id)
    expect(moved.status).toBe(200)
    expect(moved.body.card).toMatchObject({ planProblemId: lessons!.id })
    let problems = await problemsOf(staff, plan.id)
    expect(problems.map((p) => p.cards.map((c) => c.id).includes(card.id))).toEqual([true, false])

    // Another plan's problem, or one a later import replaced: 404 in the user's words.
    const other = await tt57Plan()
    await upload(other.id, 'confirm', 'synthetic-bieu-2-form-wording.xlsx')
    const foreign = (await problemsOf(principal, other.id))[0]!
    const refused = await link(principal, foreign.id)
    expect(refused.status).toBe(404)
    expect(refused.body.error.message).toBe(
      'Vấn đề trọng tâm này không còn trong mục IV của kế hoạch.',
    )
    await upload(plan.id, 'confirm', 'synthetic-bieu-2-other-wordings.xlsx')
    expect((await link(principal, lessons!.id)).status).toBe(404)

    // None: the card leaves every problem.
    const none = await link(principal, null)
    expect(none.status).toBe(200)
    expect(none.body.card).toMatchObject({ planProblemId: null, problem: null })
    problems = await problemsOf(principal, plan.id)
    expect(problems.some((p) => p.cards.some((c) => c.id === card.id))).toBe(false)
  })

  it('edits the new fields like any plan field, with their history', async () => {
    const plan = await tt57Plan()
    await upload(plan.id, 'confirm', 'synthetic-bieu-2-other-wordings.docx')
    const [card] = await server.db
      .selectFrom('card')
      .select(['id', 'version'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .execute()
    const res = await principal.request('PATCH', `/api/cards/${card!.id}`, {
      version: card!.version,
      completionLevel: 'Hoàn thành',
      indicators: 'Tỉ lệ giáo viên đạt yêu cầu',
    })
    expect(res.status).toBe(200)
    const detail = await parseResponse(
      principal.api.api.cards[':cardId'].$get({ param: { cardId: card!.id } }),
    )
    expect(detail.card.completionLevel).toBe('Hoàn thành')
    expect(detail.card.activity[0]).toMatchObject({
      action: 'edited',
      detail: { fields: ['indicators', 'completionLevel'] },
    })
  })

  it('exports what it imported as Biểu 2: table IV, the new fields and the plan’s own levels', async () => {
    const plan = await tt57Plan()
    const confirm = await upload(plan.id, 'confirm', 'synthetic-bieu-2-form-wording.docx')
    expect(confirm.status).toBe(200)
    const res = await fetch(`${server.url}/api/plans/${plan.id}/export/bieu-2.docx`, {
      headers: { cookie: principal.cookie },
    })
    expect(res.status).toBe(200)
    const dir = mkdtempSync(join(tmpdir(), 'caitien-bieu2-'))
    const file = join(dir, 'bieu-2.docx')
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    const pdf = await officeToPdf(file, dir)
    for (const page of [1, 2])
      await pdfPagePng(pdf, join(ARTIFACTS_DIR(), 'bieu-2-imported'), page, 80)
    const text = await pdfRawText(pdf)
    // Table IV from the stored problems, table V from the new card fields, in the form's
    // order with a cell's lines together (pdftotext -raw), and the plan's own levels in (10).
    expect(text).toContain('Tổ trưởng chưa được bồi dưỡng về nghiên cứu bài học.')
    const tableV = text.slice(text.indexOf('(10)'))
    expect(tableV).toMatch(
      /^\(10\) 1 Đổi mới sinh hoạt chuyên môn theo nghiên cứu bài học 100% tổ trưởng chuyên môn được bồi dưỡng Tổ chức 2 buổi bồi dưỡng tổ trưởng về nghiên cứu bài học Số tổ trưởng được bồi dưỡng\/tổng số tổ trưởng Tháng 9\/2026 - Tháng 10\/2026 /,
    )
    expect(tableV).toMatch(/Danh sách tham dự Hoàn thành 2 Đổi mới sinh hoạt/)
    expect(tableV).toMatch(/Biên bản sinh hoạt chuyên môn Đang thực hiện 3 /)
    expect(tableV).toMatch(/Ảnh chụp góc đọc Chưa hoàn thành 5 /)
  })
})
