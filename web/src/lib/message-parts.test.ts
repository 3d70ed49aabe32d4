import { describe, expect, it } from 'vitest'
import { messageParts } from './message-parts'

describe('messageParts', () => {
  it('cuts a message where its parameters go, in the language’s order', () => {
    const vi = (p: { actor: string; at: string }) => `${p.actor} đã nộp lúc ${p.at}.`
    const en = (p: { actor: string; at: string }) => `Submitted at ${p.at} by ${p.actor}.`
    expect(messageParts(vi, ['actor', 'at'])).toEqual([
      { param: 'actor' },
      ' đã nộp lúc ',
      { param: 'at' },
      '.',
    ])
    expect(messageParts(en, ['actor', 'at'])).toEqual([
      'Submitted at ',
      { param: 'at' },
      ' by ',
      { param: 'actor' },
      '.',
    ])
  })

  it('keeps a message without parameters whole', () => {
    expect(messageParts(() => 'Đã lưu.', [])).toEqual(['Đã lưu.'])
  })

  it('finds a parameter used twice', () => {
    expect(messageParts((p: { n: string }) => `${p.n}/${p.n}`, ['n'])).toEqual([
      { param: 'n' },
      '/',
      { param: 'n' },
    ])
  })
})
