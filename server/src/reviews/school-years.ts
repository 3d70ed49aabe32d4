import type { Db } from '@caitien/db'
import {
  countLevels,
  deriveCompletionLevel,
  type CheckpointReview,
  type CheckpointSummary,
  type CouncilKind,
  type LevelCounts,
} from '@caitien/shared'
import { listSnapshotCards } from '../cards/card.repository.ts'
import { findSchool } from '../schools/account.repository.ts'
import { checkpointMonthsOf } from './checkpoint-calendar.ts'
import { loadCheckpointReviews, summarizeCheckpoints } from './checkpoint-review.ts'
import { listSchoolPlans } from './checkpoint.repository.ts'
import { loadCouncil } from './council.ts'

/** One plan of a school year on the school's years page. */
export interface YearPlan {
  id: string
  title: string
  state: 'active' | 'archived'
  frameworkId: string | null
  councilKind: CouncilKind
  /**
   * The year's results: the end-of-year review's counts per level when it has been opened,
   * otherwise the board's, each card's level derived at the year's end (deriveCompletionLevel).
   */
  results: { from: 'yearEnd' | 'board'; counts: LevelCounts; total: number }
  checkpoints: CheckpointSummary[]
}

export interface SchoolYears {
  school: { id: string; name: string }
  years: { schoolYear: string; plans: YearPlan[] }[]
}

/**
 * A school's plans across its school years, newest first, with each year's end-of-year results
 * and its checkpoint reviews: what national-standard recognition reads over three consecutive
 * years (DESIGN §8).
 */
export async function loadSchoolYears(db: Db, schoolId: string, now: Date): Promise<SchoolYears> {
  const [school, plans] = await Promise.all([
    findSchool(db, schoolId),
    listSchoolPlans(db, schoolId),
  ])
  const summaries = await summarizeCheckpoints(db, plans, now)
  const years: SchoolYears['years'] = []
  for (const plan of plans) {
    const checkpoints = summaries.get(plan.id) ?? []
    const yearEnd = checkpoints.find((c) => c.checkpoint === 'yearEnd')
    const results = yearEnd?.counts
      ? { from: 'yearEnd' as const, counts: yearEnd.counts, total: sum(yearEnd.counts) }
      : await boardResults(db, plan)
    const entry: YearPlan = {
      id: plan.id,
      title: plan.title,
      state: plan.state,
      frameworkId: plan.framework_id,
      councilKind: (await loadCouncil(db, plan)).kind,
      results,
      checkpoints,
    }
    const year = years.find((y) => y.schoolYear === plan.school_year)
    if (year) year.plans.push(entry)
    else years.push({ schoolYear: plan.school_year, plans: [entry] })
  }
  return { school: { id: schoolId, name: school?.name ?? '' }, years }
}

const sum = (counts: LevelCounts) => counts.done + counts.inProgress + counts.notDone

async function boardResults(
  db: Db,
  plan: { id: string; school_id: string; school_year: string },
): Promise<YearPlan['results']> {
  const months = await checkpointMonthsOf(db, plan)
  const cards = await listSnapshotCards(db, plan.id)
  const counts = countLevels(
    cards.map((card) => ({
      level: months
        ? deriveCompletionLevel(card, {
            checkpointMonth: months.yearEnd,
            yearEndMonth: months.yearEnd,
          })
        : card.status === 'verified'
          ? ('done' as const)
          : ('inProgress' as const),
    })),
  )
  return { from: 'board', counts, total: cards.length }
}

/** The school's years with every review in full, for the workbook. */
export async function loadSchoolYearsWithReviews(db: Db, schoolId: string, now: Date) {
  const years = await loadSchoolYears(db, schoolId, now)
  const reviews = new Map<string, CheckpointReview[]>()
  for (const year of years.years) {
    for (const plan of year.plans) {
      reviews.set(
        plan.id,
        await loadCheckpointReviews(db, {
          id: plan.id,
          school_year: year.schoolYear,
          framework_id: plan.frameworkId,
        }),
      )
    }
  }
  return { ...years, reviews }
}
