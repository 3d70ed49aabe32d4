import type { CardTable, Db } from '@caitien/db'
import { cardTitleOfRow, type Actor, type PlanField } from '@caitien/shared'
import { countCardEntries } from '../activity/activity.repository.ts'
import { changeCard } from '../cards/change-card.ts'
import {
  PLAN_FIELD_COLUMNS,
  figureState,
  findCardById,
  listCardTitles,
} from '../cards/card.repository.ts'
import {
  findCardProblemId,
  revertImportProblems,
  setCardProblem,
} from './plan-problem.repository.ts'
import {
  findPlanImport,
  listPlanImports,
  updatePlanImportUndone,
  type ColumnValues,
  type ImportUndoDetail,
} from './plan-import.repository.ts'

/**
 * A plan's imports, newest first: who, when, which file, what each did and, once undone,
 * what the undo could not take back (each card with its criterion and title).
 */
export async function listImports(db: Db, planId: string) {
  const imports = await listPlanImports(db, planId)
  const keptIds = imports.flatMap((i) => i.undone?.detail?.kept.map((k) => k.cardId) ?? [])
  const titles = new Map(
    (await listCardTitles(db, [...new Set(keptIds)])).map((c) => [
      c.id,
      { criterion: c.criterion, title: cardTitleOfRow(c) },
    ]),
  )
  return imports.map(({ detail, undone, ...record }) => ({
    ...record,
    timeframes: detail.timeframes,
    undone: undone && {
      at: undone.at,
      by: undone.by,
      removed: undone.detail?.removed.length ?? 0,
      restored: undone.detail?.restored.length ?? 0,
      kept: (undone.detail?.kept ?? []).map((k) => ({
        ...k,
        criterion: titles.get(k.cardId)?.criterion ?? null,
        title: titles.get(k.cardId)?.title ?? '',
      })),
    },
  }))
}

/** The columns that go with a plan field: the field itself and what was read from it. */
function columnsOfField(field: PlanField): (keyof ColumnValues)[] {
  const column = PLAN_FIELD_COLUMNS[field]
  if (field === 'timeframe') return [column, 'start_month', 'due_month']
  if (field === 'budget') return [column, 'budget_amount']
  return [column]
}

const same = (a: unknown, b: unknown) =>
  (a ?? null) === (b ?? null) || (typeof b === 'number' && Number(a) === b)

/**
 * Undoes an import, as far as the board since allows, in one transaction:
 * - a card it created is removed (soft delete, logged) if it is still in "Kế hoạch" and
 *   nothing happened to it since (its only log entry is its creation, its version is 1);
 * - a field it changed is restored to its value before the import if it still holds the
 *   value the import wrote (logged as an edit, with the figures' fields as they now stand).
 * Everything else is kept and listed with its reason. Every change goes through the card
 * skeleton and the activity log, so monthly figures stay derivable from the log.
 */
export async function undoImport(
  db: Db,
  input: { planId: string; importId: string; actor: Actor; now: string },
) {
  return db.transaction().execute(async (trx) => {
    const record = await findPlanImport(trx, input.planId, input.importId)
    if (!record) return { ok: false as const, reason: 'not_found' as const }
    if (record.undone_at) return { ok: false as const, reason: 'already_undone' as const }
    const { detail } = record
    const result: ImportUndoDetail = { removed: [], restored: [], kept: [] }
    const target = (cardId: string) => ({
      cardId,
      planId: input.planId,
      version: null,
      actorId: input.actor.id,
      now: input.now,
    })

    const entries = await countCardEntries(trx, detail.created)
    for (const cardId of detail.created) {
      const card = await findCardById(trx, cardId)
      if (!card || card.deleted_at) {
        result.kept.push({ cardId, reason: 'deleted', fields: [] })
        continue
      }
      if (card.status !== 'planned') {
        result.kept.push({ cardId, reason: 'moved', fields: [] })
        continue
      }
      if (card.version !== 1 || (entries.get(cardId) ?? 0) > 1) {
        result.kept.push({ cardId, reason: 'changed_since', fields: [] })
        continue
      }
      await changeCard(trx, { ...target(cardId), card, version: card.version }, () => ({
        write: { deleted_at: input.now },
        finish: () => ({
          log: { action: 'deleted', detail: null, fromStatus: card.status },
          value: null,
        }),
      }))
      result.removed.push(cardId)
    }

    for (const change of detail.changed) {
      const card = await findCardById(trx, change.cardId)
      if (!card || card.deleted_at) {
        result.kept.push({ cardId: change.cardId, reason: 'deleted', fields: change.fields })
        continue
      }
      const restorable = change.fields.filter((field) =>
        columnsOfField(field).every((c) => same(card[c], change.after[c])),
      )
      const changedSince = change.fields.filter((f) => !restorable.includes(f))
      if (changedSince.length) {
        result.kept.push({ cardId: card.id, reason: 'fields_changed', fields: changedSince })
      }
      if (restorable.length === 0) continue
      const write: ColumnValues = {}
      for (const field of restorable)
        for (const c of columnsOfField(field)) write[c] = change.before[c] ?? null
      await changeCard(trx, { ...target(card.id), card }, () => ({
        // Only plan fields and what is read from them: the columns the import wrote.
        write: write as Partial<CardTable>,
        finish: () => ({
          log: {
            action: 'edited',
            detail: {
              fields: restorable,
              import: record.file_name,
              state: figureState({ ...card, ...write } as Parameters<typeof figureState>[0]),
            },
          },
          value: null,
        }),
      }))
      result.restored.push({ cardId: card.id, fields: restorable })
    }

    if (detail.problems) {
      await revertImportProblems(trx, input.planId, record.id)
      // A link goes back only where the import's link still stands.
      for (const link of detail.problems.links) {
        if (result.removed.includes(link.cardId)) continue
        if ((await findCardProblemId(trx, link.cardId)) === link.after)
          await setCardProblem(trx, link.cardId, link.before)
      }
    }

    const marked = await updatePlanImportUndone(trx, {
      importId: record.id,
      at: input.now,
      by: input.actor.id,
      detail: result,
    })
    if (!marked) throw new Error(`import ${record.id} undone twice at once`)
    return { ok: true as const, ...result }
  })
}
