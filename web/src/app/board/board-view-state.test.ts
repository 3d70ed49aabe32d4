import { describe, expect, it } from 'vitest'
import {
  boardViewReducer,
  cardInView,
  planInView,
  type BoardViewAction,
  type BoardViewState,
} from './board-view-state'

const start: BoardViewState = { planId: 'p1', card: null, dialog: null }
const run = (...actions: BoardViewAction[]) => actions.reduce(boardViewReducer, start)

describe('board view state', () => {
  it('shows the chosen plan while it is listed, else the first one', () => {
    expect(planInView(start, ['p0', 'p1'])).toBe('p1')
    expect(planInView(start, ['p0', 'p2'])).toBe('p0')
    expect(planInView({ ...start, planId: null }, ['p3'])).toBe('p3')
    expect(planInView(start, [])).toBeNull()
  })

  it('opens a card of another plan in that plan, closing what was about the plan in view', () => {
    const state = run(
      { type: 'open-dialog', dialog: { kind: 'review-queue' } },
      { type: 'open-card', card: { planId: 'p2', cardId: 'c9' } },
    )
    expect(state).toEqual({ planId: 'p2', card: { planId: 'p2', cardId: 'c9' }, dialog: null })
    expect(cardInView(state, 'p2')).toBe('c9')
    expect(cardInView(state, 'p1')).toBeNull()
  })

  it('keeps the review queue open under a card of the same plan', () => {
    const state = run(
      { type: 'open-dialog', dialog: { kind: 'review-queue' } },
      { type: 'open-card', card: { planId: 'p1', cardId: 'c1' } },
      { type: 'close-card' },
    )
    expect(state).toEqual({ planId: 'p1', card: null, dialog: { kind: 'review-queue' } })
  })

  it('keeps the import of a new plan open while that plan becomes the one in view', () => {
    const context = { schoolId: 's1', schoolName: null, frameworkId: null, schoolYear: null }
    const state = run(
      { type: 'open-card', card: { planId: 'p1', cardId: 'c1' } },
      { type: 'open-dialog', dialog: { kind: 'new-plan', context } },
      { type: 'choose-plan', planId: 'p2' },
      { type: 'open-dialog', dialog: { kind: 'import', planId: 'p2' } },
    )
    expect(state).toEqual({ planId: 'p2', card: null, dialog: { kind: 'import', planId: 'p2' } })
    expect(run({ type: 'close-dialog' }).dialog).toBeNull()
  })

  it('changes nothing when the plan in view is chosen again', () => {
    const state = run({ type: 'open-dialog', dialog: { kind: 'progress' } })
    expect(boardViewReducer(state, { type: 'choose-plan', planId: 'p1' })).toBe(state)
  })
})
