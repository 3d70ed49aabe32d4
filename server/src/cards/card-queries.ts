import { formatDateTime } from '@caitien/shared'
import {
  findCardById,
  listAssigneeIds,
  toBoardCard,
  toCardDetail,
  type Executor,
} from './card.repository.ts'

/** One card as the board shows it (after a write, for the optimistic reconcile). */
export async function loadBoardCard(db: Executor, cardId: string) {
  const row = await findCardById(db, cardId)
  if (!row) return undefined
  const [assigneeIds, evidence, comments] = await Promise.all([
    listAssigneeIds(db, cardId),
    db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('card_id', '=', cardId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('comment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('card_id', '=', cardId)
      .executeTakeFirstOrThrow(),
  ])
  return toBoardCard(row, {
    assigneeIds,
    evidenceCount: Number(evidence.n),
    commentCount: Number(comments.n),
  })
}

export async function listEvidence(db: Executor, cardId: string) {
  const rows = await db
    .selectFrom('evidence')
    .innerJoin('app_user', 'app_user.id', 'evidence.created_by')
    .select([
      'evidence.id',
      'evidence.kind',
      'evidence.code',
      'evidence.title',
      'evidence.url',
      'evidence.note',
      'evidence.created_at',
      'evidence.created_by',
      'app_user.display_name',
    ])
    .where('evidence.card_id', '=', cardId)
    .where('evidence.deleted_at', 'is', null)
    .orderBy('evidence.created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    code: r.code,
    title: r.title,
    url: r.url,
    note: r.note,
    createdAt: r.created_at,
    createdBy: { id: r.created_by, displayName: r.display_name },
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
  const [assigneeIds, evidence, comments, activity] = await Promise.all([
    listAssigneeIds(db, cardId),
    listEvidence(db, cardId),
    listComments(db, cardId),
    listActivity(db, cardId),
  ])
  return { ...toCardDetail(row, assigneeIds), evidence, comments, activity }
}
