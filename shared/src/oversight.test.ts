import { describe, expect, it } from 'vitest'
import {
  attentionReasons,
  continuousYears,
  reviewAnswerRefusal,
  type RollupReview,
} from './oversight.ts'
import {
  canComment,
  canSeeProgress,
  canWriteSchool,
  isMember,
  readsAsOverseer,
} from './permissions.ts'

const signed = (answer: RollupReview['answer']): Pick<RollupReview, 'state' | 'answer'> => ({
  state: 'signed',
  answer,
})

describe('attentionReasons', () => {
  it.each([
    [{ overdue: 0, plan: { schoolYear: '2026-2027' }, reviews: [] }, []],
    [{ overdue: 2, plan: { schoolYear: '2026-2027' }, reviews: [] }, ['overdue_rows']],
    [
      { overdue: 0, plan: { schoolYear: '2026-2027' }, reviews: [signed(null)] },
      ['review_awaiting_answer'],
    ],
    [
      {
        overdue: 0,
        plan: { schoolYear: '2026-2027' },
        reviews: [signed({ verdict: 'sent_back' as const, reason: 'x', at: '2026-12-01' })],
      },
      ['review_sent_back'],
    ],
    [
      {
        overdue: 0,
        plan: { schoolYear: '2026-2027' },
        reviews: [signed({ verdict: 'acknowledged' as const, reason: null, at: '2026-12-01' })],
      },
      [],
    ],
    [{ overdue: 1, plan: { schoolYear: '2025-2026' }, reviews: [] }, ['overdue_rows', 'no_plan']],
    [{ overdue: 0, plan: null, reviews: [] }, ['no_plan']],
  ])('%j → %j', (row, expected) => {
    expect(attentionReasons(row, '2026-2027')).toEqual(expected)
  })
})

describe('continuousYears', () => {
  it('counts back from the latest year and stops at a gap', () => {
    expect(continuousYears([])).toBe(0)
    expect(continuousYears(['2026-2027'])).toBe(1)
    expect(continuousYears(['2024-2025', '2026-2027', '2025-2026', '2025-2026'])).toBe(3)
    expect(continuousYears(['2022-2023', '2025-2026', '2026-2027'])).toBe(2)
  })
})

describe('reviewAnswerRefusal', () => {
  it('answers only a signed review, once, and a send-back with a reason', () => {
    expect(reviewAnswerRefusal({ signedAt: null }, { verdict: 'acknowledged' }, false)).toBe(
      'not_signed',
    )
    expect(reviewAnswerRefusal({ signedAt: 'x' }, { verdict: 'acknowledged' }, true)).toBe(
      'already_answered',
    )
    expect(
      reviewAnswerRefusal({ signedAt: 'x' }, { verdict: 'sent_back', reason: ' ' }, false),
    ).toBe('reason_required')
    expect(
      reviewAnswerRefusal({ signedAt: 'x' }, { verdict: 'sent_back', reason: 'Bổ sung' }, false),
    ).toBeNull()
    expect(reviewAnswerRefusal({ signedAt: 'x' }, { verdict: 'acknowledged' }, false)).toBeNull()
  })
})

describe('an overseer reads and writes nothing', () => {
  const overseer = { id: 'o', roles: ['overseer'] as const }
  const both = { id: 'b', roles: ['staff', 'overseer'] as const }
  it('reads the school and its progress, comments on nothing, writes nothing', () => {
    expect(isMember(overseer)).toBe(true)
    expect(canSeeProgress(overseer)).toBe(true)
    expect(canComment(overseer)).toBe(false)
    expect(canWriteSchool(overseer)).toBe(false)
    expect(readsAsOverseer(overseer)).toBe(true)
  })
  it('keeps a school role for a person who also oversees the school', () => {
    expect(canWriteSchool(both)).toBe(true)
    expect(canComment(both)).toBe(true)
    expect(readsAsOverseer(both)).toBe(false)
  })
})
