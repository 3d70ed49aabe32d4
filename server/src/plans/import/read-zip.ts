import { inflateRawSync } from 'node:zlib'
import { Unzip, UnzipPassThrough, type UnzipFile } from 'fflate'
import { MAX_ENTRY_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './import-limits.ts'
import { PlanParseError, planParseError } from './plan-parse-error.ts'

export interface ZipContents {
  /** Every entry name in the archive, in order. */
  names: string[]
  /** The inflated bytes of the entries asked for. */
  entries: Map<string, Uint8Array>
}

/** Compressed bytes handed to the unzipper at a time. */
const SLICE = 64 * 1024

/**
 * Hands a deflated entry's compressed bytes through as they are, so that node's zlib can
 * inflate it with a hard output limit (fflate's own inflater only says how much it produced
 * after producing it, and is slower on the long runs a bomb is made of).
 */
class RawDeflate extends UnzipPassThrough {
  static override compression = 8
}

/**
 * Unzip an Office file as a stream, inflating only the entries `wanted` picks, and stop as
 * soon as there are too many entries or an entry inflates past its limit. Sizes are counted
 * on the bytes actually produced: the sizes an archive declares are not trusted.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean): ZipContents {
  const names: string[] = []
  const entries = new Map<string, Uint8Array>()
  let total = 0
  let failure: Error | undefined
  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name)
    if (names.length > MAX_ZIP_ENTRIES) throw planParseError('too_many_entries')
    if (!wanted(file.name) || entries.has(file.name)) return
    const parts: Uint8Array[] = []
    let size = 0
    file.ondata = (err, data, final) => {
      if (failure) return
      if (err) {
        failure = err
        return
      }
      parts.push(data)
      size += data.length
      // Stored (not compressed) bytes are at most the upload's size; deflated ones are
      // inflated once whole, within what is left of both limits.
      if (file.compression === 0 && size > MAX_ENTRY_BYTES) failure = tooLarge(file.name)
      if (!final || failure) return
      const limit = Math.min(MAX_ENTRY_BYTES, MAX_UNZIPPED_BYTES - total)
      try {
        const out = file.compression === 8 ? inflate(join(parts), limit, file.name) : join(parts)
        if (out.length > limit) throw tooLarge(file.name)
        total += out.length
        entries.set(file.name, out)
      } catch (e) {
        failure = e as Error
      }
    }
    file.start()
  })
  unzip.register(RawDeflate)
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE)
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  } catch (err) {
    if (err instanceof PlanParseError) throw err
    throw planParseError('not_a_zip', { technical: (err as Error).message })
  }
  if (failure instanceof PlanParseError) throw failure
  if (failure) throw planParseError('not_a_zip', { technical: failure.message })
  return { names, entries }
}

const tooLarge = (name: string) => planParseError('entry_too_large', { technical: name })

function inflate(compressed: Uint8Array, limit: number, name: string): Uint8Array {
  try {
    // zlib stops as soon as its output passes maxOutputLength: a bomb is never inflated whole.
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) })
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(name)
    throw planParseError('not_a_zip', { technical: `${name}: ${(err as Error).message}` })
  }
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
