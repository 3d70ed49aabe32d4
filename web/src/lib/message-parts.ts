/** A piece of a message: its own text, or the place of a parameter. */
export type MessagePart<K extends string> = string | { param: K }

const OPEN = '\uE000'
const CLOSE = '\uE001'
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`)

/**
 * A message cut where its parameters go, so that a parameter can be something other than
 * text (a name in bold, a <time>) while the sentence stays one message, its word order the
 * language's own. The message is called with a private-use marker for each parameter, so a
 * message must put its parameters into the text as they are.
 *
 * @example
 * messageParts((p: { name: string }) => `Đã xoá ${p.name}.`, ['name'])
 * // → ['Đã xoá ', { param: 'name' }, '.']
 */
export function messageParts<K extends string>(
  message: (params: Record<K, string>) => string,
  names: readonly K[],
): MessagePart<K>[] {
  const markers = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]))
  const pieces = message(markers as Record<K, string>).split(MARK)
  const parts: MessagePart<K>[] = []
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) parts.push(piece)
    } else {
      parts.push({ param: names[Number(piece)]! })
    }
  })
  return parts
}
