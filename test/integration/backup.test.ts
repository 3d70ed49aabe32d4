import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkDatabaseFile, createDb } from '@caitien/db'
import { afterAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { databaseEnv, testDatabase, testEngine } from '../support/database.ts'
import { httpSession } from '../support/http-server.ts'

const serverDir = fileURLToPath(new URL('../../server', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'caitien-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, ...env },
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => resolve({ code, out }))
  })
}

// On both engines: SQLite's online backup API copies the file; on PostgreSQL `pnpm cli
// backup` runs pg_dump and `restore` pg_restore (docs/decisions/028).
describe('backup and restore', () => {
  it('takes a consistent online backup while writes go on, and restores it to a working app', async () => {
    const live = {
      ...(await databaseEnv(join(dir, 'live', 'caitien.sqlite'))),
      CAITIEN_EVIDENCE_DIR: join(dir, 'live', 'evidence'),
    }
    const app = await startServerProcess(live)
    const staff = httpSession(app.url)
    await staff.login('giaovien', 'caitien123')
    const plans = await staff.get('/api/plans')
    const board = await staff.get(`/api/plans/${plans.body.plans[0].id}/board`)
    const card = board.body.cards.find((c: { criterion: string }) => c.criterion === '3.6')
    const pdf = new TextEncoder().encode('%PDF-1.4\n% biên bản\n%%EOF\n')
    const upload = await staff.request(
      'POST',
      `/api/cards/${card.id}/evidence/files?name=${encodeURIComponent('Biên bản.pdf')}`,
      pdf,
      {
        headers: { 'content-type': 'application/octet-stream' },
      },
    )
    expect(upload.status).toBe(201)

    // Writes keep coming while the backup runs.
    const acknowledged: { id: string; at: number }[] = []
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing && i < 2000; i++) {
        const res = await staff.post(`/api/cards/${card.id}/comments`, { body: `Bình luận ${i}` })
        if (res.status === 201) acknowledged.push({ id: res.body.comment.id, at: Date.now() })
      }
    })()
    await new Promise((r) => setTimeout(r, 300))
    const backupDir = join(dir, 'backup')
    const started = Date.now()
    const result = await cli(live, 'backup', '--to', backupDir)
    writing = false
    await writer
    expect(result).toMatchObject({ code: 0 })
    expect(acknowledged.length).toBeGreaterThan(5)

    if (testEngine === 'sqlite') {
      expect(checkDatabaseFile(join(backupDir, 'caitien.sqlite'))).toBe('ok')
    } else {
      expect(existsSync(join(backupDir, 'caitien.pgdump'))).toBe(true)
      expect(existsSync(join(backupDir, 'caitien.sqlite'))).toBe(false)
    }
    // A second backup into the same folder is refused rather than mixed.
    expect((await cli(live, 'backup', '--to', backupDir)).code).toBe(2)
    await app.stop()

    // Restored into a new database (on PostgreSQL one an administrator just created, empty).
    const restoredFile = join(dir, 'restored', 'caitien.sqlite')
    const restored = {
      ...(await databaseEnv(restoredFile, { empty: true })),
      CAITIEN_EVIDENCE_DIR: join(dir, 'restored', 'evidence'),
    }
    const first = await cli(restored, 'restore', '--from', backupDir)
    expect(first).toMatchObject({ code: 0 })
    // Over a database that is there now: only with --force.
    expect((await cli(restored, 'restore', '--from', backupDir)).code).toBe(2)
    expect((await cli(restored, 'restore', '--from', backupDir, '--force')).code).toBe(0)

    // Every comment acknowledged before the backup began is in it, and every file it names.
    const db = createDb(await testDatabase(restoredFile))
    const comments = new Set(
      (await db.selectFrom('comment').select('id').execute()).map((r) => r.id),
    )
    for (const c of acknowledged.filter((a) => a.at < started))
      expect(comments.has(c.id)).toBe(true)
    const files = await db
      .selectFrom('evidence')
      .select('file_sha256')
      .where('file_sha256', 'is not', null)
      .execute()
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const sha = f.file_sha256!
      expect(existsSync(join(backupDir, 'evidence', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(
        true,
      )
    }
    await db.destroy()
    const again = await startServerProcess(restored)
    try {
      const s = httpSession(again.url)
      await s.login('giaovien', 'caitien123')
      const file = await fetch(`${again.url}/api/evidence/${upload.body.evidence.id}/file`, {
        headers: { cookie: s.cookie },
      })
      expect(file.status).toBe(200)
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf)
      const detail = await s.get(`/api/cards/${card.id}`)
      expect(detail.body.card.comments.length).toBe(comments.size)
    } finally {
      await again.stop()
    }
    // Two server processes and five CLI runs, each starting tsx: 50 s on a busy 2-core machine.
  }, 150_000)
})
