/**
 * The load generator, in its own process (forked by run.ts, jobs over IPC): closed-loop
 * workers over keep-alive HTTP/1.1 connections to 127.0.0.1, one connection per worker,
 * every request timed from write to the last byte of the answer. Each job runs for a fixed
 * time after a short warm-up that is not recorded.
 */
import { Agent, request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export interface LoadResult {
  requests: number
  seconds: number
  reqPerSec: number
  p50: number
  p90: number
  p99: number
  max: number
  /** Count of answers per HTTP status ("error" for a failed connection). */
  statuses: Record<string, number>
  /** Mean size of an answer's body, in bytes. */
  meanBytes: number
  /** Job-specific counters (conflicts, refusals, …). */
  notes: Record<string, number>
  /** A sample of unexpected answers, for the report. */
  samples: string[]
}

export type Job =
  | {
      kind: 'get'
      url: string
      headers?: Record<string, string>
      concurrency: number
      seconds: number
      warmup: number
      /** Send If-None-Match with the ETag of a first read (a board already on screen). */
      conditional?: boolean
    }
  | {
      kind: 'move'
      base: string
      /** One entry per worker: its session cookie (or none) and the cards it may move. */
      workers: { cookie?: string; cards: { id: string; status: string; version: number }[] }[]
      seconds: number
      warmup: number
      origin?: string
      /**
       * 'end': each card goes to the end of the other column (no beforeCardId). 'drop': as a
       * board drag drops it, before a card of the target column picked at random (or at the
       * end, as often as after any one card).
       */
      placement: 'end' | 'drop'
      /**
       * 'shared' (default): one view of every card for all workers, as boards kept current
       * by live events; each worker takes its cards in turn. 'own': each worker keeps its own
       * view and picks one of its cards at random, as an independent driver does: a card two
       * workers share goes stale in the other's view, and its next move is a 409.
       */
      view?: 'shared' | 'own'
      /**
       * Names the views to keep for the next run of the same key (rounds of one row): cards
       * moved in one round are not sent again with the versions they had before it.
       */
      viewKey?: string
      /** Event streams (GET …/events) held open on the plan during the run, as open boards. */
      streams?: { url: string; cookies: string[] }
    }
  | {
      kind: 'upload'
      base: string
      cookie?: string
      cardIds: string[]
      bytes: number
      concurrency: number
      seconds: number
      warmup: number
      maxRequests: number
    }
  | {
      kind: 'post'
      url: string
      cookie?: string
      seconds: number
      warmup: number
      maxRequests: number
    }

interface Answer {
  status: number
  bytes: number
  body: Buffer | null
  etag?: string
}

function send(
  agent: Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | null,
  keepBody: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
      },
      (res) => {
        let bytes = 0
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          if (keepBody) chunks.push(chunk)
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            body: keepBody ? decoded(Buffer.concat(chunks), res.headers['content-encoding']) : null,
            etag: res.headers.etag,
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body ?? undefined)
  })
}

/** The body as sent before the server compressed it, when it did. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body)
  if (encoding === 'gzip') return gunzipSync(body)
  return body
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

class Recorder {
  latencies: number[] = []
  statuses: Record<string, number> = {}
  bytes = 0
  notes: Record<string, number> = {}
  samples: string[] = []
  recording = false
  started = 0
  stopped = 0

  add(ms: number, status: string, bytes: number) {
    if (!this.recording) return
    this.latencies.push(ms)
    this.statuses[status] = (this.statuses[status] ?? 0) + 1
    this.bytes += bytes
  }
  note(name: string, n = 1) {
    if (this.recording) this.notes[name] = (this.notes[name] ?? 0) + n
  }
  sample(text: string) {
    if (this.recording && this.samples.length < 5) this.samples.push(text.slice(0, 300))
  }
  result(): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b)
    const seconds = (this.stopped - this.started) / 1000
    const round = (n: number) => Math.round(n * 100) / 100
    return {
      requests: sorted.length,
      seconds: round(seconds),
      reqPerSec: round(sorted.length / seconds),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? NaN),
      statuses: this.statuses,
      meanBytes: sorted.length ? Math.round(this.bytes / sorted.length) : 0,
      notes: this.notes,
      samples: this.samples,
    }
  }
}

/** Runs `loop` on each worker until the time is up; records only after the warm-up. */
async function drive(
  rec: Recorder,
  workers: number,
  seconds: number,
  warmup: number,
  loop: (worker: number, live: () => boolean) => Promise<void>,
) {
  const start = Date.now()
  const warmEnd = start + warmup * 1000
  const end = warmEnd + seconds * 1000
  const timer = setTimeout(() => {
    rec.recording = true
    rec.started = Date.now()
  }, warmup * 1000)
  const live = () => Date.now() < end
  await Promise.all(Array.from({ length: workers }, (_, i) => loop(i, live)))
  clearTimeout(timer)
  rec.stopped = Math.min(Date.now(), end)
  if (!rec.started) rec.started = warmEnd
}

