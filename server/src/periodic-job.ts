/**
 * A job the server runs at start and then every `intervalMs` (snapshots, the evidence sweep,
 * later the reminders): a run never overlaps the previous one, an error is logged under the
 * job's name and the next run still comes, and the timer never keeps the process alive.
 */
export function startPeriodicJob(options: {
  name: string
  intervalMs: number
  run: () => Promise<void>
  log?: (line: string) => void
}) {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await options.run()
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
