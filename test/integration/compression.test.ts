import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir } from '../../web/build/precompress.ts'
import { startServerProcess } from '../support/app-process.ts'
import { httpSession } from '../support/http-server.ts'

/** Raw bytes and headers, as they came over the wire (fetch would decode them). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      req.on('error', reject)
      req.end()
    },
  )
}

/** The first bytes of a stream that never ends, then the request is dropped. */
function rawHead(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; first: string }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.once('data', (chunk: Buffer) => {
        resolve({ headers: res.headers, first: chunk.toString() })
        req.destroy()
      })
    })
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)))
    req.end()
  })
}

const decode = (answer: { headers: IncomingHttpHeaders; body: Buffer }) => {
  const encoding = answer.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(answer.body)
  if (encoding === 'gzip') return gunzipSync(answer.body)
  return answer.body
}

describe('compressed answers (a phone on 3G downloads a fraction of the bytes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caitien-compression-'))
  const dist = join(dir, 'dist')
  // A build's files: text large enough to compress, and one below a packet.
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `cải tiến ${i}`))}\n`
  const page = `<!doctype html><html lang="vi"><head><title>caitien</title></head><body>${'<p>Kế hoạch cải tiến chất lượng</p>'.repeat(60)}</body></html>`
  let app: Awaited<ReturnType<typeof startServerProcess>>
  let cookie = ''
  let planId = ''

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true })
    writeFileSync(join(dist, 'index.html'), page)
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), script)
    writeFileSync(join(dist, 'assets', 'tiny-abc123.css'), 'body{margin:0}')
    precompressDir(dist)
    app = await startServerProcess({
      CAITIEN_DATABASE_FILE: join(dir, 'caitien.sqlite'),
      CAITIEN_EVIDENCE_DIR: join(dir, 'evidence'),
      CAITIEN_WEB_DIST: dist,
    })
    const principal = httpSession(app.url)
    await principal.login('hieutruong', 'caitien123')
    cookie = principal.cookie
    planId = (await principal.get('/api/plans')).body.plans[0].id
  }, 120_000)

  afterAll(async () => {
    await app?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes brotli and gzip copies of the build text files, not of those below a packet', () => {
    const br = readFileSync(join(dist, 'assets', 'app-abc123.js.br'))
    const gz = readFileSync(join(dist, 'assets', 'app-abc123.js.gz'))
    expect(brotliDecompressSync(br).toString()).toBe(script)
    expect(gunzipSync(gz).toString()).toBe(script)
    expect(br.length).toBeLessThan(script.length / 3)
    expect(() => readFileSync(join(dist, 'assets', 'tiny-abc123.css.br'))).toThrow()
  })

  it('serves the build copy the browser accepts, brotli first, and the file as it is otherwise', async () => {
    const url = `${app.url}/assets/app-abc123.js`
    const both = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(both.headers['content-encoding']).toBe('br')
    expect(both.headers.vary).toMatch(/accept-encoding/i)
    expect(both.headers['content-type']).toMatch(/javascript/)
    expect(both.headers['cache-control']).toContain('immutable')
    expect(decode(both).toString()).toBe(script)

    const gzipOnly = await rawGet(url, { 'accept-encoding': 'gzip' })
    expect(gzipOnly.headers['content-encoding']).toBe('gzip')
    expect(decode(gzipOnly).toString()).toBe(script)

    const none = await rawGet(url, {})
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.body.toString()).toBe(script)

    // A screen's address falls back to the page, compressed too.
    const screen = await rawGet(`${app.url}/plans/x/board`, { 'accept-encoding': 'br' })
    expect(screen.headers['content-encoding']).toBe('br')
    expect(decode(screen).toString()).toBe(page)
  })

  it('compresses JSON answers the browser accepts, and leaves a small one as it is', async () => {
    const url = `${app.url}/api/plans/${planId}/board`
    const plain = await rawGet(url, { cookie })
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const board = JSON.parse(plain.body.toString())
    expect(board.cards.length).toBeGreaterThan(0)

    for (const encoding of ['br', 'gzip'] as const) {
      const packed = await rawGet(url, { cookie, 'accept-encoding': encoding })
      expect(packed.headers['content-encoding']).toBe(encoding)
      expect(packed.body.length).toBeLessThan(plain.body.length / 3)
      expect(JSON.parse(decode(packed).toString())).toEqual(board)
    }

    const small = await rawGet(`${app.url}/api/session/me`, { cookie, 'accept-encoding': 'br' })
    expect(small.status).toBe(200)
    expect(small.body.length).toBeLessThan(1400)
    expect(small.headers['content-encoding']).toBeUndefined()
  })

  it('never compresses the live event stream, which must reach the browser at once', async () => {
    const stream = await rawHead(`${app.url}/api/plans/${planId}/events`, {
      cookie,
      'accept-encoding': 'gzip, br',
    })
    expect(stream.headers['content-type']).toMatch(/text\/event-stream/)
    expect(stream.headers['content-encoding']).toBeUndefined()
    expect(stream.first.length).toBeGreaterThan(0)
  })
})
