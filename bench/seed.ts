import { readFileSync } from 'node:fs'
import { createDb, migrateToLatest, type DatabaseLocation, type Db } from '../db/src/index.ts'
import { schoolYearOf, type CardStatus } from '@caitien/shared'
import { hashPassword } from '../server/src/auth/password.ts'
import {
  insertBody,
  insertBodyMembers,
  insertOversight,
} from '../server/src/oversight/body.repository.ts'
import { insertUser } from '../server/src/schools/account.repository.ts'
import { cardColumns, figureState } from '../server/src/cards/card.repository.ts'
import { planFieldsOfRow } from '../server/src/plans/import-plan.ts'
import { PLAN_ROW_FIELDS, type PlanRowFields } from '../server/src/plans/import/understand-table.ts'

export const BENCH_PASSWORD = 'bench-password-1'
export const STAFF_COUNT = 40
export const BOARD_SIZES = [60, 500, 5000] as const
export const DISTRICT_PLANS = 1000
export const DISTRICT_CARDS = 60

export interface Seeded {
  schoolId: string
  /** Plan id by card count (60, 500, 5000). */
  plans: Record<number, string>
  principal: { id: string; login: string }
  monitor: { id: string; login: string }
  staff: { id: string; login: string }[]
  /**
   * Cards a staff member may move (planned or in progress), per login: of the 500-card plan
   * (`movable`) and of the 5,000-card plan (`movable5000`).
   */
  movable: Record<string, { id: string; status: CardStatus; version: number }[]>
  movable5000: Record<string, { id: string; status: CardStatus; version: number }[]>
  districtPlanIds: string[]
  counts: { cards: number; activity: number; evidence: number; users: number; seconds: number }
}

/** A plan row with the fixtures' field names, as the parser returns it. */
type PlanRow = PlanRowFields

/** Real plan rows (the demo plan and the parsed fixtures) give the cards realistic text. */
function sourceRows(): PlanRow[] {
  const files = [
    new URL('../server/src/demo/plan-000.json', import.meta.url),
    new URL('../test/fixtures/plans/plan-002.expected.json', import.meta.url),
    new URL('../test/fixtures/plans/plan-004.expected.json', import.meta.url),
    new URL('../test/fixtures/plans/own-primary-7col.expected.json', import.meta.url),
  ]
  const rows: PlanRow[] = []
  for (const f of files) {
    try {
      const data = JSON.parse(readFileSync(f, 'utf8')) as { rows?: Partial<PlanRow>[] }
      for (const r of data.rows ?? []) {
        rows.push(Object.fromEntries(PLAN_ROW_FIELDS.map((f) => [f, r[f] ?? null])) as PlanRow)
      }
    } catch {
      // a missing fixture only makes the text less varied
    }
  }
  if (rows.length === 0) throw new Error('bench seed: no plan rows to copy text from')
  return rows
}

const STATUS_MIX: CardStatus[] = [
  'planned',
  'planned',
  'planned',
  'planned',
  'in_progress',
  'in_progress',
  'in_progress',
  'evidence_submitted',
  'evidence_submitted',
  'verified',
]
const PATH: CardStatus[] = ['planned', 'in_progress', 'evidence_submitted', 'verified']
const KIND: Record<string, string> = {
  in_progress: 'start',
  evidence_submitted: 'submit',
  verified: 'verify',
}

async function insertBatched<T extends Record<string, unknown>>(
  db: Db,
  table:
    | 'card'
    | 'card_assignee'
    | 'activity'
    | 'evidence'
    | 'comment'
    | 'app_user'
    | 'membership'
    | 'plan'
    | 'school',
  rows: T[],
) {
  if (rows.length === 0) return
  const perRow = Object.keys(rows[0]!).length
  const size = Math.max(1, Math.floor(30_000 / perRow))
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute()
  }
}

/**
 * A fresh database through the server's own migrations and column rules (cardColumns,
 * figureState), filled with direct batched inserts: one school with plans of 60, 500 and
 * 5,000 cards, and a district of 1,000 schools (or as many as asked) with one 60-card plan
 * each. A SQLite file, or an empty PostgreSQL database.
 */
