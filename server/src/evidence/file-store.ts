import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** A web stream's chunks, read one at a time (back-pressure holds: nothing is buffered). */
async function* chunksOf(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file over ${limit} bytes`)
  }
}

const SHA256 = /^[0-9a-f]{64}$/

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT'

/**
 * Evidence files on disk, stored once per content under their SHA-256
 * (`ab/cd/abcd…`), in a folder the web server never serves. An upload streams to a
 * temporary file while it is hashed and counted; over the limit it stops at once and
 * leaves nothing behind.
 *
 * A stored file's modification time is the last time some upload asked for its content
 * (`commit` touches it when the content is already there). The sweep removes only files
 * untouched for its whole retention, and moves a file aside before deleting it, so an
 * upload that reuses the content at that moment either touched it first (the sweep puts
 * it back) or finds it gone and stores its own copy (evidence/sweep-files.ts).
 */
export function createFileStore(root: string) {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  const tmpDir = join(root, 'tmp')

  return {
    root,
    pathOf,
    /** Streams a body to a temporary file. The caller keeps it (commit) or drops it. */
    async receive(body: ReadableStream<Uint8Array> | null, maxBytes: number) {
      await mkdir(tmpDir, { recursive: true })
      const tmp = join(tmpDir, randomUUID())
      const hash = createHash('sha256')
      let size = 0
      const head: Buffer[] = []
      let headSize = 0
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length
          if (size > maxBytes) return done(new FileTooLargeError(maxBytes))
          hash.update(chunk)
          if (headSize < 64) {
            head.push(chunk)
            headSize += chunk.length
          }
          done(null, chunk)
        },
      })
      try {
        const source = Readable.from(body ? chunksOf(body) : [])
        await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx' }))
      } catch (err) {
        await rm(tmp, { force: true })
        throw err
      }
      const sha256 = hash.digest('hex')
      return {
        sha256,
        size,
        head: new Uint8Array(Buffer.concat(head).subarray(0, 64)),
        readAll: () => readFile(tmp),
        /**
         * Moves the upload to its content address. When that content is already stored,
         * touches it instead (it is wanted again: the sweep must keep it) and drops the upload.
         */
        commit: async () => {
          const target = pathOf(sha256)
          try {
            const now = new Date()
            await utimes(target, now, now)
            await rm(tmp, { force: true })
            return
          } catch (err) {
            if (!isMissing(err)) throw err
          }
          await mkdir(dirname(target), { recursive: true })
          await rename(tmp, target)
        },
        discard: () => rm(tmp, { force: true }),
      }
    },
    open(sha256: string) {
      return createReadStream(pathOf(sha256))
    },
    /**
     * Removes uploads that never finished (a crash mid-upload leaves its temporary file):
     * those last written before `before`, or all of them (at start-up, before the server
     * listens, no upload is in flight).
     */
    async removePartialUploads(before?: Date): Promise<number> {
      let removed = 0
      const names = await readdir(tmpDir).catch((err: unknown) => {
        if (isMissing(err)) return []
        throw err
      })
      for (const name of names) {
        const path = join(tmpDir, name)
        const info = await stat(path).catch(() => null)
        if (!info?.isFile() || (before && info.mtime >= before)) continue
        await rm(path, { force: true })
        removed++
      }
      return removed
    },
    /** Every stored content, with when it was last asked for (see above). */
    async list(): Promise<{ sha256: string; mtime: Date }[]> {
      const out: { sha256: string; mtime: Date }[] = []
      const walk = async (dir: string, depth: number) => {
        const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
          if (isMissing(err)) return []
          throw err
        })
        for (const e of entries) {
          const path = join(dir, e.name)
          if (depth < 2 && e.isDirectory() && e.name.length === 2) await walk(path, depth + 1)
          else if (depth === 2 && e.isFile() && SHA256.test(e.name)) {
            const info = await stat(path).catch(() => null)
            if (info) out.push({ sha256: e.name, mtime: info.mtime })
          }
        }
      }
      await walk(root, 0)
      return out
    },
    /**
     * Deletes a stored content unless an upload asked for it since `before`. It is moved
     * aside first: an upload that comes at that moment finds it gone and stores its own
     * copy; one that touched it just before makes the sweep put it back.
     */
    async removeIfUntouched(sha256: string, before: Date): Promise<boolean> {
      if (!SHA256.test(sha256)) return false
      const path = pathOf(sha256)
      await mkdir(tmpDir, { recursive: true })
      const aside = join(tmpDir, `sweep-${sha256}`)
      try {
        await rename(path, aside)
      } catch (err) {
        if (isMissing(err)) return false
        throw err
      }
      if ((await stat(aside)).mtime >= before) {
        await rename(aside, path)
        return false
      }
      await rm(aside, { force: true })
      return true
    },
  }
}
export type FileStore = ReturnType<typeof createFileStore>
