import type { QueryClient } from '@tanstack/react-query'
import { meQueryOptions } from '@/features/auth/api/session-queries'
import { boardQueryOptions, plansQueryOptions } from '@/features/board/api/board-queries'

const PLAN_KEY = 'caitien_plan'

/** The plan this browser showed last, if any. */
export function readStoredPlan(): string | null {
  try {
    return window.localStorage.getItem(PLAN_KEY)
  } catch {
    return null
  }
}

export function storePlan(id: string): void {
  try {
    window.localStorage.setItem(PLAN_KEY, id)
  } catch {
    // Private mode or full storage: the choice holds for this visit.
  }
}

/**
 * Starts the first requests as the script runs, before React renders: who is logged in
 * and, on a browser that has shown a plan before, the plan list and that plan's board.
 * In parallel rather than one after another (the session, then the list, then the board):
 * the board shows a round trip or two sooner. A failure is quiet here; the components
 * that need the data ask again and show it.
 */
export function startEarlyLoads(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(meQueryOptions())
  const stored = readStoredPlan()
  if (stored) {
    void queryClient.prefetchQuery(plansQueryOptions())
    void queryClient.prefetchQuery(boardQueryOptions(stored))
  }
}
