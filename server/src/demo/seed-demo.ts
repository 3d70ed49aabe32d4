import type { Db } from '@caitien/db'
import {
  DEMO_PASSWORD,
  schoolYearOf,
  type CardFields,
  type CardStatus,
  type Role,
} from '@caitien/shared'
import { createCard } from '../cards/create-card.ts'
import { moveCard } from '../cards/move-card.ts'
import { addEvidence } from '../evidence/add-evidence.ts'
import { planFieldsOfRow } from '../plans/import-plan.ts'
import { insertPlan } from '../plans/plan.repository.ts'
import {
  hasSchools,
  insertMembership,
  insertSchool,
  insertUser,
} from '../schools/account.repository.ts'
import plan000 from './plan-000.json' with { type: 'json' }

/** The demo accounts keep the public demo password: written here, past the policy. */
export { DEMO_PASSWORD }

/** The demo accounts, one per role (printed at first start and listed in the README). */
export const DEMO_ACCOUNTS = [
  {
    login: 'hieutruong',
    displayName: 'Nguyễn Thị Hạnh',
    roles: ['principal'],
    title: 'Hiệu trưởng',
  },
  {
    login: 'giamsat',
    displayName: 'Trần Văn Minh',
    roles: ['monitor'],
    title: 'Tổ trưởng Tổ giám sát',
  },
  {
    login: 'giamsat2',
    displayName: 'Phạm Thu Trang',
    roles: ['monitor', 'staff'],
    title: 'Tổ giám sát, Phó HT phụ trách CSVC',
  },
  { login: 'giaovien', displayName: 'Lê Thị Mai', roles: ['staff'], title: 'Giáo viên' },
  {
    login: 'giaovien2',
    displayName: 'Hoàng Văn Nam',
    roles: ['staff'],
    title: 'Giáo viên, Chủ tịch Công đoàn',
  },
] as const satisfies readonly {
  login: string
  displayName: string
  roles: readonly Role[]
  title: string
}[]

export const DEMO_ADMIN = { login: 'admin', displayName: 'Quản trị hệ thống' }

type Login = (typeof DEMO_ACCOUNTS)[number]['login']

/** Where each plan-000 row starts on the demo board, and who carries it out. */
const DEMO_CARDS: { status: CardStatus; assignees: Login[] }[] = [
  { status: 'verified', assignees: ['hieutruong'] }, // 1.5
  { status: 'planned', assignees: ['giaovien2'] }, // 1.9
  { status: 'planned', assignees: ['giaovien'] }, // 1.10
  { status: 'planned', assignees: ['giaovien', 'giaovien2'] }, // 2.4
  { status: 'in_progress', assignees: ['hieutruong'] }, // 3.1 (due months ago: overdue)
  { status: 'evidence_submitted', assignees: ['giamsat2'] }, // 3.3
  { status: 'verified', assignees: ['giamsat2'] }, // 3.4
  { status: 'evidence_submitted', assignees: ['giaovien2'] }, // 3.5
  { status: 'in_progress', assignees: ['giaovien'] }, // 3.6
]

const PATH: CardStatus[] = ['planned', 'in_progress', 'evidence_submitted', 'verified']

/**
 * Shifts the plan's years so the demo plan is the current school year's (plan-000 is
 * 2024-2025): "Tháng 3/2025" becomes "Tháng 3/2027" in 2026-2027.
 */
function shiftYears(text: string | null, delta: number): string | null {
  return text?.replace(/\b(20\d\d)\b/g, (y) => String(Number(y) + delta)) ?? null
}

/** True when the database has no school yet: the first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  return !(await hasSchools(db))
}

/**
 * Creates the demo school, its accounts, and a plan built from plan-000 with cards in
 * every column. Moves go through the same use cases as the API, so the activity log
 * tells the story the board shows.
 */
