import type { Context } from 'hono'
import type { AppEnv } from './app-env.ts'

/** What the app hands out as files, and their types. */
export const DOWNLOAD_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const

/** A name old browsers can take: Vietnamese letters without their marks, the rest as "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
}

/** RFC 6266 with an ASCII fallback, so Vietnamese names survive every browser. */
export function contentDisposition(
  kind: 'inline' | 'attachment',
  name: string,
  ascii: string = asciiFileName(name),
): string {
  return `${kind}; filename="${asciiFileName(ascii)}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/**
 * A file the app made, as a download: its type, and its name in Vietnamese with a short
 * ASCII one for old browsers (a slug such as "bao-cao-tien-do-2026-11.docx").
 */
export function download(
  c: Context<AppEnv>,
  body: Uint8Array | string,
  format: keyof typeof DOWNLOAD_TYPES,
  names: { full: string; ascii: string },
) {
  c.header('Content-Type', DOWNLOAD_TYPES[format])
  c.header('Content-Disposition', contentDisposition('attachment', names.full, names.ascii))
  // Hono's body takes a string or bytes over a plain ArrayBuffer (a Buffer may be pooled).
  return typeof body === 'string' ? c.body(body, 200) : c.body(new Uint8Array(body), 200)
}
