import type { Db } from '@caitien/db'
import { schoolYearOf, type CardStatus, type SchoolLevel } from '@caitien/shared'
import { hashPassword } from '../auth/password.ts'
import { insertBody, insertBodyMembers, insertOversight } from '../oversight/body.repository.ts'
import { insertPlan } from '../plans/plan.repository.ts'
import { openCheckpoint } from '../reviews/open-checkpoint.ts'
import { signCheckpoint } from '../reviews/change-checkpoint.ts'
import { insertMembership, insertSchool, insertUser } from '../schools/account.repository.ts'
import { DEMO_PASSWORD, DEMO_STATUSES, fillDemoPlan } from './seed-demo.ts'

/** The school levels a commune oversees, in turn (upper secondary answers to the Sở only). */
const COMMUNE_LEVELS: readonly SchoolLevel[] = ['kindergarten', 'primary', 'secondary']
const LEVEL_NAMES: Record<SchoolLevel, string> = {
  kindergarten: 'Trường Mầm non',
  primary: 'Trường Tiểu học',
  secondary: 'Trường THCS',
  other: 'Trường THPT',
}
const PLACES = ['Hòa Bình', 'Tân Tiến', 'Đông Hưng', 'Phú Lộc', 'An Khánh', 'Thịnh Vượng']

/**
 * How a school of the demo stands, by its number: most run their plan at varied paces,
 * some have nothing started, a few have no plan this year; a third signed off their
 * semester-I review. So the roll-up shows every case and "needs attention" picks some.
 */
function shapeOf(n: number): { plan: 'none' | 'untouched' | 'running'; signed: boolean } {
  if (n % 11 === 10) return { plan: 'none', signed: false }
  if (n % 7 === 6) return { plan: 'untouched', signed: false }
  return { plan: 'running', signed: n % 3 === 0 }
}

export interface SeededDistrict {
  commune: { id: string; name: string; schools: number; overseer: string }
  province: { id: string; name: string; schools: number; overseer: string }
  /** Each school's principal login, e.g. t001-hieutruong. */
  principals: string[]
}

/**
 * A district-size demo (issue 14): a commune office over `communeSchools` schools and a
 * provincial department over `provinceSchools` (the commune's among them), each school with
 * its principal, monitor and teacher, its plan carried through the app's own use cases,
 * and an overseer for each body. Everyone logs in with the demo password.
 */
export async function seedDistrict(
  db: Db,
  input: { now: Date; communeSchools: number; provinceSchools: number },
): Promise<SeededDistrict> {
  const { now } = input
  const at = now.toISOString()
  const schoolYear = schoolYearOf(now)
  const total = Math.max(input.communeSchools, input.provinceSchools)
  // One hash for every account: hashing is slow on purpose, and they share the password.
  const hash = { hash: await hashPassword(DEMO_PASSWORD) }
  const schoolIds: string[] = []
  const principals: string[] = []
  for (let n = 0; n < total; n++) {
    const inCommune = n < input.communeSchools
    const level = inCommune ? COMMUNE_LEVELS[n % COMMUNE_LEVELS.length]! : levelOf(n)
    const number = String(n + 1).padStart(3, '0')
    const schoolId = await insertSchool(db, {
      name: `${LEVEL_NAMES[level]} ${PLACES[n % PLACES.length]} số ${n + 1} (demo)`,
      schoolLevel: level,
      now: at,
    })
    schoolIds.push(schoolId)
    const people = {
      principal: `t${number}-hieutruong`,
      monitor: `t${number}-giamsat`,
      teacher: `t${number}-giaovien`,
    }
    const ids = {} as Record<keyof typeof people, string>
    for (const [role, login] of Object.entries(people) as [keyof typeof people, string][]) {
      ids[role] = await insertUser(db, {
        login,
        displayName: `${role === 'principal' ? 'Hiệu trưởng' : role === 'monitor' ? 'Tổ giám sát' : 'Giáo viên'} trường số ${n + 1}`,
        password: hash,
        now: at,
      })
      await insertMembership(db, {
        schoolId,
        userId: ids[role],
        roles: [role === 'teacher' ? 'staff' : role],
        now: at,
      })
    }
    principals.push(people.principal)
    const shape = shapeOf(n)
    if (shape.plan === 'none') continue
    const planId = crypto.randomUUID()
    await insertPlan(db, {
      id: planId,
      schoolId,
      title: `Kế hoạch cải tiến chất lượng giáo dục năm học ${schoolYear}`,
      schoolYear,
      frameworkId: null,
      now: at,
    })
    const plan = { id: planId, school_id: schoolId, school_year: schoolYear, framework_id: null }
    await fillDemoPlan(db, {
      plan,
      now,
      cards: DEMO_STATUSES.map((status, i) => ({
        status: shape.plan === 'untouched' ? 'planned' : paceOf(n, i),
        assigneeIds: [i % 3 === 0 ? ids.principal : ids.teacher],
      })),
      principalId: ids.principal,
      monitorId: ids.monitor,
    })
    if (shape.signed) {
      const who = { planId, checkpoint: 'semester1' as const, actorId: ids.principal, now }
      const opened = await openCheckpoint(db, { ...who, plan, confirmEarly: true })
      if (!opened.ok) throw new Error(`district demo: review not opened (${opened.reason})`)
      const signed = await signCheckpoint(db, who)
      if (!signed.ok) throw new Error('district demo: review not signed')
    }
  }

  const body = async (
    kind: 'commune_office' | 'provincial_department',
    name: string,
    schools: string[],
    overseer: string,
  ) => {
    const id = await insertBody(db, { kind, name, now: at })
    await insertOversight(
      db,
      schools.map((schoolId) => ({ bodyId: id, schoolId })),
      at,
    )
    const userId = await insertUser(db, {
      login: overseer,
      displayName: `Chuyên viên ${name}`,
      password: hash,
      now: at,
    })
    await insertBodyMembers(db, [{ bodyId: id, userId, isLead: true }], at)
    return { id, name, schools: schools.length, overseer }
  }
  return {
    commune: await body(
      'commune_office',
      'Phòng Văn hóa - Xã hội xã Hòa Bình (demo)',
      schoolIds.slice(0, input.communeSchools),
      'xa-hoabinh',
    ),
    province: await body(
      'provincial_department',
      'Sở Giáo dục và Đào tạo tỉnh Demo',
      schoolIds.slice(0, input.provinceSchools),
      'so-gddt',
    ),
    principals,
  }
}

/** Levels of the province's own schools: mostly primary and secondary, some upper secondary. */
function levelOf(n: number): SchoolLevel {
  return (['primary', 'secondary', 'kindergarten', 'other'] as const)[n % 4]!
}

/** A school's card i: the demo board's column, a step behind or ahead by school. */
function paceOf(n: number, i: number): CardStatus {
  return DEMO_STATUSES[(i + n) % DEMO_STATUSES.length]!
}
