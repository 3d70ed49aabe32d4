import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { insertTestCard } from '@caitien/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { dbFingerprint } from '../support/cards.ts'
import { httpSession, startTestServer, type HttpSession } from '../support/http-server.ts'
import { buildWorld, type World } from '../support/world.ts'
import { databaseEnv } from '../support/database.ts'

/**
 * Disk hygiene: a storage quota per school, dead uploads and unreferenced files removed.
 * The CLI and the server process start tsx: their tests get a longer timeout.
 */
const KB = 1024
const DAY_MS = 86_400_000
const serverDir = fileURLToPath(new URL('../../server', import.meta.url))
const run = promisify(execFile)

let server: Awaited<ReturnType<typeof startTestServer>>
let world: World
let assignee: HttpSession
let outsider: HttpSession

beforeAll(async () => {
  server = await startTestServer({ schoolQuotaBytes: 1024 * KB })
  world = await buildWorld(server.db)
  assignee = httpSession(server.url)
  await assignee.login(world.users.assignee.login)
  outsider = httpSession(server.url)
  await outsider.login(world.outsider.login)
})
afterAll(async () => {
  await server.stop()
})

/** A PDF of about `size` bytes whose content is unique to `text`. */
function pdf(text: string, size = 8 * KB): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(`%PDF-1.4\n% ${text}\n`)
  const bytes = new Uint8Array(size)
  bytes.set(head)
  bytes.fill(0x20, head.length, size - 6)
  bytes.set(new TextEncoder().encode('%%EOF\n'), size - 6)
  return bytes
}

