import type { Db } from '@caitien/db'
import {
  addMonths,
  changeSince,
  diffSummaries,
  monthEndInstant,
  monthOf,
  previousMonth,
  schoolYearMonths,
  type Month,
  type MonthlySummary,
} from '@caitien/shared'
import { findLastActivityAt } from '../activity/activity.repository.ts'
import { findPlanRef, getPlanRef, listActivePlans } from '../plans/plan.repository.ts'
import { startPeriodicJob } from '../periodic-job.ts'
import { figuresFromLog, liveFigures } from './month-figures.ts'
import {
  deleteRemark,
  findMonthEndSnapshot,
  findRemark,
  insertSnapshot,
  listMonthEndSummaries,
  listSnapshots as listSnapshotRows,
  updateRemark,
} from './snapshot.repository.ts'

type PlanRef = { id: string; school_id: string; school_year: string; created_at: string }

/**
 * Takes the month-end snapshot of a plan for a month that has ended, unless it exists.
 * With nothing logged since the month ended, the live tables are that month's state and
 * are used as they are; otherwise the month is rebuilt from the log. Returns true when it
 * took one. A unique index makes "exactly once" hold across restarts and races.
 */
export async function takeMonthEndSnapshot(
  db: Db,
  plan: PlanRef,
  month: string,
  now: Date,
): Promise<boolean> {
  if (monthEndInstant(month) > now.toISOString()) throw new Error(`month ${month} has not ended`)
  if (await findMonthEndSnapshot(db, plan.id, month)) return false
  const last = await findLastActivityAt(db, plan.id)
  const quiet = !last || last < monthEndInstant(month)
  const summary = quiet
    ? await liveFigures(db, plan.id, month)
    : await figuresFromLog(db, plan.id, month)
  return insertSnapshot(db, {
    id: crypto.randomUUID(),
    plan,
    month,
    kind: 'month_end',
    summary,
    takenBy: null,
    now: now.toISOString(),
  })
}

/** What taking a plan's snapshots needs of it; undefined for an unknown plan. */
export function findSnapshotPlan(db: Db, planId: string): Promise<PlanRef | undefined> {
  return findPlanRef(db, planId)
}

/** The months a plan should have month-end snapshots for by now: from its first month on. */
export function dueMonths(plan: PlanRef, now: Date): string[] {
  const year = schoolYearMonths(plan.school_year)
  const created = monthOf(new Date(plan.created_at))
  let first = year && year.start > created ? year.start : created
  const lastEnded = previousMonth(monthOf(now))
  const last = year && year.end < lastEnded ? year.end : lastEnded
  const months: string[] = []
  while (first <= last) {
    months.push(first)
    first = addMonths(first, 1)
  }
  return months
}

/**
 * Brings every active plan's month-end snapshots up to date, catching up the months
 * missed while the server was down. Run at start and then every minute.
 */
export async function catchUpSnapshots(
  db: Db,
  now: Date,
): Promise<{ planId: string; month: string }[]> {
  const plans = await listActivePlans(db)
  const taken: { planId: string; month: string }[] = []
  for (const plan of plans) {
    for (const month of dueMonths(plan, now)) {
      if (await takeMonthEndSnapshot(db, plan, month, now)) taken.push({ planId: plan.id, month })
    }
  }
  return taken
}

export function startSnapshotScheduler(options: {
  db: Db
  now: () => Date
  intervalMs?: number
  log?: (line: string) => void
}) {
  return startPeriodicJob({
    name: 'snapshot scheduler',
    alone: options.db,
    intervalMs: options.intervalMs ?? 60_000,
    log: options.log,
    run: async () => {
      const taken = await catchUpSnapshots(options.db, options.now())
      for (const t of taken) options.log?.(`snapshot taken: plan ${t.planId}, month ${t.month}`)
    },
  })
}

