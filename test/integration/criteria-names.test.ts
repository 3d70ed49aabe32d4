import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadShippedFrameworks } from '@caitien/server/testing'
import ExcelJS from 'exceljs'
import { parseResponse } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'

/** The shipped catalogue itself, read apart from the app's loader: what the names must be. */
const catalog = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../server/src/frameworks/catalog/criteria-catalog.json', import.meta.url),
    ),
    'utf8',
  ),
) as {
  circulars: {
    id: string
    effective: string
    standards: { code: string; name: string; criteria: { code: string; name: string }[] }[]
  }[]
}
const tt18 = catalog.circulars.find((c) => c.id === 'TT18-2018')!
const standardOf = (code: string) => tt18.standards.find((s) => String(s.code) === code)!
const criterionOf = (code: string) =>
  standardOf(code.split('.')[0]!).criteria.find((c) => c.code === code)!

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let principal: HttpSession
let monitor: HttpSession
let planId: string
const MONTH = '2026-11'

beforeAll(async () => {
  server = await startTestServer()
  world = await buildWorld(server.db)
  await loadShippedFrameworks(server.db)
  principal = httpSession(server.url)
  monitor = httpSession(server.url)
  await principal.login(world.users.principal.login)
  await monitor.login(world.users.monitor.login)
  const created = await principal.post('/api/plans', {
    schoolId: world.schoolId,
    title: 'Kế hoạch cải tiến chất lượng',
    schoolYear: '2026-2027',
    frameworkId: `TT18-2018@${tt18.effective}`,
  })
  expect(created.status).toBe(201)
  planId = created.body.plan.id
  for (const fields of [
    // The plan's own wording of standard 3 differs from the framework's: the framework wins.
    { standard: '3', standardName: 'Cơ sở vật chất', criterion: '3.6' },
    { standard: '5', criterion: '5.2' },
    // Unknown to TT18: imported as written, so the plan names the standard itself.
    { standard: '9', standardName: 'Tiêu chuẩn riêng của trường', criterion: '9.9' },
  ]) {
    const res = await principal.post(`/api/plans/${planId}/cards`, {
      ...fields,
      tasks: `Hoạt động tiêu chí ${fields.criterion}`,
      timeframe: 'Tháng 11/2026',
    })
    expect(res.status).toBe(201)
  }
})
afterAll(async () => {
  await server.stop()
})

/** The month's figures as the dashboard reads them, typed by the route. */
const monthView = (who: HttpSession, id: string) =>
  parseResponse(
    who.api.api.plans[':planId'].snapshots[':month'].$get({ param: { planId: id, month: MONTH } }),
  )

describe('names beside the codes of the monthly figures', () => {
  it('come from the plan’s framework version for the codes it knows', async () => {
    const res = await monthView(monitor, planId)
    expect(res.summary.byCriterion.map((c) => c.criterion)).toEqual(['3.6', '5.2', '9.9'])
    expect(res.names.framework).toEqual({
      code: 'TT18-2018',
      version: tt18.effective,
      title: expect.any(String),
    })
    expect(res.names.criteria['3.6']).toBe(criterionOf('3.6').name)
    expect(res.names.criteria['5.2']).toBe(criterionOf('5.2').name)
    expect(res.names.standards['3']).toBe(standardOf('3').name)
    expect(res.names.standards['5']).toBe(standardOf('5').name)
  })

  it('leave a criterion the framework does not know without a name, its standard named by the plan', async () => {
    const res = await monthView(principal, planId)
    expect(res.names.criteria).toHaveProperty(['9.9'], null)
    expect(res.names.standards['9']).toBe('Tiêu chuẩn riêng của trường')
  })

  it('are the names the month’s .xlsx report prints', async () => {
    const view = await monthView(principal, planId)
    const res = await fetch(
      `${server.url}/api/plans/${planId}/snapshots/${MONTH}/report?format=xlsx`,
      {
        headers: { cookie: principal.cookie },
      },
    )
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const printed: Record<string, string> = {}
    wb.getWorksheet('Theo tiêu chí')!.eachRow((row, n) => {
      if (n > 1) printed[row.getCell(2).text] = row.getCell(3).text
    })
    expect(printed).toEqual({
      '3.6': view.names.criteria['3.6'],
      '5.2': view.names.criteria['5.2'],
      '9.9': '',
    })
  })

  it('are absent for a plan without a framework, but for the standards its rows name', async () => {
    const res = await principal.post(`/api/plans/${world.plan.id}/cards`, {
      standard: '1',
      standardName: 'Tổ chức và quản lý nhà trường',
      criterion: '1.1',
      tasks: 'Rà soát phương hướng',
    })
    expect(res.status).toBe(201)
    const view = await monthView(principal, world.plan.id)
    expect(view.names).toEqual({
      framework: null,
      standards: { '1': 'Tổ chức và quản lý nhà trường' },
      criteria: { '1.1': null },
    })
  })
})
