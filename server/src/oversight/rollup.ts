import type { Db } from '@caitien/db'
import {
  CARD_STATUSES,
  CHECKPOINTS,
  COMPLETION_LEVELS,
  attentionReasons,
  continuousYears,
  isCompletionLevel,
  isTt57Framework,
  monthOf,
  rollupRowMatches,
  schoolYearOf,
  type CardStatus,
  type Checkpoint,
  type CompletionLevel,
  type RollupQuery,
  type RollupReview,
  type RollupRow,
} from '@caitien/shared'
import {
  countBodyCards,
  countBodyMandatoryOpen,
  countBodyReviewLevels,
  listBodyAnswers,
  listBodyPlans,
  listBodyReviews,
  listBodySchools,
  listFrameworkTitles,
} from './rollup.repository.ts'

const NO_REVIEW: RollupReview = {
  state: 'none',
  reviewId: null,
  openedAt: null,
  signedAt: null,
  answer: null,
}

type PlanRow = Awaited<ReturnType<typeof listBodyPlans>>[number]

/** A school's current plan: its latest school year's, an active one before an archived one. */
function currentPlan(plans: readonly PlanRow[]): PlanRow | undefined {
  return [...plans].sort(
    (a, b) =>
      b.school_year.localeCompare(a.school_year) ||
      Number(a.state !== 'active') - Number(b.state !== 'active') ||
      a.id.localeCompare(b.id),
  )[0]
}

/**
 * One row per school the body oversees (DESIGN §8), sorted by name, never ranked: seven
 * aggregate queries over the body's schools whatever their number, then a pass in memory.
 */
export async function loadRollup(db: Db, bodyId: string, now: Date, query: RollupQuery = {}) {
  const month = monthOf(now)
  const [schools, plans, cards, mandatory, reviews, levels, answers, frameworks] =
    await Promise.all([
      listBodySchools(db, bodyId),
      listBodyPlans(db, bodyId),
      countBodyCards(db, bodyId, month),
      countBodyMandatoryOpen(db, bodyId),
      listBodyReviews(db, bodyId),
      countBodyReviewLevels(db, bodyId),
      listBodyAnswers(db, bodyId),
      listFrameworkTitles(db),
    ])

  const plansBySchool = groupBy(plans, (p) => p.school_id)
  const cardsByPlan = groupBy(cards, (c) => c.plan_id)
  const mandatoryByPlan = new Map(mandatory.map((m) => [m.plan_id, Number(m.n)]))
  const reviewsByPlan = groupBy(reviews, (r) => r.plan_id)
  const levelsByReview = groupBy(levels, (l) => l.review_id)
  const answerOf = new Map(answers.map((a) => [`${a.review_id}|${a.signed_at}`, a]))
  const schoolYear = schoolYearOf(now)

  const rows: RollupRow[] = schools.map((school) => {
    const schoolPlans = plansBySchool.get(school.id) ?? []
    const plan = currentPlan(schoolPlans)
    const byStatus = Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as Record<
      CardStatus,
      number
    >
    let overdue = 0
    let expected = 0
    let expectedVerified = 0
    for (const c of (plan && cardsByPlan.get(plan.id)) ?? []) {
      byStatus[c.status] += Number(c.n)
      overdue += Number(c.overdue)
      expected += Number(c.expected)
      if (c.status === 'verified') expectedVerified += Number(c.expected)
    }
    const planReviews = (plan && reviewsByPlan.get(plan.id)) ?? []
    const reviewOf = Object.fromEntries(
      CHECKPOINTS.map((checkpoint) => {
        const r = planReviews.find((x) => x.checkpoint === checkpoint)
        if (!r) return [checkpoint, NO_REVIEW]
        const answer = r.signed_at ? answerOf.get(`${r.id}|${r.signed_at}`) : undefined
        const review: RollupReview = {
          state: r.signed_at ? 'signed' : 'open',
          reviewId: r.id,
          openedAt: r.opened_at,
          signedAt: r.signed_at,
          answer: answer ? { verdict: answer.verdict, reason: answer.reason, at: answer.at } : null,
        }
        return [checkpoint, review]
      }),
    ) as Record<Checkpoint, RollupReview>
    // The levels the latest review chose (year-end before semester I), TT57 plans only.
    const latest = [...CHECKPOINTS].reverse().find((c) => reviewOf[c].reviewId !== null)
    let byLevel: Record<CompletionLevel, number> | null = null
    if (plan && isTt57Framework(plan.framework_id) && latest) {
      byLevel = Object.fromEntries(COMPLETION_LEVELS.map((l) => [l, 0])) as Record<
        CompletionLevel,
        number
      >
      for (const l of levelsByReview.get(reviewOf[latest].reviewId!) ?? []) {
        if (isCompletionLevel(l.level)) byLevel[l.level] += Number(l.n)
      }
    }
    const base = {
      schoolId: school.id,
      schoolName: school.name,
      level: school.school_level,
      plan: plan
        ? {
            id: plan.id,
            title: plan.title,
            schoolYear: plan.school_year,
            frameworkId: plan.framework_id ?? '',
            tt57: isTt57Framework(plan.framework_id),
          }
        : null,
      total: CARD_STATUSES.reduce((n, s) => n + byStatus[s], 0),
      byStatus,
      byLevel,
      overdue,
      reviews: reviewOf,
      evidence: { expected, verified: expectedVerified },
      mandatoryOpen: (plan && mandatoryByPlan.get(plan.id)) ?? 0,
      continuousYears: continuousYears(schoolPlans.map((p) => p.school_year)),
    }
    return {
      ...base,
      attention: attentionReasons({ ...base, reviews: Object.values(reviewOf) }, schoolYear),
    }
  })
  rows.sort(
    (a, b) =>
      a.schoolName.localeCompare(b.schoolName, 'vi') || a.schoolId.localeCompare(b.schoolId),
  )

  const usedFrameworks = new Set(rows.map((r) => r.plan?.frameworkId).filter(Boolean))
  return {
    rows: rows.filter((r) => rollupRowMatches(r, query)),
    total: rows.length,
    frameworks: frameworks
      .filter((f) => usedFrameworks.has(f.id))
      .map((f) => ({ id: f.id, code: f.code, title: f.title })),
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}
