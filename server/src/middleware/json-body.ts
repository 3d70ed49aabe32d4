import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { requestMessages } from '@caitien/shared'
import type { AppEnv } from '../app-env.ts'
import { ApiException, wordedBy } from '../http-error.ts'
import { jsonHoldsNul, nulRefused } from './refuse-nul.ts'

export const tooLarge = (maxSize: number) =>
  new ApiException(
    413,
    'payload_too_large',
    wordedBy(requestMessages, (m) => m.bodyTooLarge({ mb: maxSize >> 20 })),
  )

/** Routes whose body is a file, read by the route itself under its own limit. */
const FILE_BODY = /\/(import\/(preview|confirm|read)|evidence\/files)$/

/**
 * Every other body must be JSON, and is read here once: 415 if it does not say it is JSON
 * (without this, Hono's validator reads a text/plain body as {}, and a form another site
 * posts would pass as an empty command); 413 as soon as it passes `maxSize`, before the
 * rest is taken in; 400 if it holds U+0000 (refuse-nul.ts). The text is handed to Hono's
 * request, whose validator parses it from there (a malformed body is still its 400).
 *
 * Over HTTP the bytes come straight from node's request. Hono's own reading would first
 * build a WHATWG Request around it (a web stream, an abort signal, a copy of the headers):
 * on a card move that is a tenth of the server's work. In-process requests (tests) are
 * read from their Request.
 */
export function jsonBodies(maxSize: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const declared = c.req.header('content-length')
    const hasBody = Number(declared ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined
    if (!hasBody || FILE_BODY.test(c.req.path)) return next()
    const type = c.req.header('content-type') ?? ''
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      throw new ApiException(
        415,
        'unsupported_type',
        wordedBy(requestMessages, (m) => m.jsonOnly),
      )
    }
    if (declared !== undefined && Number(declared) > maxSize) throw tooLarge(maxSize)
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    const text = incoming ? await readIncoming(incoming, maxSize) : await readRequest(c, maxSize)
    if (jsonHoldsNul(text)) throw nulRefused()
    // Hono keeps each body read as a promise (its type says otherwise).
    ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
    await next()
  }
}

async function readIncoming(incoming: IncomingMessage, maxSize: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxSize) throw tooLarge(maxSize)
    chunks.push(chunk)
  }
  return withoutBom(Buffer.concat(chunks, size).toString('utf8'))
}

async function readRequest(c: Context<AppEnv>, maxSize: number): Promise<string> {
  const reader = (c.req.raw.body as ReadableStream<Uint8Array> | null)?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.length
    if (size > maxSize) {
      void reader!.cancel()
      throw tooLarge(maxSize)
    }
    chunks.push(read.value)
  }
  return withoutBom(Buffer.concat(chunks, size).toString('utf8'))
}

/** As the Fetch standard's text() does: a UTF-8 byte order mark is not part of the text. */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
