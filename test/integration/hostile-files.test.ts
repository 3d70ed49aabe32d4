import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'
import { hostileFiles, type HostileFile } from '../support/hostile-files.ts'
import { databaseEnv } from '../support/database.ts'

/**
 * Plan files built to stall or exhaust the importer, sent to a real server process the way
 * an attacker would (preview: nothing is saved). Each must be refused (a 4xx) within 10 s,
 * cost the server less than 512 MB more than it had, and never stop it answering others:
 * a plain GET polled throughout must answer within 1 s every time. The CLI must refuse each
 * the same way. The figures are printed for the record.
 */

const ANSWER_WITHIN_MS = 10_000
const EXTRA_MEMORY_MB = 512
const GET_WITHIN_MS = 1_000

/** What each file must get: a 4xx, except a picture bomb, whose picture is never inflated. */
const EXPECTED: Record<string, { status: number; code?: string; cliExit: number }> = {
  'gridspan.docx': { status: 422, code: 'plan_too_complex', cliExit: 2 },
  'deflate-bomb.docx': { status: 413, code: 'payload_too_large', cliExit: 2 },
  'wide-tall.csv': { status: 422, code: 'plan_too_complex', cliExit: 2 },
  'merges-20.xlsx': { status: 422, code: 'plan_too_complex', cliExit: 2 },
  'merges-160.xlsx': { status: 422, code: 'plan_too_complex', cliExit: 2 },
  'long-line.csv': { status: 413, code: 'payload_too_large', cliExit: 2 },
  'shared-strings.xlsx': { status: 413, code: 'payload_too_large', cliExit: 2 },
  'media-bomb.xlsx': { status: 200, cliExit: 0 },
  'laughs.docx': { status: 415, code: 'unsupported_type', cliExit: 2 },
  'entries.docx': { status: 413, code: 'payload_too_large', cliExit: 2 },
  'nested.docx': { status: 422, code: 'plan_too_complex', cliExit: 2 },
  'tall.xlsx': { status: 413, code: 'payload_too_large', cliExit: 2 },
  'paragraphs.docx': { status: 422, code: 'plan_too_complex', cliExit: 2 },
}

const serverDir = fileURLToPath(new URL('../../server', import.meta.url))
const files = hostileFiles()
let dir: string
let server: Awaited<ReturnType<typeof startServerProcess>>
let cookie = ''
let planId = ''
const figures: Record<string, string | number>[] = []

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

async function api(method: string, path: string, body?: object, headers: HeadersInit = {}) {
  const raw = body instanceof Uint8Array
  const res = await fetch(server.url + path, {
    method,
    headers: {
      cookie,
      ...(body && !raw ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body:
      body === undefined
        ? undefined
        : raw
          ? new Blob([body as Uint8Array<ArrayBuffer>])
          : JSON.stringify(body),
  })
  const setCookie = res.headers.get('set-cookie')
  if (setCookie) cookie = setCookie.split(';')[0]!
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/**
 * The multipart body of an upload, encoded before the clock starts: while it is sent, this
 * process only writes bytes, so a slow GET is the server's doing, not this process's.
 */
async function uploadBody(file: HostileFile) {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(file.bytes)]), file.name)
  const encoded = new Response(form)
  const type = encoded.headers.get('content-type')!
  return { body: new Uint8Array(await encoded.arrayBuffer()), type }
}

async function preview(file: HostileFile, encoded?: { body: Uint8Array; type: string }) {
  const { body, type } = encoded ?? (await uploadBody(file))
  return api('POST', `/api/plans/${planId}/import/preview`, body, { 'content-type': type })
}

