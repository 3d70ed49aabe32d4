/**
 * The shared part of board answers (cards and members: the same for every member of the
 * school), serialised and encoded as UTF-8 once (Vietnamese text is mostly not ASCII, and
 * encoding half a megabyte on every answer cost more than the rest of it), by plan and board stamp (findBoardStamp). When a card moves, every
 * open board of the plan asks again; the first answer builds the JSON, the others reuse
 * it until the stamp changes. One entry per plan (the newest stamp), least recently used
 * out beyond `maxBytes`. The stamp is read from the database on every request, so a
 * cached answer is never older than what the ETag already promises.
 */
export function createBoardCache(options: { maxBytes?: number } = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  const entries = new Map<string, { stamp: string; json: Buffer }>()
  let bytes = 0

  function drop(planId: string) {
    const entry = entries.get(planId)
    if (!entry) return
    bytes -= entry.json.length
    entries.delete(planId)
  }

  return {
    get(planId: string, stamp: string): Buffer | undefined {
      const entry = entries.get(planId)
      if (!entry || entry.stamp !== stamp) return undefined
      entries.delete(planId)
      entries.set(planId, entry)
      return entry.json
    },
    /** Keeps `text` as UTF-8 bytes and returns them. */
    set(planId: string, stamp: string, text: string): Buffer {
      const json = Buffer.from(text)
      drop(planId)
      if (json.length > maxBytes) return json
      entries.set(planId, { stamp, json })
      bytes += json.length
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break
        drop(oldest)
      }
      return json
    },
    /** Entries and their size in bytes (tests, diagnostics). */
    stats: () => ({ entries: entries.size, bytes }),
  }
}
export type BoardCache = ReturnType<typeof createBoardCache>
