/** The languages of the UI and of server messages. Vietnamese is the default. */
export const LANGS = ['vi', 'en'] as const
export type Lang = (typeof LANGS)[number]

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en'
}

/**
 * A message is a whole sentence (or label): a string, or a function of named parameters
 * that returns one. Sentences are never glued together from fragments, because word order
 * differs between Vietnamese and English.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each message names its own parameters
export type Message = string | ((params: any) => string)
export type MessageTable = Record<string, Message>

/** One feature's messages in every language; English has exactly Vietnamese's keys and parameters. */
export type Catalogue<T extends MessageTable> = Readonly<Record<Lang, T>>

/**
 * Declares a feature's catalogue. Vietnamese is the source: English must have the same keys,
 * and each message the same parameters, or the compiler says so (docs/decisions/017).
 *
 * @example
 * const board = defineMessages(
 *   { shown: (p: { n: number; total: number }) => `Đang hiện ${p.n} trên ${p.total} thẻ` },
 *   { shown: (p) => `Showing ${p.n} of ${p.total} cards` },
 * )
 * board.en.shown({ n: 3, total: 9 }) // → 'Showing 3 of 9 cards'
 */
export function defineMessages<T extends MessageTable>(
  vi: T,
  en: { [K in keyof T]: T[K] extends string ? string : T[K] },
): Catalogue<T> {
  return { vi, en: en as T }
}

/** Quotes a name the way each language does: “Kế hoạch” or "Planned". */
export function quote(text: string, lang: Lang): string {
  return lang === 'vi' ? `“${text}”` : `"${text}"`
}

/** "a, b hoặc c" / "a, b or c". */
export function listOr(items: readonly string[], lang: Lang): string {
  const or = lang === 'vi' ? 'hoặc' : 'or'
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]!}`
}