/** A snapshot of the plan as it is now, taken on request (the principal's "chốt số liệu"). */
export async function takeOnDemandSnapshot(db: Db, planId: string, now: Date, userId: string) {
  const plan = await getPlanRef(db, planId)
  const month = monthOf(now)
  const summary = await liveFigures(db, plan.id, month)
  const id = crypto.randomUUID()
  const snapshot = { id, plan, month, kind: 'on_demand' as const, summary, takenBy: userId }
  await insertSnapshot(db, { ...snapshot, now: now.toISOString() })
  return { id, month, summary }
}

/** A plan's snapshots, with the headline figures of each. */
export async function listSnapshots(db: Db, planId: string) {
  const rows = await listSnapshotRows(db, planId)
  return rows.map(({ summary, ...r }) => ({
    ...r,
    total: summary.total,
    byStatus: summary.byStatus,
    shareVerified: summary.shareVerified,
    overdue: summary.overdue.length,
  }))
}

/**
 * A month as the dashboard shows it: the frozen snapshot when the month has ended (rebuilt
 * from the log when none was taken), live figures for the current month; the month
 * before for the change; and whether the frozen snapshot agrees with the log.
 */
export async function monthView(db: Db, planId: string, month: string, now: Date) {
  const current = monthOf(now)
  const load = async (m: string) => {
    if (m >= current)
      return { summary: await liveFigures(db, planId, m), source: 'live' as const, takenAt: null }
    const stored = await findMonthEndSnapshot(db, planId, m)
    if (stored) return { ...stored, source: 'snapshot' as const }
    return { summary: await figuresFromLog(db, planId, m), source: 'log' as const, takenAt: null }
  }
  const view = await load(month)
  const previous = await load(previousMonth(month as Month))
  const check =
    view.source === 'snapshot'
      ? diffSummaries(view.summary, await figuresFromLog(db, planId, month))
      : null
  return {
    month,
    source: view.source,
    takenAt: view.takenAt,
    summary: view.summary,
    previous: previous.summary.total > 0 ? previous.summary : null,
    change: changeSince(view.summary, previous.summary.total > 0 ? previous.summary : null),
    check: check ? { agrees: check.length === 0, differences: check } : null,
  }
}

/**
 * The school year month by month up to now, for the cumulative-flow chart: frozen
 * snapshots where taken, the log for months without one, live figures for this month.
 */
export async function yearProgress(db: Db, plan: { id: string; school_year: string }, now: Date) {
  const year = schoolYearMonths(plan.school_year)
  const current = monthOf(now)
  if (!year) return []
  const last = year.end < current ? year.end : current
  const byMonth = await listMonthEndSummaries(db, plan.id)
  const months: { month: string; source: 'snapshot' | 'log' | 'live'; summary: MonthlySummary }[] =
    []
  for (let m: string = year.start; m <= last; m = addMonths(m as Month, 1)) {
    const frozen = byMonth.get(m)
    if (frozen) months.push({ month: m, source: 'snapshot', summary: frozen })
    else if (m >= current)
      months.push({ month: m, source: 'live', summary: await liveFigures(db, plan.id, m) })
    else months.push({ month: m, source: 'log', summary: await figuresFromLog(db, plan.id, m) })
  }
  return months.map(({ month, source, summary }) => ({
    month,
    source,
    total: summary.total,
    byStatus: summary.byStatus,
    shareVerified: summary.shareVerified,
    overdue: summary.overdue.length,
  }))
}

/** The monitoring team's remark on a plan's month, with its author's name; null when none. */
export function loadRemark(db: Db, planId: string, month: string) {
  return findRemark(db, planId, month)
}

/** Writes the remark on a plan's month; an empty text removes it. */
export async function writeRemark(
  db: Db,
  remark: { planId: string; month: string; text: string; authorId: string; now: string },
): Promise<void> {
  if (remark.text) await updateRemark(db, remark)
  else await deleteRemark(db, remark.planId, remark.month)
}
