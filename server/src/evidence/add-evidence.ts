import type { Db, Executor } from '@caitien/db'
import {
  evidenceAddRefusal,
  evidenceCode,
  evidenceCodeSeries,
  evidenceCodeStyle,
  type Actor,
  type AddEvidenceInput,
} from '@caitien/shared'
import { changeCard } from '../cards/change-card.ts'
import { findCardById, listAssigneeIds } from '../cards/card.repository.ts'
import { notFound } from '../http-error.ts'
import { findPlanFrameworkCode } from '../plans/plan.repository.ts'
import {
  findSchoolStorage,
  insertEvidence,
  insertEvidenceFile,
  listEvidenceCodes,
} from './evidence.repository.ts'

/** A stored file, as the upload route hands it over. */
export interface EvidenceFileInput {
  kind: 'file'
  title: string
  fileName: string
  sha256: string
  size: number
  mimeType: string
}

/**
 * Adds a link, note or file. Its code is the next number within the card's criterion in
 * this plan, in the style of the plan's framework ([Hn-a.b-xx] or MC.x.y.zz, shared
 * evidence-code.ts) (unique per plan, enforced by an index). A file must fit in the
 * school's storage quota, checked again here so that two uploads at once cannot both take
 * the last room. The card's version stays: evidence is beside the card.
 */
export async function addEvidence(
  db: Db,
  input: {
    cardId: string
    planId: string
    evidence: AddEvidenceInput | EvidenceFileInput
    actor: Actor
    now: string
    /** The school's storage quota in bytes, for a file. */
    quotaBytes?: number
  },
) {
  const e = input.evidence
  const result = await db.transaction().execute((trx) =>
    changeCard(trx, { ...input, version: null, actorId: input.actor.id }, async (card) => {
      const assigneeIds = await listAssigneeIds(trx, card.id)
      const refusal = evidenceAddRefusal({ status: card.status, assigneeIds }, input.actor)
      if (refusal) return { ok: false as const, reason: refusal }
      if (e.kind === 'file' && input.quotaBytes !== undefined) {
        const storage = await findSchoolStorage(trx, card.school_id, e.sha256)
        if (!storage.holds && storage.used + e.size > input.quotaBytes) {
          return { ok: false as const, reason: 'quota_exceeded' as const, used: storage.used }
        }
      }
      return {
        write: 'none',
        finish: async () => {
          const code = await nextEvidenceCode(trx, card)
          const evidenceId = crypto.randomUUID()
          if (e.kind === 'file') {
            await insertEvidenceFile(trx, { ...e, now: input.now })
          }
          await insertEvidence(trx, {
            id: evidenceId,
            card,
            kind: e.kind,
            code,
            title: e.title,
            url: e.kind === 'link' ? e.url : null,
            note: e.kind === 'note' ? e.note : null,
            file: e.kind === 'file' ? { sha256: e.sha256, name: e.fileName } : null,
            createdBy: input.actor.id,
            now: input.now,
          })
          return {
            log: {
              action: 'evidence_added',
              detail: { evidenceId, code, title: e.title, kind: e.kind },
            },
            value: { evidenceId, code, version: card.version },
          }
        },
      }
    }),
  )
  return result.ok ? { ok: true as const, ...result.value } : result
}

/**
 * Whether the actor may add evidence to the card, asked before an upload's body is read:
 * a refused upload should cost neither time nor disk. Null when they may.
 */
export async function checkEvidenceUpload(db: Db, cardId: string, actor: Actor) {
  const [card, assigneeIds] = await Promise.all([
    findCardById(db, cardId),
    listAssigneeIds(db, cardId),
  ])
  if (!card) throw notFound()
  return evidenceAddRefusal({ status: card.status, assigneeIds }, actor)
}

/**
 * Whether a school's storage has room for a file before it is stored (nothing is kept
 * over the quota); a content the school already stores costs nothing more.
 */
export async function checkStorageRoom(
  db: Db,
  schoolId: string,
  file: { sha256: string; size: number },
  quotaBytes: number,
) {
  const storage = await findSchoolStorage(db, schoolId, file.sha256)
  const ok = storage.holds || storage.used + file.size <= quotaBytes
  return { ok, used: storage.used }
}

/** The next free code of the card's criterion in its plan, in its framework's style; null without a criterion. */
async function nextEvidenceCode(
  trx: Executor,
  card: { plan_id: string; standard: string | null; criterion: string | null },
): Promise<string | null> {
  if (!card.standard || !card.criterion) return null
  const style = evidenceCodeStyle(await findPlanFrameworkCode(trx, card.plan_id))
  const series = evidenceCodeSeries(style, card.standard, card.criterion)
  const codes = await listEvidenceCodes(trx, card.plan_id, series.prefix)
  const max = codes.reduce((m, code) => Math.max(m, series.sequenceOf(code)), 0)
  return evidenceCode(style, card.standard, card.criterion, max + 1)
}
