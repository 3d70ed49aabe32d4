import { describe, expect, it } from 'vitest'
import { jsonHoldsNul } from './refuse-nul.ts'

describe('jsonHoldsNul', () => {
  it('finds an escaped U+0000 in a value or a key, at any depth, in either case', () => {
    expect(jsonHoldsNul(JSON.stringify({ body: 'a\u0000b' }))).toBe(true)
    expect(jsonHoldsNul(JSON.stringify({ ['k\u0000']: 1 }))).toBe(true)
    expect(jsonHoldsNul(JSON.stringify([[[{ note: ['x', '\u0000'] }]]]))).toBe(true)
    expect(jsonHoldsNul('{"body":"\\U0000"}')).toBe(true)
    expect(jsonHoldsNul('{"body":"\\\\\\u0000"}')).toBe(true)
  })

  it('leaves text that only looks like it: an escaped backslash before u0000, other escapes', () => {
    expect(jsonHoldsNul(JSON.stringify({ body: '\\u0000' }))).toBe(false)
    expect(jsonHoldsNul(JSON.stringify({ body: 'u0000 \u0001 \u00e0' }))).toBe(false)
    expect(jsonHoldsNul(JSON.stringify({ body: 'Kế hoạch' }))).toBe(false)
    for (const text of ['{"a":"\\u0000"}', '{"a":"\\\\u0000"}', '{"a":"\\\\\\\\\\u0000"}']) {
      const parsed = JSON.parse(text) as { a: string }
      expect(jsonHoldsNul(text)).toBe(parsed.a.includes('\u0000'))
    }
  })
})
