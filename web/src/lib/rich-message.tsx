import { Fragment } from 'react'
import type { ReactNode } from 'react'
import { messageParts } from './message-parts'

/**
 * A message whose parameters are elements: the sentence is the catalogue's, each
 * parameter is put where the language puts it. `text` wraps the message's own words
 * where the layout needs them in an element of their own.
 *
 * @example
 * richMessage(m.submittedAt, { at: <time dateTime={iso}>{formatDateTime(iso)}</time> })
 */
export function richMessage<K extends string>(
  message: (params: Record<K, string>) => string,
  params: Record<K, ReactNode>,
  text: (words: string) => ReactNode = (words) => words,
): ReactNode {
  const parts = messageParts(message, Object.keys(params) as K[])
  return parts.map((part, i) => (
    <Fragment key={i}>{typeof part === 'string' ? text(part) : params[part.param]}</Fragment>
  ))
}
