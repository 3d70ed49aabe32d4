import { describe, expect, it } from 'vitest'
import {
  checkpointOpenRefusal,
  checkpointSource,
  countLevels,
  deriveCompletionLevel,
  levelChangeRefusal,
  reopenRefusal,
} from './checkpoint-review.ts'
import { canEditCheckpoint, canRunCheckpoint } from './permissions.ts'
import { defaultCouncilKind } from './council.ts'
import type { CompletionLevel } from './completion-level.ts'
import type { CardStatus } from './workflow.ts'

const semester1 = { checkpointMonth: '2027-01', yearEndMonth: '2027-05' } as const
const yearEnd = { checkpointMonth: '2027-05', yearEndMonth: '2027-05' } as const

describe('deriveCompletionLevel', () => {
  it.each<[CardStatus, string | null, typeof semester1 | typeof yearEnd, CompletionLevel]>([
    // Verified is done, whenever it was due.
    ['verified', '2026-10', semester1, 'done'],
    ['verified', '2027-05', semester1, 'done'],
    ['verified', null, yearEnd, 'done'],
    // Handed in, waiting for the team's check: in progress, even when due.
    ['evidence_submitted', '2026-12', semester1, 'inProgress'],
    ['evidence_submitted', '2027-05', yearEnd, 'inProgress'],
    // Due at or before the checkpoint and not finished: not done, started or not.
    ['in_progress', '2027-01', semester1, 'notDone'],
    ['in_progress', '2026-11', semester1, 'notDone'],
    ['planned', '2026-12', semester1, 'notDone'],
    ['planned', '2027-05', yearEnd, 'notDone'],
    // Still within its timeframe: in progress, started or not yet.
    ['in_progress', '2027-02', semester1, 'inProgress'],
    ['planned', '2027-03', semester1, 'inProgress'],
    // No due month: due by the year's end.
    ['in_progress', null, semester1, 'inProgress'],
    ['planned', null, semester1, 'inProgress'],
    ['in_progress', null, yearEnd, 'notDone'],
  ])('%s due %s at %o → %s', (status, dueMonth, at, level) => {
    expect(deriveCompletionLevel({ status, dueMonth }, at)).toBe(level)
  })
})

describe('the review rules', () => {
  it('counts every level, zero included', () => {
    expect(countLevels([{ level: 'done' }, { level: 'done' }, { level: 'notDone' }])).toEqual({
      done: 2,
      inProgress: 0,
      notDone: 1,
    })
  })

  it('reads a past checkpoint from the log and a current one from the board', () => {
    expect(checkpointSource('2027-01', '2027-02')).toBe('log')
    expect(checkpointSource('2027-01', '2027-01')).toBe('board')
    expect(checkpointSource('2027-01', '2026-12')).toBe('board')
  })

  it.each([
    [false, '2026-12', false, 'too_early'],
    [false, '2026-12', true, null],
    [false, '2027-01', false, null],
    [false, '2027-04', false, null],
    [true, '2027-04', true, 'already_open'],
  ] as const)('opens (exists %s, now %s, early %s) → %s', (exists, now, early, refusal) => {
    expect(
      checkpointOpenRefusal({
        exists,
        checkpointMonth: '2027-01',
        currentMonth: now,
        confirmEarly: early,
      }),
    ).toBe(refusal)
  })

  it('asks a reason to change a level and refuses any change once signed', () => {
    expect(levelChangeRefusal({ signedAt: null }, 'Đã họp tổ')).toBeNull()
    expect(levelChangeRefusal({ signedAt: null }, '   ')).toBe('reason_required')
    expect(levelChangeRefusal({ signedAt: null }, undefined)).toBe('reason_required')
    expect(levelChangeRefusal({ signedAt: '2027-01-20T00:00:00Z' }, 'x')).toBe('signed')
  })

  it('reopens only a signed review, with a reason', () => {
    expect(reopenRefusal({ signedAt: null }, 'x')).toBe('not_signed')
    expect(reopenRefusal({ signedAt: '2027-01-20T00:00:00Z' }, '')).toBe('reason_required')
    expect(reopenRefusal({ signedAt: '2027-01-20T00:00:00Z' }, 'Sai số liệu')).toBeNull()
  })
})

describe('the council', () => {
  const council = {
    members: [
      { userId: 'chair', title: 'chair' as const },
      { userId: 'sec', title: 'secretary' as const },
    ],
  }
  it.each([
    ['principal', ['principal'], true, true],
    ['chair', ['staff'], true, true],
    ['sec', ['staff'], false, true],
    ['monitor', ['monitor'], false, false],
    ['staff', ['staff'], false, false],
  ] as const)('%s runs %s, edits %s', (id, roles, runs, edits) => {
    expect(canRunCheckpoint({ id, roles }, council)).toBe(runs)
    expect(canEditCheckpoint({ id, roles }, council)).toBe(edits)
  })

  it('is a self-assessment council under TT57 and a monitoring team otherwise', () => {
    expect(defaultCouncilKind('TT57-2026-pho-thong@2026-07-07')).toBe('self_assessment_council')
    expect(defaultCouncilKind('TT18-2018@2018-10-10')).toBe('monitoring_team')
    expect(defaultCouncilKind(null)).toBe('monitoring_team')
  })
})
