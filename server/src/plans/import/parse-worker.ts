import { parentPort } from 'node:worker_threads'
import { parsePlanFile, readDocument } from './parse-plan.ts'
import { PlanParseError } from './plan-parse-error.ts'
import type { ParseReply, ParseRequest } from './parse-in-worker.ts'

// The body of a worker started by parse-in-worker.ts: say it is ready (its modules are
// loaded), then read each file it is sent and answer. It keeps nothing between files.

async function answer(request: ParseRequest): Promise<ParseReply> {
  try {
    if (request.tablesOnly) {
      const doc = await readDocument(request.bytes, request.fileName)
      const tables = doc.tables.map((t) =>
        t.rows.map((r) => ({ row: r.sourceRow, cells: r.cells.map((c) => c.text) })),
      )
      return { ok: true, tables }
    }
    const plan = await parsePlanFile(request.bytes, request.fileName, request.options)
    return { ok: true, plan }
  } catch (err) {
    if (err instanceof PlanParseError)
      return { ok: false, code: err.code, refused: true, detail: err.detail }
    // A stack overflow is a file nested past what reading it may take, not a bug.
    if (err instanceof RangeError) return { ok: false, code: 'parse_out_of_memory' }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err)
    return { ok: false, code: null, message }
  }
}

const port = parentPort!
port.on('message', (request: ParseRequest) => {
  void answer(request).then((reply) => port.postMessage(reply))
})
port.postMessage('ready')
// exceljs is loaded when a workbook comes; an idle worker loads it ahead.
void import('exceljs')
