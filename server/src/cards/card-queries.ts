import { formatDateTime } from '@caitien/shared'
import {
  findBoardCard,
  findCardById,
  listAssigneeIds,
  selectCardEvidence,
  toCardDetail,
  type Executor,
} from './card.repository.ts'

/** One card as the board shows it (after a write, for the optimistic reconcile). */
export async function loadBoardCard(db: Executor, cardId: string) {
  return (await findBoardCard(db, cardId))?.card
}

/** A file item's name, size and type as lists show them (the name falls back to the title). */
export function evidenceFile(r: {
  title: string
  file_name: string | null
  size: number | null
  mime_type: string | null
}) {
  return {
    name: r.file_name ?? r.title,
    size: Number(r.size ?? 0),
    mimeType: r.mime_type ?? 'application/octet-stream',
  }
}

export async function listEvidence(db: Executor, cardId: string) {
  const rows = await selectCardEvidence(db, cardId)
    .innerJoin('app_user', 'app_user.id', 'evidence.created_by')
    .leftJoin('evidence_file', 'evidence_file.sha256', 'evidence.file_sha256')
    .select([
      'evidence.id',
      'evidence.card_id',
      'evidence.kind',
      'evidence.code',
      'evidence.title',
      'evidence.url',
      'evidence.note',
      'evidence.file_name',
      'evidence_file.size',
      'evidence_file.mime_type',
      'evidence.created_at',
      'evidence.created_by',
      'app_user.display_name',
    ])
    .orderBy('evidence.created_at')
    // Items added in the same instant keep their numbering order.
    .orderBy('evidence.code')
    .orderBy('evidence.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    code: r.code,
    title: r.title,
    url: r.url,
    note: r.note,
    file: r.kind === 'file' ? { ...evidenceFile(r), href: `/api/evidence/${r.id}/file` } : null,
    /** Linked here from another card: it keeps that card's code. */
    linkedFromCardId: r.card_id === cardId ? null : r.card_id,
    createdAt: r.created_at,
    createdBy: { id: r.created_by, displayName: r.display_name },
  }))
}

export async function listReviews(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('review')
    .innerJoin('app_user', 'app_user.id', 'review.reviewer_id')
    .select([
      'review.id',
      'review.at',
      'review.verdict',
      'review.reason',
      'review.submission',
      'review.reviewer_id',
      'app_user.display_name',
    ])
    .where('review.card_id', '=', cardId)
    .orderBy('review.at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    verdict: r.verdict,
    reason: r.reason,
    submission: r.submission,
    reviewer: { id: r.reviewer_id, displayName: r.display_name },
  }))
}

export async function listComments(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('comment')
    .innerJoin('app_user', 'app_user.id', 'comment.author_id')
    .select([
      'comment.id',
      'comment.body',
      'comment.created_at',
      'comment.author_id',
      'app_user.display_name',
    ])
    .where('comment.card_id', '=', cardId)
    .orderBy('comment.created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.created_at,
    author: { id: r.author_id, displayName: r.display_name },
  }))
}

export async function listActivity(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('activity')
    .leftJoin('app_user', 'app_user.id', 'activity.actor_id')
    .select([
      'activity.id',
      'activity.seq',
      'activity.at',
      'activity.action',
      'activity.from_status',
      'activity.to_status',
      'activity.reason',
      'activity.detail',
      'activity.actor_id',
      'app_user.display_name',
    ])
    .where('activity.card_id', '=', cardId)
    .orderBy('activity.seq', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    atText: formatDateTime(r.at),
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? '' } : null,
  }))
}

export async function loadCardDetail(db: Executor, cardId: string) {
  const row = await findCardById(db, cardId)
  if (!row) return undefined
  const [assigneeIds, evidence, comments, activity, reviews, submissions] = await Promise.all([
    listAssigneeIds(db, cardId),
    listEvidence(db, cardId),
    listComments(db, cardId),
    listActivity(db, cardId),
    listReviews(db, cardId),
    countSubmissions(db, cardId),
  ])
  return {
    ...toCardDetail(row, assigneeIds),
    evidence,
    comments,
    activity,
    reviews,
    /** How many times the card was submitted again after a send-back. */
    resubmissions: Math.max(0, submissions - 1),
  }
}

/** How many times evidence was submitted for the card (each move into "Đã nộp minh chứng"). */
export async function countSubmissions(db: Executor, cardId: string): Promise<number> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('card_id', '=', cardId)
    .where('action', '=', 'submit')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
