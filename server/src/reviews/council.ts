import type { Db, Executor } from '@caitien/db'
import {
  councilNames,
  defaultCouncilKind,
  type CouncilInput,
  type CouncilKind,
  type CouncilMember,
  type Lang,
} from '@caitien/shared'
import { findCouncil, listActiveMemberIds, replaceCouncil } from './checkpoint.repository.ts'

/** A plan's monitoring body as the API answers it. */
export interface PlanCouncil {
  kind: CouncilKind
  /** Its name in each language (councilNames), for the screens' headings. */
  name: Record<Lang, string>
  /** True until the principal saves one: the kind is the framework's default. */
  isDefault: boolean
  members: (CouncilMember & { name: string })[]
}

/** The plan's body: the stored one, or the framework's default with no members. */
export async function loadCouncil(
  db: Executor,
  plan: { id: string; framework_id: string | null },
): Promise<PlanCouncil> {
  const stored = await findCouncil(db, plan.id)
  const kind = stored?.kind ?? defaultCouncilKind(plan.framework_id)
  return {
    kind,
    name: { vi: councilNames.vi[kind], en: councilNames.en[kind] },
    isDefault: stored === null,
    members: stored?.members ?? [],
  }
}

/**
 * Names the plan's body and its members. Every member must be an active member of the school;
 * at most one chair.
 */
export async function saveCouncil(
  db: Db,
  input: { plan: { id: string; school_id: string }; council: CouncilInput; by: string; at: string },
): Promise<{ ok: true } | { ok: false; reason: 'not_member' | 'two_chairs' }> {
  const { members, kind } = input.council
  if (members.filter((m) => m.title === 'chair').length > 1) {
    return { ok: false, reason: 'two_chairs' }
  }
  return db.transaction().execute(async (trx) => {
    const active = await listActiveMemberIds(
      trx,
      input.plan.school_id,
      members.map((m) => m.userId),
    )
    if (members.some((m) => !active.has(m.userId))) return { ok: false, reason: 'not_member' }
    await replaceCouncil(trx, { planId: input.plan.id, kind, members, by: input.by, at: input.at })
    return { ok: true }
  })
}