function upload(
  who: HttpSession,
  cardId: string,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  lang = 'vi',
) {
  return fetch(
    `${server.url}/api/cards/${cardId}/evidence/files?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: {
        cookie: `${who.cookie}; caitien_lang=${lang}`,
        'content-type': 'application/octet-stream',
      },
      body: bytes,
    },
  ).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as {
      evidence: { id: string }
      error: { code: string; message: string }
    },
  }))
}

/** Every file under the evidence store, temporary ones included. */
function storedFiles(dir = server.evidenceDir): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? storedFiles(join(dir, e.name)) : [join(dir, e.name)],
  )
}

async function fileOf(evidenceId: string): Promise<string> {
  const row = await server.db
    .selectFrom('evidence')
    .select('file_sha256')
    .where('id', '=', evidenceId)
    .executeTakeFirstOrThrow()
  const sha = row.file_sha256!
  return join(server.evidenceDir, sha.slice(0, 2), sha.slice(2, 4), sha)
}

const card = () => insertTestCard(server.db, world.plan, { assigneeIds: [world.users.assignee.id] })

describe('the storage quota of a school', () => {
  it('refuses a file that does not fit with 413, says how much is used and the limit, and stores nothing', async () => {
    const a = await card()
    const b = await card()
    const first = await upload(assignee, a, 'ke-hoach.pdf', pdf('a', 600 * KB))
    expect(first.status).toBe(201)
    // The same content again costs nothing: it is stored once.
    expect((await upload(assignee, b, 'ke-hoach-ban-sao.pdf', pdf('a', 600 * KB))).status).toBe(201)

    const files = storedFiles()
    const before = await dbFingerprint(server.db)
    const refused = await upload(assignee, b, 'anh.pdf', pdf('b', 600 * KB))
    expect(refused.status).toBe(413)
    expect(refused.body.error).toEqual({
      code: 'storage_quota_exceeded',
      message:
        'Trường đã dùng 600 KB trong giới hạn 1 MB dành cho minh chứng; tệp này (600 KB) vượt quá phần còn lại. Hãy xoá bớt minh chứng không còn cần, hoặc nhờ quản trị hệ thống tăng giới hạn.',
    })
    const english = await upload(assignee, b, 'anh.pdf', pdf('b', 600 * KB), 'en')
    expect(english.body.error.message).toMatch(/^The school uses 600 KB of its 1 MB evidence/)
    expect(storedFiles()).toEqual(files)
    expect(await dbFingerprint(server.db)).toBe(before)

    // Another school has its own quota.
    expect((await upload(outsider, world.otherCard, 'anh.pdf', pdf('b', 600 * KB))).status).toBe(
      201,
    )
    // Deleted items no longer count.
    const items = await server.db
      .selectFrom('evidence')
      .select('id')
      .where('card_id', 'in', [a, b])
      .execute()
    for (const item of items)
      expect((await assignee.delete(`/api/evidence/${item.id}`)).status).toBe(200)
    expect((await upload(assignee, b, 'anh.pdf', pdf('b', 600 * KB))).status).toBe(201)
  })
})

describe('the sweep of unreferenced files', () => {
  it('removes a file unreferenced beyond the retention, keeps referenced and recent ones (pnpm cli evidence:sweep)', async () => {
    const c = await card()
    const old = new Date(Date.now() - 40 * DAY_MS)
    const age = (path: string) => utimesSync(path, old, old)

    const live = await upload(assignee, c, 'song-song.pdf', pdf('live'))
    const deletedLongAgo = await upload(assignee, c, 'da-xoa-lau.pdf', pdf('deleted long ago'))
    const deletedLately = await upload(assignee, c, 'moi-xoa.pdf', pdf('deleted lately'))
    for (const r of [live, deletedLongAgo, deletedLately]) expect(r.status).toBe(201)
    server.setNow(old)
    expect((await assignee.delete(`/api/evidence/${deletedLongAgo.body.evidence.id}`)).status).toBe(
      200,
    )
    server.setNow(new Date())
    expect((await assignee.delete(`/api/evidence/${deletedLately.body.evidence.id}`)).status).toBe(
      200,
    )
    // A crash between storing a file and writing its row leaves a file nobody names.
    const orphan = join(server.evidenceDir, 'ee', 'ff', 'eeff'.padEnd(64, '0'))
    mkdirSync(dirname(orphan), { recursive: true })
    writeFileSync(orphan, pdf('orphan'))
    const paths = {
      live: await fileOf(live.body.evidence.id),
      deletedLongAgo: await fileOf(deletedLongAgo.body.evidence.id),
      deletedLately: await fileOf(deletedLately.body.evidence.id),
      orphan,
    }
    for (const path of Object.values(paths)) age(path)

    const out = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'evidence:sweep'], {
      cwd: serverDir,
      env: {
        ...process.env,
        ...(await databaseEnv(join(dirname(server.evidenceDir), 'caitien.sqlite'))),
        CAITIEN_EVIDENCE_DIR: server.evidenceDir,
        CAITIEN_EVIDENCE_RETENTION_DAYS: '30',
      },
    })
    expect(out.stdout).toMatch(/^removed 2 unreferenced evidence files/)
    expect(existsSync(paths.deletedLongAgo)).toBe(false)
    expect(existsSync(paths.orphan)).toBe(false)
    expect(existsSync(paths.deletedLately)).toBe(true)
    expect(existsSync(paths.live)).toBe(true)
    const file = await fetch(`${server.url}/api/evidence/${live.body.evidence.id}/file`, {
      headers: { cookie: assignee.cookie },
    })
    expect(file.status).toBe(200)
    expect(new TextDecoder().decode(await file.arrayBuffer())).toContain('% live')
    // The deleted item's row stays, for the activity log.
    const row = await server.db
      .selectFrom('evidence')
      .select('deleted_at')
      .where('id', '=', deletedLongAgo.body.evidence.id)
      .executeTakeFirstOrThrow()
    expect(row.deleted_at).not.toBeNull()
  }, 90_000)
})

describe('at start-up', () => {
  it('removes partial uploads left by a crash, and sweeps files unreferenced beyond the retention', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caitien-disk-'))
    const evidence = join(dir, 'evidence')
    const partial = join(evidence, 'tmp', crypto.randomUUID())
    mkdirSync(dirname(partial), { recursive: true })
    writeFileSync(partial, pdf('cut off halfway', 4 * KB))
    // Cut off two hours ago: on PostgreSQL another server process may be uploading into the
    // same folder, so only a partial upload older than an hour is known dead.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000)
    utimesSync(partial, twoHoursAgo, twoHoursAgo)
    const stored = (name: string, days: number) => {
      const path = join(evidence, name.slice(0, 2), name.slice(2, 4), name.padEnd(64, '0'))
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, pdf(name))
      const at = new Date(Date.now() - days * DAY_MS)
      utimesSync(path, at, at)
      return path
    }
    const stale = stored('aaaa', 40)
    const recent = stored('bbbb', 2)
    const app = await startServerProcess({
      ...(await databaseEnv(join(dir, 'caitien.sqlite'))),
      CAITIEN_EVIDENCE_DIR: evidence,
      CAITIEN_NO_DEMO: 'true',
    })
    try {
      // Before the server listened: nothing can be uploading yet.
      expect(existsSync(partial)).toBe(false)
      const deadline = Date.now() + 20_000
      while (existsSync(stale) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100))
      expect(existsSync(stale)).toBe(false)
      expect(existsSync(recent)).toBe(true)
      expect(app.output()).toMatch(/removed 1 partial uploads/)
    } finally {
      await app.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})
