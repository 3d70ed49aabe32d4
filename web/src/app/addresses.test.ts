import { describe, expect, it } from 'vitest'
import { pathOf, safeNext, screenOf, type Screen } from './addresses'

const PLAN = '6f1c2a9e-3b7d-4e21-9a55-0c8e2b7d41aa'
const CARD = 'b2d4f6a8-1c3e-4f5a-8b7c-9d0e1f2a3b4c'

const SCREENS: Screen[] = [
  { kind: 'home' },
  { kind: 'login', next: null },
  { kind: 'login', next: `/plans/${PLAN}/cards/${CARD}` },
  { kind: 'board', planId: PLAN },
  { kind: 'card', planId: PLAN, cardId: CARD },
  { kind: 'reviews', planId: PLAN },
  { kind: 'progress', planId: PLAN, month: null },
  { kind: 'progress', planId: PLAN, month: '2026-11' },
  { kind: 'plan-settings', planId: PLAN },
  { kind: 'plan-history', planId: PLAN },
  { kind: 'checkpoints', planId: PLAN, checkpoint: null },
  { kind: 'checkpoints', planId: PLAN, checkpoint: 'semester1' },
  { kind: 'school-years', schoolId: 'school-1' },
  { kind: 'account' },
  { kind: 'people' },
  { kind: 'schools' },
  { kind: 'bodies' },
  { kind: 'oversight' },
]

function roundTrip(screen: Screen): Screen | null {
  const url = new URL(pathOf(screen), 'http://x.invalid')
  return screenOf(url.pathname, url.search)
}

describe('the address table', () => {
  it.each(SCREENS.map((s) => [pathOf(s), s] as const))('reads %s back as its screen', (_, s) => {
    expect(roundTrip(s)).toEqual(s)
  })

  it('spells the addresses of the issue', () => {
    expect(SCREENS.map(pathOf)).toEqual([
      '/',
      '/login',
      `/login?next=%2Fplans%2F${PLAN}%2Fcards%2F${CARD}`,
      `/plans/${PLAN}`,
      `/plans/${PLAN}/cards/${CARD}`,
      `/plans/${PLAN}/reviews`,
      `/plans/${PLAN}/progress`,
      `/plans/${PLAN}/progress/2026-11`,
      `/plans/${PLAN}/settings`,
      `/plans/${PLAN}/history`,
      `/plans/${PLAN}/checkpoints`,
      `/plans/${PLAN}/checkpoints/semester1`,
      '/schools/school-1/years',
      '/account',
      '/people',
      '/admin/schools',
      '/admin/bodies',
      '/oversight',
    ])
  })

  it('accepts a trailing slash and nothing else that names no screen', () => {
    expect(screenOf(`/plans/${PLAN}/`)).toEqual({ kind: 'board', planId: PLAN })
    for (const path of [
      '/plans',
      '/plans/',
      `/plans/${PLAN}/cards`,
      `/plans/${PLAN}/cards/${CARD}/more`,
      `/plans/${PLAN}/progress/2026-13`,
      `/plans/${PLAN}/progress/november`,
      `/plans/${PLAN}/reviews/extra`,
      `/plans/${PLAN}//cards/${CARD}`,
      '/plans/..%2F..%2Fapi/board',
      '/plans/%E0%A4%A/cards/x',
      '/plans/<script>',
      '/admin',
      '/admin/bodies/x',
      '/login/again',
      'plans/p1',
      '/nowhere',
    ]) {
      expect(screenOf(path), path).toBeNull()
    }
  })

  it('keeps a safe next on the login screen and drops a hostile one', () => {
    expect(screenOf('/login', `?next=%2Fplans%2F${PLAN}`)).toEqual({
      kind: 'login',
      next: `/plans/${PLAN}`,
    })
    expect(screenOf('/login', '?next=https%3A%2F%2Fevil.example%2F')).toEqual({
      kind: 'login',
      next: null,
    })
  })
})

describe('safeNext', () => {
  it('keeps our own screens, rebuilt from the parsed address', () => {
    expect(safeNext(`/plans/${PLAN}/cards/${CARD}`)).toBe(`/plans/${PLAN}/cards/${CARD}`)
    expect(safeNext(`/plans/${PLAN}/progress/2026-09?x=1#top`)).toBe(
      `/plans/${PLAN}/progress/2026-09`,
    )
    expect(safeNext('/people')).toBe('/people')
  })

  it.each([
    null,
    undefined,
    '',
    '/',
    'plans/p1',
    '//evil.example/plans/p1',
    '///evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    'https://evil.example/plans/p1',
    'http:/plans/p1',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/%0d%0aSet-Cookie:x=1',
    '/plans/p1\n//evil.example',
    '/plans/p1\t',
    '/login',
    '/login?next=%2Fplans%2Fp1',
    '/api/plans',
    '/plans/../../etc/passwd',
    '/plans/%2e%2e/%2e%2e/api',
    `/${'a'.repeat(600)}`,
    '/nowhere',
  ])('refuses %j', (next) => {
    expect(safeNext(next)).toBeNull()
  })
})
