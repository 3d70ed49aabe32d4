import type { RequestListener } from 'node:http'
import compression from 'compression'

/**
 * What is worth compressing on the way out: the API's JSON and the web app's text files
 * that the build did not compress ahead (see web/build/precompress.ts). Never the event
 * stream (compression would hold its events back until a buffer fills), and never what
 * already is compressed (evidence photos and PDFs, .docx/.xlsx, which are zip files).
 */
const COMPRESSIBLE =
  /^(?:application\/(?:json|javascript|manifest\+json)|text\/(?:html|css|javascript)|image\/svg\+xml)(?:;|$)/i

/** Below one packet, compressing saves no round trip: the bytes are not worth the CPU. */
const THRESHOLD_BYTES = 1400

/**
 * Wraps the server's request listener so that answers are sent brotli- or gzip-compressed
 * when the browser accepts it (a 500-card board is about a sixth of its size in gzip: on a
 * 3G connection, seconds). Static files the build compressed are served as they are: they
 * carry their Content-Encoding already, which the middleware leaves alone.
 */
export function withCompression(listener: RequestListener): RequestListener {
  const compress = compression({
    threshold: THRESHOLD_BYTES,
    filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')),
  })
  return (req, res) => {
    // compression is Express middleware: it patches the response, then calls next.
    compress(req as never, res as never, () => void listener(req, res))
  }
}
