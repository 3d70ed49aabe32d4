import type { Db } from '@caitien/db'
import type { SSEStreamingApi } from 'hono/streaming'
import { isSessionInSchool } from '../auth/session.repository.ts'
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
  const stillAllowed = () =>
    isSessionInSchool(db, input.sessionId, input.schoolId, input.now()).catch(() => false)
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
