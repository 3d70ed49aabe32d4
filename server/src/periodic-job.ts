import type { Db } from '@caitien/db'
import { runAlone } from './job-lock.repository.ts'

/**
 * A job the server runs at start and then every `intervalMs` (snapshots, the evidence sweep,
 * later the reminders): a run never overlaps the previous one, an error is logged under the
 * job's name and the next run still comes, and the timer never keeps the process alive.
 * With `alone`, a run is skipped while another server process of the same database runs
 * the job (PostgreSQL: job-lock.repository.ts); the next tick catches up.
 */
export function startPeriodicJob(options: {
  name: string
  intervalMs: number
  run: () => Promise<void>
  log?: (line: string) => void
  /** The database whose other server processes must not run this job at the same time. */
  alone?: Db
}) {
  let running = false
  const { alone } = options
  const tick = async () => {
    if (running) return
    running = true
    try {
      if (!alone) await options.run()
      else if (!(await runAlone(alone, options.name, options.run)))
        options.log?.(`${options.name}: another server process is running it`)
    } catch (err) {
      options.log?.(`${options.name}: ${(err as Error).message}`)
    } finally {
      running = false
    }
  }
  const first = tick()
  const timer = setInterval(() => void tick(), options.intervalMs)
  timer.unref()
  return { ready: first, stop: () => clearInterval(timer) }
}
