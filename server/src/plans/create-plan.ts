import type { Db } from '@caitien/db'
import type { CreatePlanInput } from '@caitien/shared'
import { findFramework } from '../frameworks/framework.repository.ts'
import { insertPlan } from './plan.repository.ts'

/** A new active plan of a school, following a stored criteria framework. */
export async function createPlan(db: Db, input: CreatePlanInput & { now: string }) {
  if (!(await findFramework(db, input.frameworkId))) {
    return { ok: false as const, reason: 'unknown_framework' as const }
  }
  const id = crypto.randomUUID()
  await insertPlan(db, { id, ...input })
  return { ok: true as const, planId: id }
}
