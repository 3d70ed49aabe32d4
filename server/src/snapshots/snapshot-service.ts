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
import { figuresFromLog, lastActivityAt, liveFigures } from './month-figures.ts'

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
  const exists = await db
    .selectFrom('monthly_snapshot')
    .select('id')
    .where('plan_id', '=', plan.id)
    .where('month_end_key', '=', month)
    .executeTakeFirst()
  if (exists) return false
  const last = await lastActivityAt(db, plan.id)
  const quiet = !last || last < monthEndInstant(month)
  const summary = quiet
    ? await liveFigures(db, plan.id, month)
    : await figuresFromLog(db, plan.id, month)
  const result = await db
    .insertInto('monthly_snapshot')
    .values({
      id: crypto.randomUUID(),
      plan_id: plan.id,
      school_id: plan.school_id,
      month,
      kind: 'month_end',
      month_end_key: month,
      taken_at: now.toISOString(),
      taken_by: null,
      data: JSON.stringify(summary),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
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
  const plans = await db
    .selectFrom('plan')
    .select(['id', 'school_id', 'school_year', 'created_at'])
    .where('state', '=', 'active')
    .execute()
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
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const taken = await catchUpSnapshots(options.db, options.now())
      for (const t of taken) options.log?.(`snapshot taken: plan ${t.planId}, month ${t.month}`)
    } catch (err) {
      options.log?.(`snapshot scheduler: ${(err as Error).message}`)
    } finally {
      running = false
    }
  }
  const first = tick()
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000)
  timer.unref()
  return { ready: first, stop: () => clearInterval(timer) }
}

export async function takeOnDemandSnapshot(db: Db, plan: PlanRef, now: Date, userId: string) {
  const month = monthOf(now)
  const summary = await liveFigures(db, plan.id, month)
  const id = crypto.randomUUID()
  await db
    .insertInto('monthly_snapshot')
    .values({
      id,
      plan_id: plan.id,
      school_id: plan.school_id,
      month,
      kind: 'on_demand',
      month_end_key: null,
      taken_at: now.toISOString(),
      taken_by: userId,
      data: JSON.stringify(summary),
    })
    .execute()
  return { id, month, summary }
}

export async function listSnapshots(db: Db, planId: string) {
  const rows = await db
    .selectFrom('monthly_snapshot')
    .select(['id', 'month', 'kind', 'taken_at', 'taken_by', 'data'])
    .where('plan_id', '=', planId)
    .orderBy('month')
    .orderBy('taken_at')
    .execute()
  return rows.map((r) => {
    const data = JSON.parse(r.data) as MonthlySummary
    return {
      id: r.id,
      month: r.month,
      kind: r.kind,
      takenAt: r.taken_at,
      takenBy: r.taken_by,
      total: data.total,
      byStatus: data.byStatus,
      shareVerified: data.shareVerified,
      overdue: data.overdue.length,
    }
  })
}

async function storedMonthEnd(db: Db, planId: string, month: string) {
  const row = await db
    .selectFrom('monthly_snapshot')
    .select(['data', 'taken_at'])
    .where('plan_id', '=', planId)
    .where('month_end_key', '=', month)
    .executeTakeFirst()
  return row ? { summary: JSON.parse(row.data) as MonthlySummary, takenAt: row.taken_at } : null
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
    const stored = await storedMonthEnd(db, planId, m)
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
  const stored = await db
    .selectFrom('monthly_snapshot')
    .select(['month', 'data'])
    .where('plan_id', '=', plan.id)
    .where('kind', '=', 'month_end')
    .execute()
  const byMonth = new Map(stored.map((r) => [r.month, JSON.parse(r.data) as MonthlySummary]))
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
