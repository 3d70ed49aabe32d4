import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  MAX_CONCURRENT_PARSES,
  PARSE_TIME_BUDGET_MS,
  PARSE_WORKER_HEAP_MB,
} from './import-limits.ts'
import type { ParsedPlan, ParsePlanOptions } from './parse-plan.ts'
import type { PlanFileDetail, PlanParseErrorCode } from '@caitien/shared/import-messages'
import { PlanParseError, planParseError } from './plan-parse-error.ts'

export interface ParseRequest {
  bytes: Uint8Array
  fileName: string
  options: ParsePlanOptions
  /** Only the tables' cell texts (a staff list), not a plan. */
  tablesOnly?: boolean
}

/** A table's rows as cell texts, each with its row number in the file. */
export type TableRows = { row: number; cells: string[] }[]

export type ParseReply =
  | { ok: true; plan: ParsedPlan }
  | { ok: true; tables: TableRows[] }
  /** Refused by the reading itself (`refused`), or stopped at a bound (time, memory, depth). */
  | { ok: false; code: PlanParseErrorCode; refused?: true; detail?: PlanFileDetail }
  | { ok: false; code: null; message: string }

/** The bounds of one run, overridable by tests only to show each bound works. */
export interface ParseBounds {
  timeMs: number
  heapMb: number
}

const DEFAULT_BOUNDS: ParseBounds = { timeMs: PARSE_TIME_BUDGET_MS, heapMb: PARSE_WORKER_HEAP_MB }

