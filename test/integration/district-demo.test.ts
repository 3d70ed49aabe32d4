import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseEnv } from '../support/database.ts'
import { httpSession, startTestServer } from '../support/http-server.ts'
import { runCli } from '../support/run.ts'

const dir = mkdtempSync(join(tmpdir(), 'caitien-district-'))
const file = join(dir, 'caitien.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface RollupRow {
  schoolName: string
  attention: string[]
}

describe('pnpm cli demo:district (a newcomer sees the roll-up)', () => {
  it('refuses a count that is not a whole number, and writes nothing', async () => {
    const env = await databaseEnv(file)
    const bad = await runCli(['demo:district', '--province-schools', 'nhiều'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--province-schools must be a whole number')
  })

  it('creates a commune and a province whose overseers read every school, some needing attention', async () => {
    const run = await runCli(
      ['demo:district', '--commune-schools', '4', '--province-schools', '12'],
      await databaseEnv(file),
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/xa-hoabinh .*: 4 schools/)
    expect(run.stdout).toMatch(/so-gddt .*: 12 schools/)

    const server = await startTestServer({ file, demo: true })
    try {
      const rows = async (login: string) => {
        const overseer = httpSession(server.url)
        await overseer.login(login, 'caitien123')
        const bodies = await overseer.get('/api/bodies')
        expect(bodies.status).toBe(200)
        const bodyId = (bodies.body as { bodies: { id: string }[] }).bodies[0]!.id
        const rollup = await overseer.get(`/api/bodies/${bodyId}/rollup`)
        expect(rollup.status).toBe(200)
        return (rollup.body as { rows: RollupRow[] }).rows
      }
      const commune = await rows('xa-hoabinh')
      const province = await rows('so-gddt')
      expect(commune).toHaveLength(4)
      expect(province).toHaveLength(12)
      // The commune's schools are the province's first ones: a school under both.
      for (const row of commune) expect(province.map((r) => r.schoolName)).toContain(row.schoolName)
      // Some need attention (a plan missing, rows overdue, a signed review unanswered).
      expect(province.some((r) => r.attention.length > 0)).toBe(true)
      expect(province.some((r) => r.attention.length === 0)).toBe(true)

      // A school's principal works as in any school, on the plan the demo filled.
      const principal = httpSession(server.url)
      await principal.login('t001-hieutruong', 'caitien123')
      const plans = await principal.get('/api/plans')
      const planId = (plans.body as { plans: { id: string }[] }).plans[0]!.id
      const board = await principal.get(`/api/plans/${planId}/board`)
      const statuses = new Set(
        (board.body as { cards: { status: string }[] }).cards.map((c) => c.status),
      )
      expect([...statuses].sort()).toEqual([
        'evidence_submitted',
        'in_progress',
        'planned',
        'verified',
      ])
    } finally {
      await server.stop()
    }
  })
})
