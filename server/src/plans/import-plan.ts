import type { Db, Executor } from '@caitien/db'
import {
  cardFieldsSchema,
  foldText,
  pickFrameworkOfCircular,
  positionBetween,
  rowProblem,
  shiftTimeframe,
  type Actor,
  type PlanField,
  type TimeframeChoice,
  type TimeframeShift,
} from '@caitien/shared'
import { parseTimeframe } from '@caitien/shared/plan-fields'
import { changeCard } from '../cards/change-card.ts'
import { insertNewCard } from '../cards/create-card.ts'
import {
  PLAN_FIELDS,
  PLAN_FIELD_COLUMNS,
  changedPlanFields,
  figureState,
  findNeighbourPositions,
  insertAssignees,
  listAssigneeIds,
  listImportedCards,
  planColumns,
  type PlanFields,
} from '../cards/card.repository.ts'
import {
  findFramework,
  listFrameworkCriteria,
  listFrameworkRows,
} from '../frameworks/framework.repository.ts'
import { listMemberIds, listSchoolMembers } from '../schools/account.repository.ts'
import { calendarFor } from '../schools/calendar-for.ts'
import type { ParsedPlan, ParsedRow, PlanProblem } from './import/parse-plan.ts'
import { schoolLevelOfName } from './import/plan-context.ts'
import type { PlanRowFields } from './import/understand-table.ts'
import { listLeadMappings, updateLeadMapping } from './plan.repository.ts'
import {
  findCardProblemId,
  insertProblems,
  replaceCurrentProblems,
  setCardProblem,
} from './plan-problem.repository.ts'
import {
  insertPlanImport,
  type ColumnValues,
  type ImportRecordDetail,
} from './plan-import.repository.ts'

/** The card schema's name of each plan field, as a plan row names it. */
const rowFieldOf = (field: PlanField) => (field === 'expectedEvidence' ? 'evidence' : field)

/** A plan row's fields by their names in the card schema (shared/src/schemas/card.ts). */
export function planFieldsOfRow(row: Partial<PlanRowFields>): PlanFields {
  return Object.fromEntries(PLAN_FIELDS.map((f) => [f, row[rowFieldOf(f)] ?? null])) as PlanFields
}

/** The card columns a parsed plan row fills: its text, and the values parsed from it. */
function columnsOf(row: ParsedRow) {
  return planColumns(planFieldsOfRow(row), {
    start_month: row.startMonth,
    due_month: row.dueMonth,
    budget_amount: row.budgetAmount,
  })
}

/** The column a field was read from, by the file's own heading, for messages. */
function fieldHeading(parsed: ParsedPlan, field: string): string {
  const column =
    field === 'standardName' ? 'standard' : field === 'criterionLabel' ? 'criterion' : field
  return parsed.mapping.find((m) => m.field === column)?.heading ?? field
}

/**
 * The rows a card could not hold: a field over the length the card schema allows (the same
 * schema every card edit goes through), named by row, column and limit. Such a file is
 * not imported at all, rather than cut short: a cut plan text is a silent loss.
 */