export async function seedDatabase(
  where: string | DatabaseLocation,
  now: Date,
  options: { districtPlans?: number } = {},
): Promise<Seeded> {
  const started = performance.now()
  const location: DatabaseLocation = typeof where === 'string' ? { file: where } : where
  const districtPlans = options.districtPlans ?? DISTRICT_PLANS
  const db = createDb(location)
  await migrateToLatest(db)
  const rows = sourceRows()
  const schoolYear = schoolYearOf(now)
  const iso = now.toISOString()
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString()
  const hash = await hashPassword(BENCH_PASSWORD)
  let users = 0
  let cardCount = 0
  let activityCount = 0
  let evidenceCount = 0

  const result = await db.transaction().execute(async (trx) => {
    const tx = trx as unknown as Db
    const user = (login: string, name: string) => {
      users++
      return {
        id: crypto.randomUUID(),
        login,
        display_name: name,
        password_hash: hash,
        is_admin: 0,
        created_at: iso,
        password_changed_at: iso,
      }
    }
    const schoolId = crypto.randomUUID()
    await insertBatched(tx, 'school', [
      { id: schoolId, name: 'Trường THCS Bench', school_level: 'secondary', created_at: iso },
    ])
    const principal = user('bench-principal', 'Nguyễn Văn Hiệu Trưởng')
    const monitor = user('bench-monitor', 'Trần Thị Giám Sát')
    const staff = Array.from({ length: STAFF_COUNT }, (_, i) =>
      user(`bench-staff-${String(i + 1).padStart(2, '0')}`, `Giáo viên ${i + 1}`),
    )
    await insertBatched(tx, 'app_user', [principal, monitor, ...staff])
    await insertBatched(tx, 'membership', [
      { school_id: schoolId, user_id: principal.id, role: 'principal', created_at: iso },
      { school_id: schoolId, user_id: monitor.id, role: 'monitor', created_at: iso },
      ...staff.map((s) => ({ school_id: schoolId, user_id: s.id, role: 'staff', created_at: iso })),
    ])

    const movable: Seeded['movable'] = {}
    const movable5000: Seeded['movable'] = {}
    const fillPlan = async (
      planSchool: string,
      title: string,
      size: number,
      assignees: { id: string; login: string }[],
      trackMoves: Seeded['movable'] | null,
    ) => {
      const planId = crypto.randomUUID()
      await insertBatched(tx, 'plan', [
        {
          id: planId,
          school_id: planSchool,
          title,
          school_year: schoolYear,
          framework_id: null,
          state: 'active',
          created_at: iso,
          updated_at: iso,
        },
      ])
      const cards: Record<string, unknown>[] = []
      const links: Record<string, unknown>[] = []
      const activity: Record<string, unknown>[] = []
      const evidence: Record<string, unknown>[] = []
      const comments: Record<string, unknown>[] = []
      const positions: Record<string, number> = {}
      for (let i = 0; i < size; i++) {
        const row = rows[i % rows.length]!
        const status = STATUS_MIX[i % STATUS_MIX.length]!
        const startM = 9 + (i % 5)
        const dueM = startM + 1 + (i % 4)
        const month = (m: number) =>
          m <= 12 ? `${m}/${schoolYear.slice(0, 4)}` : `${m - 12}/${schoolYear.slice(5)}`
        const fields = {
          ...planFieldsOfRow(row),
          tasks: row.tasks ? `${row.tasks} (${i + 1})` : `Nhiệm vụ ${i + 1}`,
          timeframe: `Tháng ${month(startM)} đến tháng ${month(dueM)}`,
          budget: i % 3 === 0 ? `${(i % 7) + 1}.000.000 đồng` : row.budget,
        }
        const columns = cardColumns(fields, schoolYear, null)
        const steps = PATH.indexOf(status)
        const id = crypto.randomUUID()
        positions[status] = (positions[status] ?? 0) + 1024
        const card = {
          id,
          plan_id: planId,
          school_id: planSchool,
          status,
          position: positions[status],
          version: 1 + steps,
          standard: null,
          standard_name: null,
          criterion: null,
          criterion_label: null,
          section: null,
          weakness: null,
          target: null,
          tasks: null,
          measures: null,
          lead: null,
          coordinators: null,
          timeframe: null,
          start_month: null,
          due_month: null,
          budget: null,
          budget_amount: null,
          funding_source: null,
          support: null,
          expected_evidence: null,
          notes: null,
          ...columns,
          source_key: null,
          created_at: minutesAgo(600),
          updated_at: minutesAgo(600 - steps),
          deleted_at: null,
        }
        cards.push(card)
        const who = [assignees[i % assignees.length]!]
        if (i % 5 === 0) who.push(assignees[(i + 7) % assignees.length]!)
        for (const a of who) links.push({ card_id: id, user_id: a.id, created_at: minutesAgo(600) })
        if (trackMoves && (status === 'planned' || status === 'in_progress')) {
          for (const a of who) {
            ;(trackMoves[a.login] ??= []).push({ id, status, version: card.version })
          }
        }
        activity.push({
          id: crypto.randomUUID(),
          school_id: planSchool,
          plan_id: planId,
          card_id: id,
          actor_id: principal.id,
          at: minutesAgo(600),
          action: 'created',
          from_status: null,
          to_status: 'planned',
          reason: null,
          detail: JSON.stringify({
            state: { ...figureState(card), assigneeIds: who.map((a) => a.id) },
          }),
        })
        for (let s = 1; s <= steps; s++) {
          if (PATH[s] === 'evidence_submitted') {
            const n = 1 + (i % 2)
            for (let e = 0; e < n; e++) {
              evidence.push({
                id: crypto.randomUUID(),
                card_id: id,
                plan_id: planId,
                school_id: planSchool,
                kind: 'link',
                code: `H${row.standard ?? 0}-${i + 1}-${String(e + 1).padStart(2, '0')}`,
                title: `Minh chứng tiêu chí ${row.criterion ?? ''} số ${e + 1}`,
                url: `https://drive.example.edu.vn/minh-chung/${i + 1}/${e + 1}`,
                note: null,
                created_by: who[0]!.id,
                created_at: minutesAgo(600 - s),
                deleted_at: null,
                file_sha256: null,
                file_name: null,
                deleted_by: null,
              })
            }
          }
          activity.push({
            id: crypto.randomUUID(),
            school_id: planSchool,
            plan_id: planId,
            card_id: id,
            actor_id: PATH[s] === 'verified' ? monitor.id : who[0]!.id,
            at: minutesAgo(600 - s),
            action: KIND[PATH[s]!]!,
            from_status: PATH[s - 1]!,
            to_status: PATH[s]!,
            reason: null,
            detail: null,
          })
        }
        if (i % 4 === 0) {
          comments.push({
            id: crypto.randomUUID(),
            card_id: id,
            school_id: planSchool,
            author_id: who[0]!.id,
            body: 'Đã trao đổi với tổ chuyên môn, sẽ cập nhật minh chứng trong tuần.',
            created_at: minutesAgo(300),
          })
        }
      }
      await insertBatched(tx, 'card', cards)
      await insertBatched(tx, 'card_assignee', links)
      await insertBatched(tx, 'activity', activity)
      await insertBatched(tx, 'evidence', evidence)
      await insertBatched(tx, 'comment', comments)
      cardCount += cards.length
      activityCount += activity.length
      evidenceCount += evidence.length
      return planId
    }

    const plans: Record<number, string> = {}
    for (const size of BOARD_SIZES) {
      plans[size] = await fillPlan(
        schoolId,
        `Kế hoạch ${size} thẻ năm học ${schoolYear}`,
        size,
        staff,
        size === 500 ? movable : size === 5000 ? movable5000 : null,
      )
    }

    // The district: 1,000 schools (by default), two staff each, one 60-card plan each.
    const districtPlanIds: string[] = []
    for (let s = 0; s < districtPlans; s++) {
      const sid = crypto.randomUUID()
      await insertBatched(tx, 'school', [
        { id: sid, name: `Trường huyện số ${s + 1}`, school_level: 'primary', created_at: iso },
      ])
      const people = [user(`d${s}-a`, `Cán bộ A ${s}`), user(`d${s}-b`, `Cán bộ B ${s}`)]
      await insertBatched(tx, 'app_user', people)
      await insertBatched(
        tx,
        'membership',
        people.map((p) => ({ school_id: sid, user_id: p.id, role: 'staff', created_at: iso })),
      )
      districtPlanIds.push(
        await fillPlan(sid, `Kế hoạch trường ${s + 1}`, DISTRICT_CARDS, people, null),
      )
    }
    return {
      schoolId,
      plans,
      principal: { id: principal.id, login: principal.login },
      monitor: { id: monitor.id, login: monitor.login },
      staff: staff.map((s) => ({ id: s.id, login: s.login })),
      movable,
      movable5000,
      districtPlanIds,
    }
  })
  await db.destroy()
  if (location.file !== undefined) {
    // One file, no WAL left beside it: copies of it are whole.
    const raw = new (await import('./deps.ts')).BetterSqlite3(location.file)
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.pragma('journal_mode = DELETE')
    raw.close()
  }
  return {
    ...result,
    counts: {
      cards: cardCount,
      activity: activityCount,
      evidence: evidenceCount,
      users,
      seconds: (performance.now() - started) / 1000,
    },
  }
}

