import { listenPg } from '@caitien/db'
import { createPlanEvents, type PlanEvent, type PlanEvents } from './plan-events.ts'

/** The PostgreSQL channel the server processes of one database tell each other on. */
export const PLAN_EVENTS_CHANNEL = 'caitien_plan_events'

type Message =
  | { origin: string; kind: 'plan'; event: PlanEvent }
  | { origin: string; kind: 'sessions'; userId: string }

/**
 * Plan events shared by every server process of one PostgreSQL database (docs/decisions/028):
 * a change is told to this process's open streams at once, as on SQLite, and NOTIFYed to
 * the others, which LISTEN on a connection of their own and tell theirs. The NOTIFY goes out
 * on this process's listening connection, outside the request pool. A process skips
 * its own notifications (it already told its streams). The same for "this user's sessions
 * ended": another process's streams of that user check their session at once.
 */
export async function createSharedPlanEvents(
  url: string,
  log: (line: string) => void = () => undefined,
): Promise<PlanEvents> {
  const local = createPlanEvents()
  const origin = crypto.randomUUID()
  const send = (message: Message) => {
    listener
      .notify(JSON.stringify(message))
      .catch((err: Error) => log(`plan events: ${err.message}`))
  }
  const listener = listenPg(
    url,
    PLAN_EVENTS_CHANNEL,
    (payload) => {
      let message: Message
      try {
        message = JSON.parse(payload) as Message
      } catch {
        return
      }
      if (message.origin === origin) return
      if (message.kind === 'plan') local.publish(message.event)
      else if (message.kind === 'sessions') local.sessionsEnded(message.userId)
    },
    { log },
  )
  await listener.ready
  return {
    ...local,
    publish(event) {
      local.publish(event)
      send({ origin, kind: 'plan', event })
    },
    sessionsEnded(userId) {
      local.sessionsEnded(userId)
      send({ origin, kind: 'sessions', userId })
    },
    close: () => listener.close(),
  }
}
