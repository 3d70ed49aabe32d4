import type { Db, Executor } from '@caitien/db'
import {
  cardTitleOfRow,
  isOverdue,
  monthOf,
  type PlanSettingsPreviewQuery,
  type UpdatePlanInput,
} from '@caitien/shared'
import { listPlanCardsWithAssignees } from '../cards/card.repository.ts'
import { findFramework, listFrameworkCriteria } from '../frameworks/framework.repository.ts'
import { calendarFor } from '../schools/calendar-for.ts'
import { updatePlanSettings as updatePlanRow } from './plan.repository.ts'
import { rereadMonths, writeRereadMonths } from './reread-timeframes.ts'

type SettingsPlan = {
  id: string
  school_id: string
  school_year: string
  framework_id: string | null
}

/** The cards whose months change in another school year, read with the school's calendar. */
async function rereadInYear(db: Executor, plan: SettingsPlan, schoolYear: string) {
  return rereadMonths(db, plan.id, schoolYear, await calendarFor(db, plan.school_id, schoolYear))
}

/**
 * What saving these settings would change, before it is saved: with another school year,
 * each card whose months are read differently (timeframes without a year, such as "Hằng
 * năm", follow the plan's year) and whether it is overdue before and after; with another
 * framework, each criterion of the plan's cards whose name changes or that the new
 * framework lacks. Nothing is written.
 */
export async function previewPlanSettings(
  db: Db,
  plan: SettingsPlan,
  query: PlanSettingsPreviewQuery,
  now: Date,
) {
  const month = monthOf(now)
  const schoolYear =
    query.schoolYear && query.schoolYear !== plan.school_year ? query.schoolYear : null
  const frameworkId =
    query.frameworkId && query.frameworkId !== plan.framework_id ? query.frameworkId : null
  const [before, after] = await Promise.all([
    plan.framework_id ? findFramework(db, plan.framework_id) : undefined,
    frameworkId ? findFramework(db, frameworkId) : undefined,
  ])
  if (frameworkId && !after) return { ok: false as const, reason: 'unknown_framework' as const }

  const cards = schoolYear
    ? (await rereadInYear(db, plan, schoolYear)).map(({ row, dueMonth }) => ({
        id: row.id,
        criterion: row.criterion,
        title: cardTitleOfRow(row),
        timeframe: row.timeframe,
        dueBefore: row.due_month,
        dueAfter: dueMonth,
        overdueBefore: isOverdue({ dueMonth: row.due_month, status: row.status }, month),
        overdueAfter: isOverdue({ dueMonth, status: row.status }, month),
      }))
    : []

  let criteria: { code: string; before: string | null; after: string | null }[] = []
  if (frameworkId) {
    const used = new Set(
      (await listPlanCardsWithAssignees(db, plan.id)).flatMap(({ row }) =>
        row.criterion ? [row.criterion] : [],
      ),
    )
    const [old, next] = await Promise.all([
      plan.framework_id ? listFrameworkCriteria(db, plan.framework_id) : [],
      listFrameworkCriteria(db, frameworkId),
    ])
    const oldName = new Map(old.map((c) => [c.code, c.name]))
    const newName = new Map(next.map((c) => [c.code, c.name]))
    criteria = [...used]
      .sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }))
      .map((code) => ({
        code,
        before: oldName.get(code) ?? null,
        after: newName.get(code) ?? null,
      }))
      .filter((c) => c.before !== c.after)
  }

  const framework = (f: typeof before) =>
    f ? { id: f.id, code: f.code, version: f.version, title: f.title } : null
  return {
    ok: true as const,
    preview: {
      schoolYear: schoolYear ? { before: plan.school_year, after: schoolYear } : null,
      framework: frameworkId ? { before: framework(before), after: framework(after) } : null,
      cards,
      overdue: {
        becomes: cards.filter((c) => c.overdueAfter && !c.overdueBefore).length,
        clears: cards.filter((c) => c.overdueBefore && !c.overdueAfter).length,
      },
      criteria,
    },
  }
}

/**
 * Saves a plan's settings. Another school year reads every card's timeframe again: each
 * card whose months change is written and logged ('edited' with the new figures and the
 * year change), so the months already past keep their figures and the log rebuilds them.
 */
export async function updatePlanSettings(
  db: Db,
  input: { plan: SettingsPlan; settings: UpdatePlanInput; actorId: string; now: string },
) {
  const { settings, plan } = input
  if (settings.frameworkId && !(await findFramework(db, settings.frameworkId))) {
    return { ok: false as const, reason: 'unknown_framework' as const }
  }
  const newYear =
    settings.schoolYear && settings.schoolYear !== plan.school_year ? settings.schoolYear : null
  return db.transaction().execute(async (trx) => {
    const reread = newYear ? await rereadInYear(trx, plan, newYear) : []
    await updatePlanRow(trx, plan.id, {
      title: settings.title,
      school_year: settings.schoolYear,
      framework_id: settings.frameworkId,
      now: input.now,
    })
    const changed = await writeRereadMonths(trx, {
      planId: plan.id,
      cards: reread,
      why: { schoolYear: { before: plan.school_year, after: newYear! } },
      actorId: input.actorId,
      now: input.now,
    })
    return { ok: true as const, changedCardIds: changed }
  })
}
