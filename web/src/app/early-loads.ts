import type { QueryClient } from '@tanstack/react-query'
import { meQueryOptions } from '@/features/auth/api/session-queries'
import { boardQueryOptions, plansQueryOptions } from '@/features/board/api/board-queries'
import { planOf, screenOf } from './addresses'

/**
 * Starts the first requests as the script runs, before React renders: who is logged in,
 * their plans (with the plan to land on), and, when the address names a plan, its board.
 * In parallel rather than one after another (the session, then the list, then the board):
 * the board shows a round trip or two sooner. A failure is quiet here (a 401 before the
 * login, a plan the person cannot see); the components that need the data ask again.
 */
export function startEarlyLoads(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(meQueryOptions())
  const planId = planOf(screenOf(window.location.pathname))
  void queryClient.prefetchQuery(plansQueryOptions())
  if (planId) void queryClient.prefetchQuery(boardQueryOptions(planId))
}
