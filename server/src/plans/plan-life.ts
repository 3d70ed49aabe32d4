import type { Db } from '@caitien/db'
import {
  PLAN_RESTORE_DAYS,
  canRestore,
  isPlanRestorable,
  planDeletionRefusal,
  planPurgeAt,
} from '@caitien/shared'
import { countLiveCards } from '../cards/card.repository.ts'
import { startPeriodicJob } from '../periodic-job.ts'
import { listMemberships } from '../schools/account.repository.ts'
import {
  deletePlansDeletedBefore,
  listDeletedPlans as listDeletedPlanRows,
  updatePlanDeleted,
  updatePlanState,
} from './plan.repository.ts'

const DAY_MS = 86_400_000

/** Archives a plan: read-only from now on (shared planWriteRefusal), still read and exported. */
export async function archivePlan(db: Db, input: { planId: string; actorId: string; now: string }) {
  await updatePlanState(db, input.planId, { state: 'archived', by: input.actorId, now: input.now })
}

/** Makes an archived plan active again. */
export async function unarchivePlan(db: Db, input: { planId: string; now: string }) {
  await updatePlanState(db, input.planId, { state: 'active', by: null, now: input.now })
}

/**
 * Deletes a plan softly, when plan-life.ts allows it (an empty plan; one with cards only
 * with its name typed). It leaves every list at once and can be restored for
 * PLAN_RESTORE_DAYS; the purge removes it after that.
 */
export async function deletePlan(
  db: Db,
  input: {
    plan: { id: string; title: string }
    confirmTitle: string | null | undefined
    actorId: string
    now: string
  },
) {
  return db.transaction().execute(async (trx) => {
    const cardCount = await countLiveCards(trx, input.plan.id)
    const refusal = planDeletionRefusal({ title: input.plan.title, cardCount }, input.confirmTitle)
    if (refusal) return { ok: false as const, reason: refusal, cardCount }
    await updatePlanDeleted(trx, input.plan.id, {
      deletedAt: input.now,
      by: input.actorId,
      now: input.now,
    })
    return { ok: true as const, cardCount, purgeAt: planPurgeAt(input.now) }
  })
}

/** Restores a deleted plan within PLAN_RESTORE_DAYS; its cards come back with it, untouched. */
export async function restorePlan(
  db: Db,
  input: { plan: { id: string; deleted_at: string }; now: Date },
) {
  if (!isPlanRestorable(input.plan.deleted_at, input.now)) {
    return { ok: false as const, reason: 'expired' as const, days: PLAN_RESTORE_DAYS }
  }
  const now = input.now.toISOString()
  await updatePlanDeleted(db, input.plan.id, { deletedAt: null, by: null, now })
  return { ok: true as const }
}

/** The deleted plans a person may restore: those of the schools they run, still restorable. */
export async function listDeletedPlans(db: Db, userId: string, now: Date) {
  const memberships = await listMemberships(db, userId)
  const schoolIds = memberships
    .filter((m) => canRestore({ id: userId, roles: m.roles }))
    .map((m) => m.schoolId)
  const plans = await listDeletedPlanRows(db, schoolIds)
  return plans
    .filter((p) => isPlanRestorable(p.deletedAt, now))
    .map((p) => ({ ...p, purgeAt: planPurgeAt(p.deletedAt) }))
}

/** Removes the plans deleted more than PLAN_RESTORE_DAYS ago, with everything of theirs. */
export async function purgeDeletedPlans(db: Db, now: Date) {
  const before = new Date(now.getTime() - PLAN_RESTORE_DAYS * DAY_MS).toISOString()
  return deletePlansDeletedBefore(db, before)
}

/** The purge of deleted plans: at start, then hourly (server/src/periodic-job.ts). */
export function startPlanPurge(options: {
  db: Db
  now: () => Date
  intervalMs?: number
  log?: (line: string) => void
}) {
  return startPeriodicJob({
    name: 'deleted plan purge',
    alone: options.db,
    intervalMs: options.intervalMs ?? 3_600_000,
    log: options.log,
    run: async () => {
      const gone = await purgeDeletedPlans(options.db, options.now())
      for (const p of gone) options.log?.(`deleted plan purged: ${p.id}`)
    },
  })
}
