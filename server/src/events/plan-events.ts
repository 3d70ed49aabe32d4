/** What the board hears about: enough to refetch, never a card's contents. */
export interface PlanEvent {
  type: 'card.changed' | 'card.created' | 'card.deleted'
  planId: string
  cardId: string
  version: number | null
  actorId: string | null
  at: string
}

type Listener = (event: PlanEvent) => void

/**
 * In-process fan-out of board changes to open event streams, per plan. On SQLite one
 * server process holds every stream; on PostgreSQL shared-plan-events.ts puts LISTEN/NOTIFY
 * behind this same interface for several processes.
 */
export function createPlanEvents() {
  const listeners = new Map<string, Set<Listener>>()
  const sessionWatchers = new Map<string, Set<() => void>>()
  return {
    publish(event: PlanEvent): void {
      for (const listener of listeners.get(event.planId) ?? []) listener(event)
    },
    subscribe(planId: string, listener: Listener): () => void {
      let set = listeners.get(planId)
      if (!set) listeners.set(planId, (set = new Set()))
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(planId)
      }
    },
    listenerCount(planId: string): number {
      return listeners.get(planId)?.size ?? 0
    },
    /**
     * A session of this user ended here (logout, password change): its open streams check
     * their own session now instead of at the next heartbeat. Other processes' changes
     * (a reset by the CLI) are found by the heartbeat.
     */
    sessionsEnded(userId: string): void {
      for (const watcher of sessionWatchers.get(userId) ?? []) watcher()
    },
    watchSessions(userId: string, watcher: () => void): () => void {
      let set = sessionWatchers.get(userId)
      if (!set) sessionWatchers.set(userId, (set = new Set()))
      set.add(watcher)
      return () => {
        set.delete(watcher)
        if (set.size === 0) sessionWatchers.delete(userId)
      }
    },
    /** Stops listening to other processes (shared-plan-events.ts); nothing to do here. */
    close: (): Promise<void> => Promise.resolve(),
  }
}
export type PlanEvents = ReturnType<typeof createPlanEvents>
