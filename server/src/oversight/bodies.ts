import type { Db } from '@caitien/db'
import {
  readsAsOverseer,
  reviewAnswerRefusal,
  type Actor,
  type BodyKind,
  type EvidenceViewKind,
  type ReviewAnswerInput,
} from '@caitien/shared'
import { generateOneTimePassword } from '../auth/one-time-password.ts'
import { hashPassword } from '../auth/password.ts'
import { findUserByLogin, insertUser } from '../schools/account.repository.ts'
import { findCheckpointReviewById } from '../reviews/checkpoint.repository.ts'
import {
  countSchools,
  findBody,
  findBodyMember,
  findReviewAnswer,
  insertBody,
  insertBodyMembers,
  insertEvidenceViews,
  insertReviewAnswer,
  listBodies,
  listBodiesOfUser,
  listBodiesOverseeing,
  listEvidenceViews,
  listOversightLinks,
  replaceOversight,
} from './body.repository.ts'
import { bodyOversees } from './rollup.repository.ts'

/** Overseeing bodies and their people (docs/decisions/029): the use cases. */

export async function createBody(db: Db, input: { kind: BodyKind; name: string; now: string }) {
  return insertBody(db, input)
}

/** Every body, with the schools it oversees (the administrator's page ticks them). */
export async function listAllBodies(db: Db) {
  const [bodies, links] = await Promise.all([listBodies(db), listOversightLinks(db)])
  const schoolsOf = new Map<string, string[]>()
  for (const l of links) {
    const ids = schoolsOf.get(l.body_id) ?? []
    ids.push(l.school_id)
    schoolsOf.set(l.body_id, ids)
  }
  return bodies.map((b) => ({
    id: b.id,
    kind: b.kind,
    name: b.name,
    schoolCount: Number(b.school_count),
    memberCount: Number(b.member_count),
    schoolIds: schoolsOf.get(b.id) ?? [],
  }))
}

export async function listMyBodies(db: Db, userId: string) {
  return (await listBodiesOfUser(db, userId)).map((b) => ({
    id: b.id,
    kind: b.kind,
    name: b.name,
    isLead: b.is_lead === 1,
  }))
}

/**
 * The body as this person may see it: the system administrator sees every body, a person
 * their own; undefined otherwise (answered 404, like a body that does not exist).
 */
export async function findBodyFor(db: Db, bodyId: string, who: { id: string; isAdmin: boolean }) {
  const [body, member] = await Promise.all([
    findBody(db, bodyId),
    findBodyMember(db, bodyId, who.id),
  ])
  if (!body || (!member && !who.isAdmin)) return undefined
  return { ...body, isMember: member !== undefined, isLead: member?.is_lead === 1 }
}

/** The schools a body oversees, replaced; refused when an id is not a school. */
export async function setBodySchools(
  db: Db,
  input: { bodyId: string; schoolIds: readonly string[]; now: string },
) {
  const ids = [...new Set(input.schoolIds)]
  return db.transaction().execute(async (trx) => {
    if ((await countSchools(trx, ids)) !== ids.length) {
      return { ok: false as const, reason: 'no_school' as const }
    }
    await replaceOversight(trx, input.bodyId, ids, input.now)
    return { ok: true as const, count: ids.length }
  })
}

/** A new overseer account of a body, with a one-time password shown once. */
export async function createOverseer(
  db: Db,
  input: {
    bodyId: string
    login: string
    displayName: string
    isLead: boolean
    password?: string
    now: string
  },
) {
  const password = input.password ?? generateOneTimePassword()
  const hash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    if (!(await findBody(trx, input.bodyId))) {
      return { ok: false as const, reason: 'no_body' as const }
    }
    if (await findUserByLogin(trx, input.login)) {
      return { ok: false as const, reason: 'login_taken' as const }
    }
    const userId = await insertUser(trx, {
      login: input.login,
      displayName: input.displayName,
      password: { hash },
      mustChangePassword: input.password === undefined,
      now: input.now,
    })
    await insertBodyMembers(
      trx,
      [{ bodyId: input.bodyId, userId, isLead: input.isLead }],
      input.now,
    )
    return {
      ok: true as const,
      user: { id: userId, login: input.login, oneTimePassword: password },
    }
  })
}

/**
 * Logs an overseer's look at a school's evidence (a plan's list or one file), once per body
 * through which they read it, for the school to see. A member of the school is not logged.
 */
export async function logEvidenceView(
  db: Db,
  input: {
    actor: Actor
    schoolId: string
    planId: string
    evidenceId: string | null
    kind: EvidenceViewKind
    at: string
  },
): Promise<void> {
  if (!readsAsOverseer(input.actor)) return
  const bodies = await listBodiesOverseeing(db, input.schoolId, input.actor.id)
  await insertEvidenceViews(
    db,
    bodies.map((b) => ({
      schoolId: input.schoolId,
      planId: input.planId,
      evidenceId: input.evidenceId,
      bodyId: b.body_id,
      userId: input.actor.id,
      kind: input.kind,
      at: input.at,
    })),
  )
}

/** The latest overseers' views of a plan's evidence, for the school. */
export async function loadEvidenceViews(db: Db, planId: string) {
  const rows = await listEvidenceViews(db, planId, 100)
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    evidenceId: r.evidence_id,
    evidenceTitle: r.evidence_title,
    userName: r.user_name,
    bodyName: r.body_name,
  }))
}

/**
 * A body's answer to a school's signed-off review: acknowledged, or sent back with a reason;
 * once per signing. The review must be of a school the body oversees (404 otherwise).
 */
export async function answerReview(
  db: Db,
  input: {
    bodyId: string
    reviewId: string
    userId: string
    answer: ReviewAnswerInput
    now: string
  },
) {
  return db.transaction().execute(async (trx) => {
    const review = await findCheckpointReviewById(trx, input.reviewId)
    if (!review || !(await bodyOversees(trx, input.bodyId, review.school_id))) {
      return { ok: false as const, reason: 'not_found' as const }
    }
    const answered = review.signed_at
      ? await findReviewAnswer(trx, {
          reviewId: review.id,
          bodyId: input.bodyId,
          signedAt: review.signed_at,
        })
      : undefined
    const refusal = reviewAnswerRefusal(
      { signedAt: review.signed_at },
      input.answer,
      answered !== undefined,
    )
    if (refusal) return { ok: false as const, reason: refusal }
    const reason = input.answer.verdict === 'sent_back' ? input.answer.reason!.trim() : null
    const id = await insertReviewAnswer(trx, {
      reviewId: review.id,
      schoolId: review.school_id,
      bodyId: input.bodyId,
      signedAt: review.signed_at!,
      verdict: input.answer.verdict,
      reason,
      userId: input.userId,
      at: input.now,
    })
    return { ok: true as const, id, planId: review.plan_id }
  })
}
