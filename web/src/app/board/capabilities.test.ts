import type { Role } from '@caitien/shared'
import { describe, expect, it } from 'vitest'
import { planCapabilities, schoolForNewPlan } from './capabilities'

describe('plan capabilities', () => {
  type Expected = { followsProgress: boolean; reviews: boolean; manages: boolean }
  it.each<[Role[], Expected]>([
    [['staff'], { followsProgress: false, reviews: false, manages: false }],
    [['monitor'], { followsProgress: true, reviews: true, manages: false }],
    [['principal'], { followsProgress: true, reviews: false, manages: true }],
    [['staff', 'monitor'], { followsProgress: true, reviews: true, manages: false }],
  ])('gives %j what shared’s predicates allow', (roles, expected) => {
    expect(planCapabilities({ id: 'u1', roles })).toEqual({ ...expected, writes: true })
  })

  it('takes no writes in an archived plan, whoever asks', () => {
    const me = { id: 'u1', roles: ['principal'] as Role[] }
    expect(planCapabilities(me, { state: 'archived' })).toMatchObject({
      manages: true,
      writes: false,
    })
  })

  it('offers a new plan in the school someone runs as principal, and nowhere else', () => {
    const memberships = [
      { schoolId: 's1', roles: ['staff'] as Role[] },
      { schoolId: 's2', roles: ['principal'] as Role[] },
    ]
    expect(schoolForNewPlan('u1', memberships)?.schoolId).toBe('s2')
    expect(schoolForNewPlan('u1', memberships.slice(0, 1))).toBeUndefined()
  })
})
