import type { CardTable, Db } from '@caitien/db'
import {
  cardFieldsSchema,
  foldText,
  positionBetween,
  type Actor,
  type CardFields,
} from '@caitien/shared'
import {
  figureState,
  findNeighbourPositions,
  insertActivity,
  type Executor,
} from '../cards/card.repository.ts'
import { listSchoolMembers } from '../schools/school.repository.ts'
import type { ParsedPlan, ParsedRow, PlanProblem } from './import/parse-plan.ts'

/** The card columns a plan row fills, each with the row field it comes from. */
const ROW_COLUMNS = {
  standard: 'standard',
  standard_name: 'standardName',
  criterion: 'criterion',
  criterion_label: 'criterionLabel',
  section: 'section',
  weakness: 'weakness',
  target: 'target',
  tasks: 'tasks',
  measures: 'measures',
  lead: 'lead',
  coordinators: 'coordinators',
  timeframe: 'timeframe',
  budget: 'budget',
  funding_source: 'fundingSource',
  support: 'support',
  expected_evidence: 'evidence',
  notes: 'notes',
} as const satisfies Partial<Record<keyof CardTable, keyof ParsedRow>>
type RowColumn = keyof typeof ROW_COLUMNS

function columnsOf(row: ParsedRow) {
  const values = Object.fromEntries(
    Object.entries(ROW_COLUMNS).map(([column, field]) => [column, row[field] ?? null]),
  ) as Record<RowColumn, string | null>
  return {
    ...values,
    start_month: row.startMonth,
    due_month: row.dueMonth,
    budget_amount: row.budgetAmount,
  }
}

/** A row field under the name the card schema gives it. */
const SCHEMA_FIELDS = {
  standard: 'standard',
  standardName: 'standardName',
  criterion: 'criterion',
  criterionLabel: 'criterionLabel',
  section: 'section',
  weakness: 'weakness',
  target: 'target',
  tasks: 'tasks',
  measures: 'measures',
  lead: 'lead',
  coordinators: 'coordinators',
  timeframe: 'timeframe',
  budget: 'budget',
  fundingSource: 'fundingSource',
  support: 'support',
  evidence: 'expectedEvidence',
  notes: 'notes',
} as const satisfies Record<(typeof ROW_COLUMNS)[RowColumn], keyof CardFields>

/** The column a field was read from, by the file's own heading, for messages. */
function fieldHeading(parsed: ParsedPlan, field: string): string {
  const column =
    field === 'standardName' ? 'standard' : field === 'criterionLabel' ? 'criterion' : field
  return parsed.mapping.find((m) => m.field === column)?.heading ?? field
}

const count = (n: number | bigint, lang: 'vi-VN' | 'en-US') => Number(n).toLocaleString(lang)

/**
 * The rows a card could not hold: a field over the length the card schema allows (the same
 * schema every card edit goes through), named by row, column and limit. Such a file is
 * not imported at all, rather than cut short: a cut plan text is a silent loss.
 */
function fieldLimitProblems(parsed: ParsedPlan): PlanProblem[] {
  const problems: PlanProblem[] = []
  for (const row of parsed.rows) {
    const fields = Object.fromEntries(
      Object.entries(SCHEMA_FIELDS).map(([from, to]) => [
        to,
        row[from as keyof typeof SCHEMA_FIELDS],
      ]),
    )
    const result = cardFieldsSchema.safeParse(fields)
    if (result.success) continue
    for (const issue of result.error.issues) {
      const key = String(issue.path[0])
      const field = Object.entries(SCHEMA_FIELDS).find(([, to]) => to === key)?.[0] ?? key
      const heading = fieldHeading(parsed, field)
      const length = String(row[field as keyof typeof SCHEMA_FIELDS] ?? '').trim().length
      if (issue.code === 'too_big') {
        problems.push({
          row: row.sourceRow,
          message: `"${heading}" is ${count(length, 'en-US')} characters long, over the limit of ${count(issue.maximum, 'en-US')} a card holds; shorten it in the file. Nothing is imported until then.`,
          messageVi: `Ô “${heading}” dài ${count(length, 'vi-VN')} ký tự, vượt giới hạn ${count(issue.maximum, 'vi-VN')} ký tự của một thẻ; hãy rút gọn trong tệp. Chưa thể nhập tệp này cho đến khi sửa.`,
        })
      } else {
        problems.push({
          row: row.sourceRow,
          message: `"${heading}": ${issue.message}. Nothing is imported until it is corrected.`,
          messageVi: `Ô “${heading}” không hợp lệ (${issue.message}). Chưa thể nhập tệp này cho đến khi sửa.`,
        })
      }
    }
  }
  return problems
}

