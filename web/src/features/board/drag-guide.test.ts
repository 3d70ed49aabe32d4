import { describe, expect, it } from 'vitest'
import { dragGuide } from './drag-guide'

describe('dragGuide', () => {
  const card = {
    status: 'planned' as const,
    evidenceCount: 0,
    assigneeIds: ['u1'],
    involvedIds: [],
  }

  it('lets an assignee start their card and reorder it, and says why the rest refuse', () => {
    const guide = dragGuide(card, { id: 'u1', roles: ['staff'] }, 'vi')
    expect(guide.allowed).toEqual(['planned', 'in_progress'])
    expect(guide.refusals.verified).toContain('chỉ có thể chuyển sang')
    expect(guide.refusals.planned).toBeUndefined()
  })

  it('refuses every column, its own included, to a monitor on a planned card', () => {
    const guide = dragGuide(card, { id: 'm1', roles: ['monitor'] }, 'en')
    expect(guide.allowed).toEqual([])
    expect(guide.refusals.planned).toMatch(/reorder/)
    expect(guide.refusals.in_progress).toMatch(/^Only/)
  })

  it('accepts a send-back by a monitor (the reason is asked after the drop)', () => {
    const submitted = {
      status: 'evidence_submitted' as const,
      evidenceCount: 1,
      assigneeIds: ['u1'],
      involvedIds: [],
    }
    const guide = dragGuide(submitted, { id: 'm1', roles: ['monitor'] }, 'vi')
    expect(guide.allowed).toEqual(['in_progress', 'verified'])
  })

  it('keeps "verified" shut to a monitor who submitted the card, though no longer assigned', () => {
    const submitted = {
      status: 'evidence_submitted' as const,
      evidenceCount: 1,
      assigneeIds: ['u2'],
      involvedIds: ['m1'],
    }
    const guide = dragGuide(submitted, { id: 'm1', roles: ['monitor'] }, 'vi')
    expect(guide.allowed).toEqual(['in_progress'])
    expect(guide.refusals.verified).toContain('Bạn đã tham gia thực hiện thẻ này')
  })
})
