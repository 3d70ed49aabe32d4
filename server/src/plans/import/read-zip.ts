import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'
import { MAX_ENTRY_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, mb } from './import-limits.ts'
import { PlanParseError, planParseError } from './plan-parse-error.ts'

export interface ZipContents {
  /** Every entry name in the archive, in order. */
  names: string[]
  /** The inflated bytes of the entries asked for. */
  entries: Map<string, Uint8Array>
}

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1,032
 * to 1, so no single step can produce more than about 16 MB before the size is checked.
 */
const SLICE = 16 * 1024

/**
 * Unzip an Office file as a stream, inflating only the entries `wanted` picks, and stop as
 * soon as there are too many entries or an entry inflates past its limit. Sizes are counted
 * on the bytes actually produced: the sizes an archive declares are not trusted.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean): ZipContents {
  const names: string[] = []
  const chunks = new Map<string, Uint8Array[]>()
  const done = new Set<string>()
  let total = 0
  let failure: Error | undefined
  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name)
    if (names.length > MAX_ZIP_ENTRIES) throw planParseError('too_many_entries')
    if (!wanted(file.name) || chunks.has(file.name)) return
    const parts: Uint8Array[] = []
    let size = 0
    chunks.set(file.name, parts)
    file.ondata = (err, data, final) => {
      if (failure) return
      if (err) {
        failure = err
        return
      }
      size += data.length
      total += data.length
      if (size > MAX_ENTRY_BYTES || total > MAX_UNZIPPED_BYTES) {
        failure = planParseError('entry_too_large', `(${file.name}: > ${mb(size)})`)
        return
      }
      parts.push(data)
      if (final) done.add(file.name)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE)
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  } catch (err) {
    if (err instanceof PlanParseError) throw err
    throw planParseError('not_a_zip', `(${(err as Error).message})`)
  }
  if (failure instanceof PlanParseError) throw failure
  if (failure) throw planParseError('not_a_zip', `(${failure.message})`)
  const entries = new Map<string, Uint8Array>()
  for (const [name, parts] of chunks) if (done.has(name)) entries.set(name, join(parts))
  return { names, entries }
}

function join(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
