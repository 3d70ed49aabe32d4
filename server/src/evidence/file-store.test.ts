import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileStore } from './file-store.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'caitien-store-'))
  dirs.push(dir)
  return createFileStore(dir)
}

const body = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode(text))
      c.close()
    },
  })

async function put(files: ReturnType<typeof store>, text: string) {
  const upload = await files.receive(body(text), 1024)
  await upload.commit()
  return upload.sha256
}

const longAgo = new Date('2020-01-01T00:00:00Z')

describe('the file store and the sweep', () => {
  it('touches content that is stored again, so the sweep keeps it', async () => {
    const files = store()
    const sha = await put(files, 'biên bản')
    utimesSync(files.pathOf(sha), longAgo, longAgo)
    await put(files, 'biên bản')
    expect(statSync(files.pathOf(sha)).mtime.getTime()).toBeGreaterThan(longAgo.getTime())
    expect(await files.removeIfUntouched(sha, new Date(Date.now() - 60_000))).toBe(false)
    expect(existsSync(files.pathOf(sha))).toBe(true)
  })

  it('removes content untouched since the cutoff, and lists what it stores', async () => {
    const files = store()
    const old = await put(files, 'cũ')
    const fresh = await put(files, 'mới')
    utimesSync(files.pathOf(old), longAgo, longAgo)
    expect((await files.list()).map((f) => f.sha256).sort()).toEqual([old, fresh].sort())
    const cutoff = new Date('2021-01-01T00:00:00Z')
    expect(await files.removeIfUntouched(old, cutoff)).toBe(true)
    expect(await files.removeIfUntouched(fresh, cutoff)).toBe(false)
    expect(existsSync(files.pathOf(old))).toBe(false)
    expect(existsSync(files.pathOf(fresh))).toBe(true)
    // Removed, the content can be stored again by the next upload.
    await put(files, 'cũ')
    expect(existsSync(files.pathOf(old))).toBe(true)
  })

  it('removes partial uploads: those older than a time, or all', async () => {
    const files = store()
    const a = await files.receive(body('a'), 1024)
    const b = await files.receive(body('b'), 1024)
    expect(await files.removePartialUploads(new Date(Date.now() - 60_000))).toBe(0)
    expect(await files.removePartialUploads()).toBe(2)
    await expect(a.readAll()).rejects.toThrow()
    await expect(b.readAll()).rejects.toThrow()
  })
})