/** An overseeing body of the bench: its id, how many schools it oversees, its overseer. */
export interface SeededBody {
  id: string
  schools: number
  overseer: string
}

/**
 * Two overseeing bodies over the seeded district (issue 14): a commune office over its
 * first 26 schools (the most a commune oversees) and a provincial department over all of
 * them, each with one overseer who logs in with the bench password.
 */
export async function seedBodies(location: DatabaseLocation, now: Date): Promise<SeededBody[]> {
  const db = createDb(location)
  const iso = now.toISOString()
  const hash = await hashPassword(BENCH_PASSWORD)
  // The district's schools: every school but the bench school (the one with the big plans).
  const schools = await db
    .selectFrom('school')
    .select('id')
    .where('name', 'like', 'Trường huyện số %')
    .orderBy('name')
    .execute()
  const bodies: SeededBody[] = []
  for (const [kind, name, count] of [
    ['commune_office', 'Phòng Văn hóa - Xã hội xã Bench', 26],
    ['provincial_department', 'Sở Giáo dục và Đào tạo tỉnh Bench', schools.length],
  ] as const) {
    const id = await insertBody(db, { kind, name, now: iso })
    await insertOversight(
      db,
      schools.slice(0, count).map((s) => ({ bodyId: id, schoolId: s.id })),
      iso,
    )
    const overseer = `bench-overseer-${kind}`
    const userId = await insertUser(db, {
      login: overseer,
      displayName: `Chuyên viên ${name}`,
      password: { hash },
      now: iso,
    })
    await insertBodyMembers(db, [{ bodyId: id, userId, isLead: true }], iso)
    bodies.push({ id, schools: count, overseer })
  }
  await db.destroy()
  return bodies
}
