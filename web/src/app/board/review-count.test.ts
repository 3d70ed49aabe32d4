import { describe, expect, it } from 'vitest'
import { reviewWaiting } from './review-count'

describe('the review count', () => {
  it('counts every plan the monitor reviews and lists the others', () => {
    const items = [
      { planId: 'p2', planTitle: 'Kế hoạch 2025-2026' },
      { planId: 'p1', planTitle: 'Kế hoạch 2026-2027' },
      { planId: 'p2', planTitle: 'Kế hoạch 2025-2026' },
      { planId: 'p3', planTitle: 'Trường khác' },
    ]
    expect(reviewWaiting(items, 'p1')).toEqual({
      total: 4,
      elsewhere: [
        { planId: 'p2', planTitle: 'Kế hoạch 2025-2026', count: 2 },
        { planId: 'p3', planTitle: 'Trường khác', count: 1 },
      ],
    })
    expect(reviewWaiting([], 'p1')).toEqual({ total: 0, elsewhere: [] })
  })
})