// An eval'd CommonJS bootstrap: it registers tsx in the new thread, whatever loader the
// parent runs under (tsx, vitest), then loads the TypeScript worker body.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads')
import(workerData.tsxApi).then(({ register }) => { register(); return import(workerData.entry) })
`

/**
 * The file URL a package's `import` export resolves to. require.resolve would give the
 * CommonJS build, and import.meta.resolve is not there under every loader (vitest).
 */
function esmEntry(name: string, subpath: string): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve(`${name}/package.json`)
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>
  }
  return pathToFileURL(join(dirname(manifest), exports[subpath]!.import.default)).href
}

const workerData = {
  tsxApi: esmEntry('tsx', './esm/api'),
  entry: new URL('./parse-worker.ts', import.meta.url).href,
}

/**
 * The part of a Worker used here, typed by hand: the web package type-checks this file under
 * the DOM library, where node:worker_threads' Worker loses its EventEmitter methods.
 */
interface ParseWorker {
  on(event: 'message', listener: (message: ParseReply | 'ready') => void): void
  on(event: 'error', listener: (err: Error) => void): void
  on(event: 'exit', listener: (code: number) => void): void
  off(event: 'message' | 'error' | 'exit', listener: (...args: never[]) => void): void
  postMessage(message: ParseRequest, transfer: ArrayBuffer[]): void
  terminate(): Promise<number>
  ref(): void
  unref(): void
}

/** A started worker and the moment its modules are loaded (rejects if it dies first). */
interface Started {
  worker: ParseWorker
  ready: Promise<void>
  usable: () => boolean
}

function start(heapMb: number): Started {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData,
    // Not the parent's flags (a --max-old-space-size there would not bound this thread).
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  }) as unknown as ParseWorker
  let usable = true
  const ready = new Promise<void>((resolve, reject) => {
    const onReady = () => {
      worker.off('message', onReady)
      worker.off('error', reject)
      resolve()
    }
    worker.on('message', onReady)
    worker.on('error', reject)
  })
  // Handled where it is awaited; an idle worker that dies is simply not used.
  ready.catch(() => (usable = false))
  worker.on('exit', () => (usable = false))
  // Always heard: an idle worker that fails must not become an unhandled 'error' event,
  // which would end the server.
  worker.on('error', () => (usable = false))
  return { worker, ready, usable: () => usable }
}

/**
 * Workers ready for the next file, so that an upload does not wait for the parser's modules
 * to load. A worker that answered (a plan or a refusal) goes back here; one that ran out of
 * time or memory is ended. Kept only by the server (the CLI reads one file and exits).
 */
const idle: Started[] = []

function takeWorker(bounds: ParseBounds, keepWarm: boolean): Started {
  if (bounds !== DEFAULT_BOUNDS) return start(bounds.heapMb)
  let taken: Started | undefined
  while (!taken && idle.length) {
    const next = idle.pop()!
    if (next.usable()) taken = next
    else void next.worker.terminate()
  }
  taken ??= start(bounds.heapMb)
  taken.worker.ref()
  if (keepWarm && idle.length === 0) putBack(start(bounds.heapMb))
  return taken
}

function putBack(started: Started): void {
  if (idle.length >= MAX_CONCURRENT_PARSES) {
    void started.worker.terminate()
    return
  }
  started.worker.unref()
  idle.push(started)
}

let running = 0
const waiting: (() => void)[] = []

async function turn(): Promise<() => void> {
  if (running >= MAX_CONCURRENT_PARSES) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  return () => {
    running--
    waiting.shift()?.()
  }
}

/**
 * Read a plan file the way parsePlanFile does, but in a worker thread with a memory limit
 * and a time budget, so that no file can stall the server or exhaust its memory: a file
 * that would is refused with parse_timeout or parse_out_of_memory. The server's routes and
 * the CLI read every uploaded file through here; `keepWarm` (the server) keeps workers
 * ready between files.
 *
 * @throws PlanParseError when the file cannot be read as a plan, or not within the bounds.
 */
export async function parsePlanInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: ParsePlanOptions = {},
  { keepWarm = false, bounds = DEFAULT_BOUNDS }: { keepWarm?: boolean; bounds?: ParseBounds } = {},
): Promise<ParsedPlan> {
  const reply = await readInWorker({ bytes, fileName, options }, keepWarm, bounds)
  if (!('plan' in reply)) throw new Error('plan parse worker: the answer holds no plan')
  return reply.plan
}

/**
 * Reads the tables of a .xlsx, .docx or .csv (a staff list) within the same bounds as a
 * plan, in the same workers.
 *
 * @throws PlanParseError when the file cannot be read.
 */
export async function readTablesInWorker(bytes: Uint8Array, fileName: string) {
  const reply = await readInWorker(
    { bytes, fileName, options: {}, tablesOnly: true },
    true,
    DEFAULT_BOUNDS,
  )
  if (!('tables' in reply)) throw new Error('plan parse worker: the answer holds no tables')
  return reply.tables
}

async function readInWorker(request: ParseRequest, keepWarm: boolean, bounds: ParseBounds) {
  const done = await turn()
  try {
    const started = takeWorker(bounds, keepWarm)
    const { reply, error } = await run(started, request, bounds)
    if (reply && keepWarm && bounds === DEFAULT_BOUNDS) putBack(started)
    else void started.worker.terminate()
    if (error) throw error
    return answerOf(reply!, bounds)
  } finally {
    done()
  }
}

function answerOf(reply: ParseReply, bounds: ParseBounds): Extract<ParseReply, { ok: true }> {
  if (reply.ok) return reply
  if (reply.code === null) throw new Error(`plan parse worker: ${reply.message}`)
  if (reply.refused) throw new PlanParseError(reply.code, reply.detail)
  throw bounded(reply.code, bounds)
}

/**
 * Send the file once the worker is ready and wait for its answer. The time budget runs
 * from the request, so a worker that is slow to start counts against it too. Settles with
 * the worker's reply, or with why there is none (time, memory, a crash).
 */
function run(
  started: Started,
  request: ParseRequest,
  bounds: ParseBounds,
): Promise<{ reply?: ParseReply; error?: Error }> {
  const { worker } = started
  const own = request.bytes.slice()
  return new Promise((resolve) => {
    let settled = false
    const onMessage = (reply: ParseReply | 'ready') => {
      if (reply !== 'ready') settle({ reply })
    }
    const onError = (err: unknown) =>
      settle({
        error: outOfMemory(err)
          ? bounded('parse_out_of_memory', bounds)
          : err instanceof Error
            ? err
            : new Error(String(err)),
      })
    const onExit = (code: number) =>
      settle({ error: new Error(`plan parse worker exited with code ${code} before answering`) })
    const settle = (outcome: { reply?: ParseReply; error?: Error }) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      resolve(outcome)
    }
    const timer = setTimeout(
      () => settle({ error: bounded('parse_timeout', bounds) }),
      bounds.timeMs,
    )
    started.ready.then(() => {
      if (settled) return
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      worker.postMessage({ ...request, bytes: own }, [own.buffer])
    }, onError)
  })
}

const outOfMemory = (err: unknown) =>
  (err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'

function bounded(code: PlanParseErrorCode, bounds: ParseBounds): PlanParseError {
  if (bounds === DEFAULT_BOUNDS) return planParseError(code)
  return planParseError(code, { technical: `${bounds.timeMs} ms, ${bounds.heapMb} MB` })
}