function fieldLimitProblems(parsed: ParsedPlan): PlanProblem[] {
  const problems: PlanProblem[] = []
  for (const row of parsed.rows) {
    const fields = planFieldsOfRow(row)
    const result = cardFieldsSchema.safeParse(fields)
    if (result.success) continue
    for (const issue of result.error.issues) {
      const field = issue.path[0] as PlanField
      const heading = fieldHeading(parsed, rowFieldOf(field))
      const length = String(fields[field] ?? '').trim().length
      problems.push(
        issue.code === 'too_big'
          ? rowProblem(row.sourceRow, 'fieldTooLong', {
              heading,
              length,
              limit: Number(issue.maximum),
            })
          : rowProblem(row.sourceRow, 'fieldInvalid', { heading, issue: issue.message }),
      )
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

/** A lead text as remembered: folded, so that spelling variants of one name match. */
export const leadKeyOf = (text: string) => foldText(text)

export type ImportAction = 'create' | 'update' | 'unchanged'

/**
 * What a file says about itself, for a new plan made from it: its school, school year and
 * circular, how many rows it has, and the stored framework of that circular (the latest
 * version of it) to propose. Reads only.
 */
export async function readPlanFile(db: Executor, parsed: ParsedPlan) {
  const frameworks = await listFrameworkRows(db)
  const circular = parsed.circular
  return {
    school: parsed.school,
    schoolYear: parsed.schoolYear,
    circular,
    rows: parsed.rows.length,
    frameworkId: circular
      ? pickFrameworkOfCircular(frameworks, {
          circular,
          schoolLevel: schoolLevelOfName(parsed.school),
        })
      : null,
    frameworks: frameworks.map((f) => ({
      id: f.id,
      code: f.code,
      title: f.title,
      schoolLevel: f.schoolLevel,
    })),
  }
}

/** What a preview and an import read: the plan imported into, the file, and the choice of months. */
interface ImportInput {
  plan: { id: string; school_id: string; framework_id: string | null; school_year: string }
  parsed: ParsedPlan
  /** Keep the file's months, or move them into the plan's school year (default: keep). */
  timeframes: TimeframeChoice
  /** Source rows of the proposed prose rows to import beside the table's rows. */
  acceptProse: number[]
}

/**
 * The file's timeframes read with the school's calendar for the file's school year ("Học kỳ I"
 * then means its months when it set its own, not the default ones).
 */
async function withSchoolCalendar(
  db: Executor,
  schoolId: string,
  parsed: ParsedPlan,
): Promise<ParsedPlan> {
  if (!parsed.schoolYear) return parsed
  const schoolYear = parsed.schoolYear
  const calendar = await calendarFor(db, schoolId, schoolYear)
  const rows = parsed.rows.map((row) =>
    row.timeframe ? { ...row, ...parseTimeframe(row.timeframe, schoolYear, calendar) } : row,
  )
  return { ...parsed, rows }
}

/** The table's rows, then the accepted prose rows: an accepted row is imported like any other. */
function withAcceptedProse(parsed: ParsedPlan, accepted: number[]): ParsedPlan {
  const chosen = new Set(accepted)
  const prose = parsed.proposed.filter((r) => chosen.has(r.sourceRow))
  return prose.length ? { ...parsed, rows: [...parsed.rows, ...prose] } : parsed
}

/**
 * Each row's timeframe before and after a move into the plan's school year, each year's
 * semesters read with the school's calendar for it.
 */
async function timeframeMoves(
  db: Executor,
  schoolId: string,
  parsed: ParsedPlan,
  planYear: string,
) {
  const calendars = {
    from: parsed.schoolYear ? await calendarFor(db, schoolId, parsed.schoolYear) : null,
    to: await calendarFor(db, schoolId, planYear),
  }
  return parsed.rows.map((row) =>
    row.timeframe ? shiftTimeframe(row.timeframe, parsed.schoolYear, planYear, calendars) : null,
  )
}

/** The plan with its timeframes moved into the plan's school year. */
function movedPlan(parsed: ParsedPlan, moves: (TimeframeShift | null)[]): ParsedPlan {
  const rows = parsed.rows.map((row, i) => {
    const move = moves[i]
    if (!move) return row
    const { text, startMonth, dueMonth } = move.after
    return { ...row, timeframe: text, startMonth, dueMonth }
  })
  return { ...parsed, rows }
}

/**
 * The file beside the plan: its school year and circular against the plan's, and what
 * moving the months into the plan's school year would do to each timeframe. A move is
 * offered when the file is of another school year (or states none) and it would change a row.
 */
function compareWithPlan(
  parsed: ParsedPlan,
  plan: ImportInput['plan'],
  frameworkCode: string | null,
  moves: (TimeframeShift | null)[],
) {
  const timeframes = parsed.rows.flatMap((row, i) => {
    const move = moves[i]
    if (!move) return []
    const { before, after } = move
    const changes =
      before.text !== after.text ||
      before.startMonth !== after.startMonth ||
      before.dueMonth !== after.dueMonth
    return [{ sourceRow: row.sourceRow, before, after, changes, odd: move.odd }]
  })
  const circular = parsed.circular
  const same = parsed.schoolYear === plan.school_year
  return {
    schoolYear: { file: parsed.schoolYear, plan: plan.school_year, same },
    framework: {
      file: circular,
      plan: frameworkCode,
      /** null when either side is unknown. */
      same: circular && frameworkCode ? frameworkCode.startsWith(circular) : null,
    },
    // A file of the plan's own year keeps its dates, even one written outside the year.
    shiftOffered: !same && timeframes.some((t) => t.changes),
    timeframes,
  }
}

/** What importing this parsed plan into this plan would do, card by card. Reads only. */
export async function previewImport(db: Executor, input: ImportInput) {
  return (await readImport(db, input)).preview
}

/** The preview, and the matched cards as read (the import writes them without reading again). */
async function readImport(db: Executor, input: ImportInput) {
  const { plan } = input
  const read = await withSchoolCalendar(
    db,
    plan.school_id,
    withAcceptedProse(input.parsed, input.acceptProse),
  )
  const moves = await timeframeMoves(db, plan.school_id, read, plan.school_year)
  const parsed = input.timeframes === 'shift' ? movedPlan(read, moves) : read
  const keys = sourceKeys(parsed.rows)
  const [existing, criteria, framework, mappings, members] = await Promise.all([
    listImportedCards(db, plan.id),
    plan.framework_id ? listFrameworkCriteria(db, plan.framework_id) : Promise.resolve(null),
    plan.framework_id ? findFramework(db, plan.framework_id) : Promise.resolve(undefined),
    listLeadMappings(db, plan.school_id),
    listSchoolMembers(db, plan.school_id),
  ])
  const byKey = new Map(existing.map((c) => [c.source_key!, c]))
  const known = criteria ? new Set(criteria.map((c) => c.code)) : null
  const refusals = fieldLimitProblems(parsed)
  const problems = [...parsed.problems, ...refusals]

  const rows = parsed.rows.map((row, i) => {
    const card = byKey.get(keys[i]!)
    const changes = card ? changedPlanFields(card, columnsOf(row)) : []
    const action: ImportAction = !card ? 'create' : changes.length ? 'update' : 'unchanged'
    const criterionKnown = !known || !row.criterion || known.has(row.criterion)
    if (!criterionKnown) {
      problems.push(
        rowProblem(row.sourceRow, 'criterionUnknown', {
          criterion: row.criterion ?? '',
          framework: framework?.code ?? '',
        }),
      )
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
    const key = leadKeyOf(text)
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
  const preview = {
    target: {
      id: plan.id,
      schoolYear: plan.school_year,
      framework: framework
        ? { id: framework.id, code: framework.code, title: framework.title }
        : null,
    },
    comparison: compareWithPlan(read, plan, framework?.code ?? null, moves),
    timeframes: input.timeframes,
    /** What else the file holds, when its plan table has no row. */
    found: parsed.found,
    /** Biểu 2's table IV: the problems the rows work on (`row.priorityProblem` indexes it). */
    priorityProblems: parsed.priorityProblems,
    rows,
    /** Rows found in the text ("Tìm thấy trong văn bản"), each with whether it is accepted. */
    proposed: input.parsed.proposed.map((row) => ({
      sourceRow: row.sourceRow,
      accepted: input.acceptProse.includes(row.sourceRow),
      row,
    })),
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
  return { preview, cards: new Map(existing.map((c) => [c.id, c])) }
}

/** The columns an import writes over on a matched card: its changed fields and what was read from them. */
function changedColumns(fields: PlanField[]): (keyof ColumnValues)[] {
  const columns: (keyof ColumnValues)[] = fields.map((f) => PLAN_FIELD_COLUMNS[f])
  if (fields.includes('timeframe')) columns.push('start_month', 'due_month')
  if (fields.includes('budget')) columns.push('budget_amount')
  return columns
}

const pick = (row: ColumnValues, columns: (keyof ColumnValues)[]): ColumnValues =>
  Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))

/**
 * Applies an import: new rows become planned cards at the end of "Kế hoạch"; changed
 * rows update their card's plan fields and keep its status, assignees, evidence and
 * history; unchanged rows are left alone. Lead texts mapped to accounts are remembered
 * and assign those accounts to the new cards, and to matched cards nobody is assigned to.
 */
export async function applyImport(
  db: Db,
  input: ImportInput & {
    leads: { text: string; userIds: string[] }[]
    fileName: string
    /** sha256 of the file, hex: the record says which file it was. */
    fileHash: string
    actor: Actor
    now: string
  },
) {
  const { plan, now, actor } = input
  const source = (row: { key: string; sourceRow: number }) => ({
    import: input.fileName,
    sourceRow: row.sourceRow,
  })
  // Preview and writes in one transaction: two imports of one file cannot both create.
  return db.transaction().execute(async (trx) => {
    const { preview, cards } = await readImport(trx, input)
    const changed: ImportRecordDetail['changed'] = []
    if (preview.refusals.length) return { ok: false as const, refusals: preview.refusals }
    const memberIds = await listMemberIds(trx, plan.school_id)
    const leadUsers = new Map<string, string[]>()
    for (const lead of input.leads) {
      const leadKey = leadKeyOf(lead.text)
      const userIds = [...new Set(lead.userIds)].filter((id) => memberIds.has(id))
      leadUsers.set(leadKey, userIds)
      await updateLeadMapping(trx, { schoolId: plan.school_id, leadKey, userIds, now })
    }
    const assigneesFor = (row: ParsedRow) =>
      row.lead ? (leadUsers.get(leadKeyOf(row.lead)) ?? null) : null

    let { above } = await findNeighbourPositions(trx, {
      planId: plan.id,
      status: 'planned',
      cardId: '',
      beforeCardId: null,
    })
    const created: string[] = []
    const updated: string[] = []
    /** The card each row is, for the links to its problem. */
    const rowCards: { cardId: string; problem: number | null }[] = []
    for (const item of preview.rows) {
      if (item.action === 'unchanged' && !item.cardId) continue
      if (item.cardId) rowCards.push({ cardId: item.cardId, problem: item.row.priorityProblem })
      const columns = columnsOf(item.row)
      if (item.action === 'create') {
        const position = positionBetween(above, null)
        above = position
        const id = await insertNewCard(trx, {
          plan,
          columns,
          position,
          source: { key: item.key, file: input.fileName, row: item.sourceRow },
          assigneeIds: assigneesFor(item.row) ?? [],
          actorId: actor.id,
          now,
        })
        created.push(id)
        rowCards.push({ cardId: id, problem: item.row.priorityProblem })
        continue
      }
      // A matched card is changed as it was read, whatever its version: the plan file wins.
      const target = {
        card: cards.get(item.cardId!),
        planId: plan.id,
        version: null,
        actorId: actor.id,
        now,
      }
      if (item.action === 'update') {
        const columnsWritten = changedColumns(item.changes)
        changed.push({
          cardId: item.cardId!,
          fields: item.changes,
          before: pick(target.card!, columnsWritten),
          after: pick(columns, columnsWritten),
        })
        await changeCard(trx, target, () => ({
          write: columns,
          finish: () => ({
            log: {
              action: 'edited',
              detail: { fields: item.changes, ...source(item), state: figureState(columns) },
            },
            value: null,
          }),
        }))
        updated.push(item.cardId!)
      }
      const assignees = assigneesFor(item.row)
      if (assignees?.length) {
        // Matched cards nobody is assigned to get the lead's accounts; the version stays.
        await changeCard(trx, target, async (card) => {
          if ((await listAssigneeIds(trx, card.id)).length > 0) {
            return { ok: false as const, reason: 'already_assigned' as const }
          }
          return {
            write: 'none',
            finish: async () => {
              await insertAssignees(trx, card.id, assignees, now)
              const detail = { before: [], after: assignees, import: input.fileName }
              return { log: { action: 'assigned', detail }, value: null }
            },
          }
        })
      }
    }
    const counts = {
      created: created.length,
      updated: updated.length,
      unchanged: preview.summary.unchanged,
    }
    const importId = crypto.randomUUID()
    const problemIds = preview.priorityProblems.map(() => crypto.randomUUID())
    const problems = problemIds.length
      ? {
          created: problemIds,
          links: await Promise.all(
            rowCards.map(async ({ cardId, problem }) => ({
              cardId,
              before: await findCardProblemId(trx, cardId),
              after: problem === null ? null : (problemIds[problem] ?? null),
            })),
          ),
        }
      : undefined
    await insertPlanImport(trx, {
      id: importId,
      schoolId: plan.school_id,
      planId: plan.id,
      actorId: actor.id,
      at: now,
      fileName: input.fileName,
      fileHash: input.fileHash,
      counts,
      detail: { timeframes: input.timeframes, created, changed, ...(problems && { problems }) },
    })
    if (problems) {
      // A new table IV replaces the plan's problems; undoing this import brings them back.
      await replaceCurrentProblems(trx, plan.id, importId)
      await insertProblems(trx, {
        schoolId: plan.school_id,
        planId: plan.id,
        importId,
        now,
        problems: preview.priorityProblems.map((p, i) => ({
          id: problemIds[i]!,
          position: i + 1,
          index: p.index,
          standard: p.standard,
          criteria: p.criteria,
          criteriaText: p.criteriaText,
          currentState: p.currentState,
          weakness: p.weakness,
          cause: p.cause,
        })),
      })
      for (const link of problems.links) await setCardProblem(trx, link.cardId, link.after)
    }
    return { ok: true as const, importId, created, updated, unchanged: preview.summary.unchanged }
  })
}