export async function seedDemo(db: Db, now: Date, frameworkId: string | null) {
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
  const schoolYear = schoolYearOf(now)
  const schoolId = await insertSchool(db, {
    name: 'Trường THCS Nguyễn Du (demo)',
    schoolLevel: 'secondary',
    now: iso(60),
  })
  const ids = {} as Record<Login, string>
  for (const a of DEMO_ACCOUNTS) {
    ids[a.login] = await insertUser(db, {
      login: a.login,
      displayName: a.displayName,
      password: DEMO_PASSWORD,
      now: iso(60),
    })
    await insertMembership(db, {
      schoolId,
      userId: ids[a.login],
      roles: [...a.roles],
      now: iso(60),
    })
  }
  await insertUser(db, { ...DEMO_ADMIN, password: DEMO_PASSWORD, isAdmin: true, now: iso(60) })

  const planId = crypto.randomUUID()
  await insertPlan(db, {
    id: planId,
    schoolId,
    title: `Kế hoạch cải tiến chất lượng giáo dục năm học ${schoolYear}`,
    schoolYear,
    frameworkId,
    now: iso(60),
  })
  const plan = { id: planId, school_id: schoolId, school_year: schoolYear }
  await fillDemoPlan(db, {
    plan,
    now,
    cards: plan000.rows.map((_, i) => {
      const setup = DEMO_CARDS[i] ?? { status: 'planned' as const, assignees: [] }
      return { status: setup.status, assigneeIds: setup.assignees.map((l) => ids[l]) }
    }),
    principalId: ids.hieutruong,
    monitorId: ids.giamsat,
  })
  return { schoolId, planId }
}

/**
 * Fills a demo plan with plan-000's rows as cards, each carried to its column the way
 * people would: created by the principal, started and submitted (with a link as evidence)
 * by its first assignee, verified by the monitor, through the app's own use cases.
 */
export async function fillDemoPlan(
  db: Db,
  input: {
    plan: { id: string; school_id: string; school_year: string }
    now: Date
    /** One per plan-000 row, in order: its column and assignees (the first carries it). */
    cards: { status: CardStatus; assigneeIds: string[] }[]
    principalId: string
    monitorId: string
  },
): Promise<void> {
  const { plan, now } = input
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
  const delta = Number(plan.school_year.slice(0, 4)) - Number(plan000.schoolYear.slice(0, 4))
  const principal = { id: input.principalId, roles: ['principal'] as Role[] }
  const monitor = { id: input.monitorId, roles: ['monitor'] as Role[] }
  for (const [i, row] of plan000.rows.entries()) {
    const setup = input.cards[i] ?? { status: 'planned', assigneeIds: [] }
    const fields: CardFields = {
      ...planFieldsOfRow(row),
      timeframe: shiftYears(row.timeframe, delta),
    }
    const created = await createCard(db, {
      plan,
      fields,
      assigneeIds: setup.assigneeIds,
      actor: principal,
      now: iso(45),
    })
    if (!created.ok) throw new Error('demo seed: card not created')
    const assignee = { id: setup.assigneeIds[0]!, roles: ['staff'] as Role[] }
    let version = 1
    const target = PATH.indexOf(setup.status)
    for (let step = 1; step <= target; step++) {
      const to = PATH[step]!
      const at = iso(40 - step * 9 - i)
      if (to === 'evidence_submitted') {
        await addEvidence(db, {
          cardId: created.cardId,
          planId: plan.id,
          actor: assignee,
          now: at,
          evidence: {
            kind: 'link',
            title: `Minh chứng tiêu chí ${row.criterion}`,
            url: `https://drive.example.edu.vn/minh-chung/${row.criterion}`,
          },
        })
      }
      const result = await moveCard(db, {
        cardId: created.cardId,
        planId: plan.id,
        to,
        version,
        reason: null,
        beforeCardId: null,
        actor: to === 'verified' ? monitor : assignee,
        now: at,
      })
      if (!result.ok) throw new Error(`demo seed: move to ${to} refused (${result.reason})`)
      version = result.card.version
    }
  }
}

/** The statuses of the demo board, in plan-000's row order (for schools of a district demo). */
export const DEMO_STATUSES: readonly CardStatus[] = DEMO_CARDS.map((c) => c.status)
