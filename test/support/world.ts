import type { SchoolRole } from '@caitien/shared'
import {
  insertTestBody,
  insertTestCard,
  insertTestOverseer,
  insertTestPlan,
  insertTestSchool,
  insertTestUser,
} from '@caitien/server/testing'
import type { Db } from '@caitien/db'

/**
 * One school with a person per role and one plan, plus another school with its own
 * plan and card, and a body overseeing the first school with one overseer: the smallest
 * world in which every rule and every tenancy check shows.
 */
export async function buildWorld(db: Db) {
  const schoolId = await insertTestSchool(db)
  const users = {
    assignee: await insertTestUser(db, schoolId, ['staff']),
    staff: await insertTestUser(db, schoolId, ['staff']),
    monitor: await insertTestUser(db, schoolId, ['monitor']),
    monitorAssignee: await insertTestUser(db, schoolId, ['monitor', 'staff']),
    principal: await insertTestUser(db, schoolId, ['principal']),
  } satisfies Record<string, { id: string; login: string }>
  const plan = await insertTestPlan(db, schoolId)

  const otherSchoolId = await insertTestSchool(db)
  const outsider = await insertTestUser(db, otherSchoolId, [
    'staff',
    'monitor',
    'principal',
  ] as SchoolRole[])
  const otherPlan = await insertTestPlan(db, otherSchoolId)
  const otherCard = await insertTestCard(db, otherPlan, { assigneeIds: [outsider.id] })
  // A commune office overseeing the first school only: its overseer reads that school.
  const bodyId = await insertTestBody(db, [schoolId])
  const overseer = await insertTestOverseer(db, bodyId)
  return { schoolId, users, plan, otherSchoolId, outsider, otherPlan, otherCard, bodyId, overseer }
}
export type World = Awaited<ReturnType<typeof buildWorld>>