/**
 * Which card a plan row is: its criterion and its rank among the rows of that criterion.
 * Stable when a corrected file edits a row's text, so re-importing updates that card
 * instead of adding a duplicate; the same file twice matches every row.
 */
export function sourceKeys(rows: ParsedRow[]): string[] {
  const seen = new Map<string, number>()
  return rows.map((row) => {
    const base = `${row.standard ?? ''}|${row.criterion ?? foldText(row.tasks ?? '').slice(0, 80)}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return `${base}|${n}`
  })
}

export const leadKey = (text: string) => foldText(text)

export type ImportAction = 'create' | 'update' | 'unchanged'

/** What importing this parsed plan into this plan would do, card by card. Reads only. */
export async function previewImport(
  db: Executor,
  input: {
    plan: { id: string; school_id: string; framework_id: string | null }
    parsed: ParsedPlan
  },
) {
  const { plan, parsed } = input
  const keys = sourceKeys(parsed.rows)
  const [existing, criteria, frameworkRow, mappings, members] = await Promise.all([
    db
      .selectFrom('card')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('deleted_at', 'is', null)
      .where('source_key', 'is not', null)
      .execute(),
    plan.framework_id
      ? db
          .selectFrom('framework_criterion')
          .select('code')
          .where('framework_id', '=', plan.framework_id)
          .execute()
      : Promise.resolve(null),
    plan.framework_id
      ? db
          .selectFrom('framework')
          .select('code')
          .where('id', '=', plan.framework_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('lead_mapping')
      .select(['lead_key', 'user_id'])
      .where('school_id', '=', plan.school_id)
      .execute(),
    listSchoolMembers(db, plan.school_id),
  ])
  const byKey = new Map(existing.map((c) => [c.source_key!, c]))
  const known = criteria ? new Set(criteria.map((c) => c.code)) : null
  const refusals = fieldLimitProblems(parsed)
  const problems = [...parsed.problems, ...refusals]

  const rows = parsed.rows.map((row, i) => {
    const card = byKey.get(keys[i]!)
    const values = columnsOf(row)
    const changes = card
      ? (Object.keys(ROW_COLUMNS) as RowColumn[])
          .filter((column) => (card[column] ?? null) !== values[column])
          .map((column) => ROW_COLUMNS[column])
      : []
    const action: ImportAction = !card ? 'create' : changes.length ? 'update' : 'unchanged'
    const criterionKnown = !known || !row.criterion || known.has(row.criterion)
    if (!criterionKnown) {
      const framework = frameworkRow?.code ?? ''
      problems.push({
        row: row.sourceRow,
        message: `Criterion ${row.criterion} is not in ${framework}; the card keeps the code.`,
        messageVi: `Tiêu chí ${row.criterion} không có trong khung ${framework}; thẻ vẫn giữ mã này.`,
      })
    }
    return {
      sourceRow: row.sourceRow,
      key: keys[i]!,
      action,
      cardId: card?.id ?? null,
      changes,
      row,
      criterionKnown,
    }
  })

  const remembered = new Map<string, string[]>()
  for (const m of mappings)
    remembered.set(m.lead_key, [...(remembered.get(m.lead_key) ?? []), m.user_id])
  const leadCounts = new Map<string, { text: string; count: number }>()
  for (const row of parsed.rows) {
    const text = row.lead?.trim()
    if (!text) continue
    const key = leadKey(text)
    const entry = leadCounts.get(key) ?? { text, count: 0 }
    entry.count++
    leadCounts.set(key, entry)
  }
  const leads = [...leadCounts.entries()].map(([key, { text, count }]) => ({
    text,
    count,
    userIds: remembered.get(key) ?? [],
  }))
  const count = (a: ImportAction) => rows.filter((r) => r.action === a).length
  return {
    rows,
    problems: problems.sort((a, b) => a.row - b.row),
    /** Problems that stop the import: confirming is refused while there is one. */
    refusals,
    leads,
    members,
    summary: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      problems: problems.length,
      refusals: refusals.length,
    },
  }
}

/**
 * Applies an import: new rows become planned cards at the end of "Kế hoạch"; changed
 * rows update their card's plan fields and keep its status, assignees, evidence and
 * history; unchanged rows are left alone. Lead texts mapped to accounts are remembered
 * and assign those accounts to the new cards, and to matched cards nobody is assigned to.
 */
export async function applyImport(
  db: Db,
  input: {
    plan: { id: string; school_id: string; framework_id: string | null }
    parsed: ParsedPlan
    leads: { text: string; userIds: string[] }[]
    fileName: string
    actor: Actor
    now: string
  },
) {
  const { plan, now, actor } = input
  // Preview and writes in one transaction: two imports of one file cannot both create.
  return db.transaction().execute(async (trx) => {
    const preview = await previewImport(trx, input)
    if (preview.refusals.length) return { ok: false as const, refusals: preview.refusals }
    const memberIds = new Set(
      (
        await trx
          .selectFrom('membership')
          .select('user_id')
          .where('school_id', '=', plan.school_id)
          .execute()
      ).map((m) => m.user_id),
    )
    const leadUsers = new Map<string, string[]>()
    for (const lead of input.leads) {
      const key = leadKey(lead.text)
      const userIds = [...new Set(lead.userIds)].filter((id) => memberIds.has(id))
      leadUsers.set(key, userIds)
      await trx
        .deleteFrom('lead_mapping')
        .where('school_id', '=', plan.school_id)
        .where('lead_key', '=', key)
        .execute()
      if (userIds.length) {
        await trx
          .insertInto('lead_mapping')
          .values(
            userIds.map((user_id) => ({
              school_id: plan.school_id,
              lead_key: key,
              user_id,
              created_at: now,
            })),
          )
          .execute()
      }
    }
    const assigneesFor = (row: ParsedRow) =>
      row.lead ? (leadUsers.get(leadKey(row.lead)) ?? null) : null

    let { above } = await findNeighbourPositions(trx, {
      planId: plan.id,
      status: 'planned',
      cardId: '',
      beforeCardId: null,
    })
    const created: string[] = []
    const updated: string[] = []
    for (const item of preview.rows) {
      if (item.action === 'unchanged' && !item.cardId) continue
      const values = columnsOf(item.row)
      if (item.action === 'create') {
        const id: string = crypto.randomUUID()
        const position = positionBetween(above, null)
        above = position
        await trx
          .insertInto('card')
          .values({
            id,
            plan_id: plan.id,
            school_id: plan.school_id,
            status: 'planned',
            position,
            version: 1,
            ...values,
            source_key: item.key,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute()
        const assignees = assigneesFor(item.row) ?? []
        if (assignees.length) {
          await trx
            .insertInto('card_assignee')
            .values(assignees.map((user_id) => ({ card_id: id, user_id, created_at: now })))
            .execute()
        }
        await insertActivity(trx, {
          school_id: plan.school_id,
          plan_id: plan.id,
          card_id: id,
          actor_id: actor.id,
          at: now,
          action: 'created',
          to_status: 'planned',
          detail: {
            import: input.fileName,
            sourceRow: item.sourceRow,
            state: { ...figureState(values), assigneeIds: assignees },
          },
        })
        created.push(id)
        continue
      }
      const cardId = item.cardId!
      if (item.action === 'update') {
        await trx
          .updateTable('card')
          .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', cardId)
          .execute()
        await insertActivity(trx, {
          school_id: plan.school_id,
          plan_id: plan.id,
          card_id: cardId,
          actor_id: actor.id,
          at: now,
          action: 'edited',
          detail: {
            fields: item.changes,
            import: input.fileName,
            sourceRow: item.sourceRow,
            state: figureState(values),
          },
        })
        updated.push(cardId)
      }
      const assignees = assigneesFor(item.row)
      if (assignees?.length) {
        const current = await trx
          .selectFrom('card_assignee')
          .select('user_id')
          .where('card_id', '=', cardId)
          .execute()
        if (current.length === 0) {
          await trx
            .insertInto('card_assignee')
            .values(assignees.map((user_id) => ({ card_id: cardId, user_id, created_at: now })))
            .execute()
          await insertActivity(trx, {
            school_id: plan.school_id,
            plan_id: plan.id,
            card_id: cardId,
            actor_id: actor.id,
            at: now,
            action: 'assigned',
            detail: { before: [], after: assignees, import: input.fileName },
          })
        }
      }
    }
    return { ok: true as const, created, updated, unchanged: preview.summary.unchanged }
  })
}
