import { planParseError } from './plan-parse-error.ts'

const DOCTYPE = /<!DOCTYPE/i

/**
 * The text of an XML part of an Office file, refused if it declares a DOCTYPE: Word and
 * Excel never write one, and a DTD is how entity expansion bombs ("billion laughs") work.
 */
export function checkXml(name: string, bytes: Uint8Array): string {
  const xml = new TextDecoder('utf-8').decode(bytes)
  if (DOCTYPE.test(xml))
    throw planParseError('not_an_office_file', { technical: `${name}: <!DOCTYPE>` })
  return xml
}
