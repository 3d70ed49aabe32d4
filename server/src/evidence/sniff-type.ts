import { unzipSync } from 'fflate'

/** The kinds of file a school attaches as evidence (DESIGN §6). */
export type EvidenceFileType = { mime: string; family: 'pdf' | 'image' | 'office' }

const starts = (head: Uint8Array, bytes: number[], offset = 0) =>
  bytes.every((b, i) => head[offset + i] === b)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

const OOXML: [part: string, mime: string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
]
const OLE_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
}
/** Which extensions may name which family; a name that lies about its bytes is refused. */
const EXTENSIONS: Record<EvidenceFileType['family'], string[]> = {
  pdf: ['pdf'],
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
  office: ['docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt'],
}

export function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? ''
}

/**
 * The file's real type from its bytes, not its name: PDF, PNG, JPEG, GIF, WebP, Word,
 * Excel and PowerPoint (OOXML, and 97–2003 files by their OLE signature). Anything else
 * (HTML, scripts, executables, archives) is null. `readAll` is called only for zips, to
 * tell an Office document from any other zip.
 */
export function sniffEvidenceType(
  head: Uint8Array,
  fileName: string,
  readAll: () => Uint8Array,
): EvidenceFileType | null {
  if (starts(head, ascii('%PDF-'))) return { mime: 'application/pdf', family: 'pdf' }
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', family: 'image' }
  if (starts(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', family: 'image' }
  if (starts(head, ascii('GIF87a')) || starts(head, ascii('GIF89a')))
    return { mime: 'image/gif', family: 'image' }
  if (starts(head, ascii('RIFF')) && starts(head, ascii('WEBP'), 8))
    return { mime: 'image/webp', family: 'image' }
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const mime = OLE_BY_EXTENSION[extensionOf(fileName)]
    return mime ? { mime, family: 'office' } : null
  }
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names: string[] = []
    try {
      unzipSync(readAll(), {
        filter: (file) => {
          names.push(file.name)
          return false
        },
      })
    } catch {
      return null
    }
    if (!names.includes('[Content_Types].xml')) return null
    const match = OOXML.find(([part]) => names.some((n) => n.startsWith(part)))
    return match ? { mime: match[1], family: 'office' } : null
  }
  return null
}

/** Does the name's extension belong to the type the bytes show? */
export function extensionMatches(type: EvidenceFileType, fileName: string): boolean {
  return EXTENSIONS[type.family].includes(extensionOf(fileName))
}

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no
 * control characters (NUL included), NFC, at most 200 characters with the extension kept.
 *
 * @example
 * cleanFileName('../../etc/Biên bản\u0000.pdf') // → 'Biên bản.pdf'
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? ''
  let clean = [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
  const chars = [...clean]
  if (chars.length > 200) {
    // Cut by code points, so an emoji is never split into half a surrogate pair.
    const ext = extensionOf(clean)
    const keep = ext ? 200 - ext.length - 1 : 200
    clean = ext ? `${chars.slice(0, keep).join('')}.${ext}` : chars.slice(0, 200).join('')
  }
  return clean || 'minh-chung'
}