/** Polls a plain GET until stopped; returns the slowest answer and whether all were 200. */
function pollGets() {
  let stop = false
  let slowest = 0
  let count = 0
  let failures = 0
  const done = (async () => {
    while (!stop) {
      const started = performance.now()
      try {
        const res = await fetch(`${server.url}/api/session/me`, {
          headers: { cookie },
          signal: AbortSignal.timeout(15_000),
        })
        await res.text()
        if (res.status !== 200) failures++
      } catch {
        failures++
      }
      slowest = Math.max(slowest, performance.now() - started)
      count++
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  return async () => {
    stop = true
    await done
    return { slowest, count, failures }
  }
}

/** Samples the server's resident memory every 50 ms; returns the peak. */
function sampleMemory(pid: number) {
  let peak = rssMb(pid)
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50)
  return () => {
    clearInterval(timer)
    return Math.max(peak, rssMb(pid))
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caitien-hostile-'))
  server = await startServerProcess({
    ...(await databaseEnv(join(dir, 'caitien.sqlite'))),
    CAITIEN_EVIDENCE_DIR: join(dir, 'evidence'),
  })
  const login = await api('POST', '/api/session/login', {
    login: 'hieutruong',
    password: 'caitien123',
  })
  expect(login.status).toBe(200)
  planId = (await api('GET', '/api/plans')).body.plans[0].id
  // A real plan first: the parser's modules are loaded and a worker is kept ready, as on a
  // server that has been up for a while.
  const plan = readFileSync(
    fileURLToPath(new URL('../fixtures/plans/plan-004.docx', import.meta.url)),
  )
  const warm = await preview({ family: 'a real plan', name: 'plan-004.docx', bytes: plan })
  expect(warm.status).toBe(200)
}, 120_000)

afterAll(async () => {
  if (figures.length) {
    console.log('hostile plan files: server (preview route) and CLI')
    console.table(figures)
  }
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('a hostile plan file sent to the preview route', () => {
  for (const file of files) {
    const expected = EXPECTED[file.name]!
    it(`refuses ${file.family} (${file.name}, ${file.bytes.length} bytes) quickly, within memory, and keeps serving`, async () => {
      const encoded = await uploadBody(file)
      const baseline = rssMb(server.pid)
      const peakOf = sampleMemory(server.pid)
      const stopGets = pollGets()
      const started = performance.now()
      const res = await preview(file, encoded)
      const elapsed = performance.now() - started
      const peak = peakOf()
      const gets = await stopGets()
      figures.push({
        file: file.name,
        family: file.family,
        status: res.status,
        'answer ms': Math.round(elapsed),
        'peak extra MB': Math.round(peak - baseline),
        'slowest GET ms': Math.round(gets.slowest),
        GETs: gets.count,
      })
      expect(res.status).toBe(expected.status)
      if (expected.code) {
        expect(res.body.error.code).toBe(expected.code)
        // In the user's language (Vietnamese by default), naming what is wrong.
        expect(res.body.error.message).toMatch(/[àáảãạăâđêôơưệốộớờởữựửứừ]/i)
      }
      expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS)
      expect(peak - baseline).toBeLessThan(EXTRA_MEMORY_MB)
      expect(gets.failures).toBe(0)
      expect(gets.count).toBeGreaterThan(0)
      expect(gets.slowest).toBeLessThan(GET_WITHIN_MS)
    }, 60_000)
  }

  it('still serves a real plan after all of them', async () => {
    const plan = readFileSync(
      fileURLToPath(new URL('../fixtures/plans/plan-004.xlsx', import.meta.url)),
    )
    const res = await preview({ family: 'a real plan', name: 'plan-004.xlsx', bytes: plan })
    expect(res.status).toBe(200)
    expect(res.body.rows).toHaveLength(8)
  }, 60_000)
})

/** `pnpm cli plan:parse FILE`, run as that command runs it, without blocking this process. */
function cli(file: string): Promise<{ code: number | null; err: string; ms: number }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/cli.mjs', 'plan:parse', file], {
      cwd: serverDir,
      env: { ...process.env, CAITIEN_DATABASE_FILE: join(dir, 'never-created.sqlite') },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(killer)
      resolve({ code, err, ms: performance.now() - started })
    })
  })
}

describe('a hostile plan file given to pnpm cli plan:parse', () => {
  for (const file of files) {
    const expected = EXPECTED[file.name]!
    it(`exits ${expected.cliExit} on ${file.name} within 10 s`, async () => {
      const path = join(dir, file.name)
      writeFileSync(path, file.bytes)
      const run = await cli(path)
      figures.push({
        file: file.name,
        family: 'CLI',
        status: run.code ?? -1,
        'answer ms': Math.round(run.ms),
      })
      expect({ code: run.code, err: expected.cliExit ? run.err : '' }).toMatchObject({
        code: expected.cliExit,
        err: expected.cliExit ? expect.stringMatching(/^error: .*\[\w+\]/) : '',
      })
      expect(run.ms).toBeLessThan(ANSWER_WITHIN_MS)
    }, 60_000)
  }
})
