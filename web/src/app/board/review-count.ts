/** What waits for a monitor's review, per plan, from the inbox (which spans their plans). */
export interface PlanWaiting {
  planId: string
  planTitle: string
  count: number
}

/**
 * The header's review count and the other plans where cards wait: the inbox's "to review"
 * items (cards in every plan the person reviews, never their own), counted per plan.
 *
 * @example
 * reviewWaiting([{ planId: 'a', planTitle: 'A' }, { planId: 'b', planTitle: 'B' }], 'a')
 * // → { total: 2, elsewhere: [{ planId: 'b', planTitle: 'B', count: 1 }] }
 */
export function reviewWaiting(
  toReview: readonly { planId: string; planTitle: string }[],
  currentPlanId: string,
): { total: number; elsewhere: PlanWaiting[] } {
  const byPlan = new Map<string, PlanWaiting>()
  for (const item of toReview) {
    if (item.planId === currentPlanId) continue
    const entry = byPlan.get(item.planId) ?? { ...item, count: 0 }
    entry.count += 1
    byPlan.set(item.planId, entry)
  }
  return { total: toReview.length, elsewhere: [...byPlan.values()] }
}
