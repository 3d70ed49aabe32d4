import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
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

/**
 * Evidence files on disk, stored once per content under their SHA-256
 * (`ab/cd/abcd…`), in a folder the web server never serves. An upload streams to a
 * temporary file while it is hashed and counted; over the limit it stops at once and
 * leaves nothing behind.
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
        /** Moves the upload to its content address, unless that content is already stored. */
        commit: async () => {
          const target = pathOf(sha256)
          const exists = await stat(target).then(
            () => true,
            () => false,
          )
          if (exists) {
            await rm(tmp, { force: true })
            return
          }
          await mkdir(join(target, '..'), { recursive: true })
          await rename(tmp, target)
        },
        discard: () => rm(tmp, { force: true }),
      }
    },
    open(sha256: string) {
      return createReadStream(pathOf(sha256))
    },
  }
}
export type FileStore = ReturnType<typeof createFileStore>
