import { describe, expect, it } from 'vitest'
import {
  ACTIVITY_ACTIONS,
  readActivity,
  readActivityDetail,
  type ActivityAction,
} from './activity.ts'
import { monthMoves, replayActivity } from './snapshot.ts'
import { MOVE_KINDS } from './workflow.ts'

describe('the activity actions', () => {
  it('include every move kind, once each', () => {
    for (const kind of MOVE_KINDS) expect(ACTIVITY_ACTIONS).toContain(kind)
    expect(new Set(ACTIVITY_ACTIONS).size).toBe(ACTIVITY_ACTIONS.length)
  })
})

describe('readActivityDetail', () => {
  it('reads a submission logged before docs/decisions/015 as one with no assignees', () => {
    expect(readActivityDetail('submit', null)).toEqual({ assigneeIds: [] })
    expect(readActivityDetail('submit', '{"assigneeIds":["a",3]}')).toEqual({ assigneeIds: ['a'] })
  })

  it('reads other details as they were written', () => {
    const detail = { evidenceId: 'e', before: null, after: '[H1-1.1-02]' }
    expect(readActivityDetail('evidence_code_changed', JSON.stringify(detail))).toEqual(detail)
    expect(readActivityDetail('deleted', null)).toBeNull()
  })
})

/** A stored row as the log replay reads it. */
const row = (
  cardId: string,
  action: ActivityAction,
  detail: unknown,
  toStatus = null as string | null,
) =>
  readActivity({
    cardId,
    action,
    toStatus: toStatus as 'planned' | null,
    detail: detail === null ? null : JSON.stringify(detail),
  })

const state = { standard: '1', criterion: '1.1', dueMonth: '2026-10', budgetAmount: 5 }

describe('replayActivity', () => {
  it('leaves each card as its entries, in order, left it', () => {
    const cards = replayActivity([
      row('a', 'created', { state: { ...state, assigneeIds: ['u1'] } }),
      row('b', 'created', {
        import: 'plan.docx',
        sourceRow: 3,
        state: { ...state, assigneeIds: [] },
      }),
      row('a', 'start', null, 'in_progress'),
      row('a', 'edited', { fields: ['timeframe'], state: { ...state, dueMonth: '2026-12' } }),
      row('a', 'assigned', { before: ['u1'], after: ['u2', 'u3'] }),
      row('a', 'evidence_added', { evidenceId: 'e', code: null, title: 'x', kind: 'note' }),
      row('a', 'submit', { assigneeIds: ['u2', 'u3'] }, 'evidence_submitted'),
      row('b', 'deleted', null),
    ])
    expect(cards).toEqual([
      {
        id: 'a',
        status: 'evidence_submitted',
        assigneeIds: ['u2', 'u3'],
        dueMonth: '2026-12',
        standard: '1',
        criterion: '1.1',
        budgetAmount: 5,
      },
    ])
  })

  it('takes a card created before monthly figures were logged as one without figures', () => {
    expect(replayActivity([row('a', 'created', null), row('a', 'edited', { fields: [] })])).toEqual(
      [
        {
          id: 'a',
          status: 'planned',
          assigneeIds: [],
          dueMonth: null,
          standard: null,
          criterion: null,
          budgetAmount: null,
        },
      ],
    )
  })
  it('brings a restored card back in the column it left, as it then stood', () => {
    const cards = replayActivity([
      row('a', 'created', { state: { ...state, assigneeIds: ['u1'] } }),
      row('a', 'start', null, 'in_progress'),
      row('a', 'deleted', null),
      row('a', 'carried_over', { toPlanId: 'p2', toCardId: 'x' }),
      row('a', 'restored', { state: { ...state, assigneeIds: ['u1'] } }, 'in_progress'),
    ])
    expect(cards).toEqual([
      {
        id: 'a',
        status: 'in_progress',
        assigneeIds: ['u1'],
        dueMonth: '2026-10',
        standard: '1',
        criterion: '1.1',
        budgetAmount: 5,
      },
    ])
  })
})

describe('monthMoves', () => {
  it('counts each counted move under its figure', () => {
    expect(
      monthMoves([
        { cardId: 'a', action: 'start' },
        { cardId: 'a', action: 'submit' },
        { cardId: 'b', action: 'send_back' },
        { cardId: 'c', action: 'verify' },
      ]),
    ).toEqual({ started: ['a'], submitted: ['a'], sentBack: ['b'], verified: ['c'] })
  })
})
