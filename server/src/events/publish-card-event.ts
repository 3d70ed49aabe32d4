import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { PlanEvent } from './plan-events.ts'

/** Tells the plan's open boards that a card changed, by whom (the request's user) and when. */
export function publishCardEvent(
  c: Context<AppEnv>,
  planId: string,
  cardId: string,
  version: number | null,
  type: PlanEvent['type'] = 'card.changed',
) {
  c.get('events').publish({
    type,
    planId,
    cardId,
    version,
    actorId: c.get('user').id,
    at: c.get('now')().toISOString(),
  })
}