const now = () => Number(process.hrtime.bigint()) / 1e6

type MoveView = { id: string; status: string; version: number }
/** The workers' views of the cards after a run, by the job's viewKey. */
const keptViews = new Map<string, { shared: Map<string, MoveView>; own: MoveView[][] }>()

/**
 * Holds event streams open, reading (and counting) every event, as open boards do; a board
 * would also refetch itself after each event, which this leaves out (bench/README.md).
 */
function openStreams(spec: { url: string; cookies: string[] } | undefined, rec: Recorder) {
  const requests = (spec?.cookies ?? []).map((cookie) => {
    const req = request(new URL(spec!.url), { headers: { cookie, accept: 'text/event-stream' } })
    req.on('response', (res) => {
      if (res.statusCode !== 200) rec.note('streamErrors')
      res.on('data', (chunk: Buffer) => {
        if (rec.recording) rec.note('streamBytes', chunk.length)
      })
    })
    req.on('error', () => rec.note('streamErrors'))
    req.end()
    return req
  })
  return { close: () => requests.forEach((r) => r.destroy()) }
}

async function runJob(job: Job): Promise<LoadResult> {
  const rec = new Recorder()
  if (job.kind === 'get') {
    const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency })
    const url = new URL(job.url)
    const headers: Record<string, string> = { ...(job.headers ?? {}) }
    if (job.conditional) {
      const first = await send(agent, url, 'GET', headers, null, false)
      if (!first.etag) throw new Error(`no ETag on ${job.url} (status ${first.status})`)
      headers['if-none-match'] = first.etag
    }
    await drive(rec, job.concurrency, job.seconds, job.warmup, async (_w, live) => {
      while (live()) {
        const t0 = now()
        try {
          const a = await send(agent, url, 'GET', headers, null, false)
          rec.add(now() - t0, String(a.status), a.bytes)
        } catch (err) {
          rec.add(now() - t0, 'error', 0)
          rec.sample((err as Error).message)
        }
      }
    })
    agent.destroy()
    return rec.result()
  }
  if (job.kind === 'move') {
    const agent = new Agent({ keepAlive: true, maxSockets: job.workers.length })
    const kept = job.viewKey ? keptViews.get(job.viewKey) : undefined
    const shared = kept?.shared ?? new Map<string, MoveView>()
    for (const w of job.workers)
      for (const c of w.cards) if (!shared.has(c.id)) shared.set(c.id, { ...c })
    const ownViews = kept?.own ?? job.workers.map((w) => w.cards.map((c) => ({ ...c })))
    if (job.viewKey) keptViews.set(job.viewKey, { shared, own: ownViews })
    // The cards of each column as the workers last saw them, for picking a drop place.
    const columns = new Map<string, { id: string; status: string; version: number }[]>()
    const refreshColumns = () => {
      columns.set('planned', [])
      columns.set('in_progress', [])
      for (const c of shared.values()) columns.get(c.status)?.push(c)
    }
    refreshColumns()
    const refresher = setInterval(refreshColumns, 200)
    const streams = openStreams(job.streams, rec)
    await drive(rec, job.workers.length, job.seconds, job.warmup, async (w, live) => {
      const me = job.workers[w]!
      // One view of every card shared by all workers: the boards on screen are kept current
      // by live events, so a 409 means two moves really crossed. Or each worker its own.
      const own = job.view === 'own'
      const cards = own ? ownViews[w]! : me.cards.map((c) => shared.get(c.id)!)
      // As a browser sends it: the production server negotiates compression on every
      // answer (a move's is under its threshold, but the negotiation is paid for).
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'accept-encoding': 'gzip, deflate, br',
      }
      if (me.cookie) headers.cookie = me.cookie
      if (job.origin) headers.origin = job.origin
      let i = w
      while (live()) {
        const card = own
          ? cards[Math.floor(Math.random() * cards.length)]!
          : cards[i++ % cards.length]!
        const to = card.status === 'planned' ? 'in_progress' : 'planned'
        let beforeCardId: string | null = null
        if (job.placement === 'drop') {
          const column = columns.get(to)!
          const pick = Math.floor(Math.random() * (column.length + 1))
          beforeCardId = pick < column.length ? column[pick]!.id : null
        }
        const body = Buffer.from(JSON.stringify({ to, version: card.version, beforeCardId }))
        const t0 = now()
        try {
          const a = await send(
            agent,
            new URL(`${job.base}/cards/${card.id}/move`),
            'POST',
            headers,
            body,
            true,
          )
          rec.add(now() - t0, String(a.status), a.bytes)
          const parsed = JSON.parse(a.body!.toString()) as {
            card?: { status: string; version: number }
          }
          if (a.status === 200 || a.status === 409) {
            if (a.status === 409) rec.note('versionConflicts')
            if (parsed.card) {
              card.status = parsed.card.status
              card.version = parsed.card.version
            }
          } else {
            rec.note('otherErrors')
            rec.sample(`${a.status} ${a.body!.toString()}`)
          }
        } catch (err) {
          rec.add(now() - t0, 'error', 0)
          rec.note('otherErrors')
          rec.sample((err as Error).message)
        }
      }
    })
    clearInterval(refresher)
    streams.close()
    agent.destroy()
    return rec.result()
  }
  if (job.kind === 'upload') {
    const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency })
    let sent = 0
    let total = 0
    const pdf = Buffer.alloc(job.bytes)
    pdf.write('%PDF-1.4\n')
    const headers: Record<string, string> = { 'content-type': 'application/pdf' }
    if (job.cookie) headers.cookie = job.cookie
    await drive(rec, job.concurrency, job.seconds, job.warmup, async (_w, live) => {
      while (live() && (!rec.recording || sent < job.maxRequests)) {
        const n = total++
        if (rec.recording) sent++
        // Distinct content each time: no request is a duplicate of an earlier file.
        pdf.writeUInt32BE(n, 16)
        pdf.writeUInt32BE(process.pid, 20)
        const cardId = job.cardIds[n % job.cardIds.length]!
        const url = new URL(`${job.base}/cards/${cardId}/evidence/files?name=bien-ban-${n}.pdf`)
        const t0 = now()
        try {
          const a = await send(agent, url, 'POST', headers, Buffer.from(pdf), true)
          rec.add(now() - t0, String(a.status), a.bytes)
          if (a.status !== 201) rec.sample(`${a.status} ${a.body!.toString()}`)
        } catch (err) {
          rec.add(now() - t0, 'error', 0)
          rec.sample((err as Error).message)
        }
      }
    })
    agent.destroy()
    return rec.result()
  }
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  let sent = 0
  const headers: Record<string, string> = {}
  if (job.cookie) headers.cookie = job.cookie
  await drive(rec, 1, job.seconds, job.warmup, async (_w, live) => {
    while (live() && (!rec.recording || sent < job.maxRequests)) {
      if (rec.recording) sent++
      const t0 = now()
      const a = await send(agent, new URL(job.url), 'POST', headers, null, true)
      rec.add(now() - t0, String(a.status), a.bytes)
      if (a.status >= 300) rec.sample(`${a.status} ${a.body!.toString()}`)
    }
  })
  agent.destroy()
  return rec.result()
}

process.on('message', (message: { id: number; job: Job }) => {
  runJob(message.job).then(
    (result) => process.send!({ id: message.id, result }),
    (err: Error) => process.send!({ id: message.id, error: err.stack ?? err.message }),
  )
})
