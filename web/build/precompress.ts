import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** The text files of the build; images and fonts are compressed in their own format. */
const TEXT = /\.(?:js|css|html|svg|json|webmanifest|txt)$/
/** Below one packet, a compressed copy saves no round trip. */
const MIN_BYTES = 1400

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build, at
 * the highest levels: the work is done once here, and the server hands out the copy the
 * browser accepts (serveStatic's `precompressed`) without compressing on each request.
 * A copy that would not be smaller is not written.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'caitien-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    writeBundle() {
      precompressDir(outDir)
    },
  }
}

/** Writes the .br and .gz copies of the text files under a directory (see above). */
export function precompressDir(dir: string): void {
  for (const path of filesUnder(dir)) {
    if (!TEXT.test(path) || statSync(path).size < MIN_BYTES) continue
    const bytes = readFileSync(path)
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    })
    const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })
    if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli)
    if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip)
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}
