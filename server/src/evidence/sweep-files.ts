import type { Db } from '@caitien/db'
import type { FileStore } from './file-store.ts'
import { listHeldFiles } from './evidence.repository.ts'
import { startPeriodicJob } from '../periodic-job.ts'

const DAY_MS = 86_400_000

/** How long a content stays on disk after the last row holding it was deleted. */
export const DEFAULT_RETENTION_DAYS = 30

/**
 * Removes the evidence contents no row holds any more: no live item, and no item (or card)
 * deleted within the retention period; and not asked for by an upload within it either
 * (file-store.ts). Also removes temporary files of uploads that died more than a day ago.
 *
 * The retention keeps a deleted item's file for that long, so that a backup taken in the
 * meantime still has it and a mistaken deletion can be undone from the database; a backup
 * copies the database first and only the files that are then on disk, and the sweep never
 * removes a file that a row live at that moment holds.
 */
export async function sweepEvidenceFiles(
  db: Db,
  files: FileStore,
  options: { now: Date; retentionDays: number },
) {
  const before = new Date(options.now.getTime() - options.retentionDays * DAY_MS)
  const held = await listHeldFiles(db, before.toISOString())
  const partials = await files.removePartialUploads(new Date(options.now.getTime() - DAY_MS))
  let removed = 0
  let kept = 0
  for (const file of await files.list()) {
    if (held.has(file.sha256) || file.mtime >= before) kept++
    else if (await files.removeIfUntouched(file.sha256, before)) removed++
    else kept++
  }
  return { removed, kept, partials }
}

/** Sweeps at start, then daily; a sweep never overlaps the previous one. */
export function startEvidenceSweeper(options: {
  db: Db
  files: FileStore
  now: () => Date
  retentionDays: number
  intervalMs?: number
  log?: (line: string) => void
}) {
  return startPeriodicJob({
    name: 'evidence sweep',
    alone: options.db,
    intervalMs: options.intervalMs ?? DAY_MS,
    log: options.log,
    run: async () => {
      const r = await sweepEvidenceFiles(options.db, options.files, {
        now: options.now(),
        retentionDays: options.retentionDays,
      })
      if (r.removed || r.partials) {
        options.log?.(
          `evidence sweep: removed ${r.removed} unreferenced files and ${r.partials} partial uploads`,
        )
      }
    },
  })
}
