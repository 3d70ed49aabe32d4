import type { Db } from '@caitien/db'
import type { SSEStreamingApi } from 'hono/streaming'
import { findSessionsInSchools, sessionInSchoolKey } from '../auth/session.repository.ts'
import type { PlanEvent, PlanEvents } from './plan-events.ts'

/**
 * Feeds one open event stream of a plan until its client leaves or its session ends.
 *
 * The session is checked again before anything is written (a batch of events, a ping):
 * a stream whose session ended (logout, password change or reset, in this process or
 * another) or whose user left the plan's school writes nothing more and closes. A logout
 * or password change in this process nudges the check at once; changes made elsewhere
 * (the admin CLI) are found at the latest by the next heartbeat.
 */
export async function followPlan(
  stream: SSEStreamingApi,
  input: {
    db: Db
    events: PlanEvents
    now: () => Date
    heartbeatMs: number
    planId: string
    schoolId: string
    userId: string
    sessionId: string
  },
): Promise<void> {
  const { db, events, planId } = input
  let open = true
  let dirty = false
  const pending: PlanEvent[] = []
  let wake: (() => void) | undefined
  const nudge = () => {
    dirty = true
    wake?.()
  }
  const unsubscribe = events.subscribe(planId, (event) => {
    pending.push(event)
    nudge()
  })
  const unwatch = events.watchSessions(input.userId, nudge)
  stream.onAbort(() => {
    open = false
    wake?.()
  })
  const gate = sessionGateOf(db, input.now)
  const stillAllowed = () => gate(input.sessionId, input.schoolId)
  const waitForWork = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => {
      wake = undefined
    })

  try {
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ planId }) })
    let nextPing = Date.now() + input.heartbeatMs
    while (open) {
      if (!dirty) await waitForWork(Math.max(0, nextPing - Date.now()))
      dirty = false
      if (!open || !(await stillAllowed())) break
      for (const event of pending.splice(0)) {
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event) })
      }
      if (Date.now() >= nextPing) {
        await stream.writeSSE({ event: 'ping', data: '{}' })
        nextPing = Date.now() + input.heartbeatMs
      }
    }
  } finally {
    unsubscribe()
    unwatch()
  }
}

type SessionGate = (sessionId: string, schoolId: string) => Promise<boolean>
const gates = new WeakMap<Db, SessionGate>()

/**
 * The session check of every stream woken by the same event, in one query: a move on a
 * plan with 32 boards open wakes 32 streams, and one query each made the move's fan-out
 * cost more than the move (issue 11's bench, "own views, 32 streams"). The checks asked
 * before the event loop turns are answered together; an error answers "no" (the stream
 * closes; the board reconnects).
 */
function sessionGateOf(db: Db, now: () => Date): SessionGate {
  let gate = gates.get(db)
  if (gate) return gate
  let waiting: { sessionId: string; schoolId: string; answer: (ok: boolean) => void }[] = []
  const flush = async () => {
    const batch = waiting
    waiting = []
    const allowed = await findSessionsInSchools(db, batch, now()).catch(() => new Set<string>())
    for (const c of batch) c.answer(allowed.has(sessionInSchoolKey(c.sessionId, c.schoolId)))
  }
  gate = (sessionId, schoolId) =>
    new Promise<boolean>((answer) => {
      if (waiting.length === 0) setImmediate(() => void flush())
      waiting.push({ sessionId, schoolId, answer })
    })
  gates.set(db, gate)
  return gate
}
