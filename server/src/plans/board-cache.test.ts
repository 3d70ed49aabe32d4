import { describe, expect, it } from 'vitest'
import { createBoardCache } from './board-cache.ts'

describe('board cache', () => {
  it('answers only for the stamp it holds, one entry per plan', () => {
    const cache = createBoardCache()
    cache.set('p1', 's1', '"cards":[1]')
    expect(cache.get('p1', 's1')?.toString()).toBe('"cards":[1]')
    expect(cache.get('p1', 's2')).toBeUndefined()
    cache.set('p1', 's2', '"cards":[2]')
    expect(cache.get('p1', 's1')).toBeUndefined()
    expect(cache.get('p1', 's2')?.toString()).toBe('"cards":[2]')
    expect(cache.stats()).toEqual({ entries: 1, bytes: '"cards":[2]'.length })
  })

  it('counts bytes, not characters', () => {
    const cache = createBoardCache()
    const json = cache.set('p', 's', '"title":"Kế hoạch"')
    expect(json.toString()).toBe('"title":"Kế hoạch"')
    expect(cache.stats().bytes).toBe(Buffer.byteLength('"title":"Kế hoạch"'))
    expect(cache.stats().bytes).toBeGreaterThan('"title":"Kế hoạch"'.length)
  })

  it('lets the least recently read plans go beyond its size, and never holds an oversized one', () => {
    const cache = createBoardCache({ maxBytes: 30 })
    cache.set('a', 's', 'x'.repeat(10))
    cache.set('b', 's', 'x'.repeat(10))
    cache.set('c', 's', 'x'.repeat(10))
    expect(cache.get('a', 's')).toBeDefined() // a is now the most recently read
    cache.set('d', 's', 'x'.repeat(10))
    expect(cache.get('b', 's')).toBeUndefined()
    expect(['a', 'c', 'd'].map((p) => cache.get(p, 's') !== undefined)).toEqual([true, true, true])
    cache.set('e', 's', 'x'.repeat(31))
    expect(cache.get('e', 's')).toBeUndefined()
    expect(cache.stats().bytes).toBeLessThanOrEqual(30)
  })
})
