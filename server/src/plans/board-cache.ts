/**
 * The shared part of board answers (cards and members: the same for every member of the
 * school), serialised, by plan and board stamp (findBoardStamp). When a card moves, every
 * open board of the plan asks again; the first answer builds the JSON, the others reuse
 * it until the stamp changes. One entry per plan (the newest stamp), least recently used
 * out beyond `maxBytes`. The stamp is read from the database on every request, so a
 * cached answer is never older than what the ETag already promises.
 */
export function createBoardCache(options: { maxBytes?: number } = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  const entries = new Map<string, { stamp: string; json: string }>()
  let bytes = 0

  function drop(planId: string) {
    const entry = entries.get(planId)
    if (!entry) return
    bytes -= entry.json.length
    entries.delete(planId)
  }

  return {
    get(planId: string, stamp: string): string | undefined {
      const entry = entries.get(planId)
      if (!entry || entry.stamp !== stamp) return undefined
      entries.delete(planId)
      entries.set(planId, entry)
      return entry.json
    },
    set(planId: string, stamp: string, json: string): void {
      drop(planId)
      if (json.length > maxBytes) return
      entries.set(planId, { stamp, json })
      bytes += json.length
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break
        drop(oldest)
      }
    },
    /** Entries and their size in UTF-16 code units (tests, diagnostics). */
    stats: () => ({ entries: entries.size, bytes }),
  }
}
export type BoardCache = ReturnType<typeof createBoardCache>
