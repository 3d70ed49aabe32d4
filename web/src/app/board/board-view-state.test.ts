import { describe, expect, it } from 'vitest'
import { pathOf } from '../addresses'
import { dialogScreen, screenView } from './board-view-state'

describe('board view from the address', () => {
  it('opens the card, the review queue or the dashboard that the address names', () => {
    expect(screenView({ kind: 'board', planId: 'p1' })).toEqual({ cardId: null, dialog: null })
    expect(screenView({ kind: 'card', planId: 'p1', cardId: 'c9' })).toEqual({
      cardId: 'c9',
      dialog: null,
    })
    expect(screenView({ kind: 'reviews', planId: 'p1' }).dialog).toEqual({ kind: 'review-queue' })
    expect(screenView({ kind: 'progress', planId: 'p1', month: '2026-10' }).dialog).toEqual({
      kind: 'progress',
      month: '2026-10',
    })
  })

  it('gives each dialog about a plan its address, and back', () => {
    for (const dialog of [
      null,
      { kind: 'review-queue' } as const,
      { kind: 'progress', month: null } as const,
      { kind: 'progress', month: '2026-11' } as const,
    ]) {
      const screen = dialogScreen('p1', dialog)
      expect(screenView(screen).dialog).toEqual(dialog)
    }
    expect(pathOf(dialogScreen('p1', { kind: 'progress', month: '2026-11' }))).toBe(
      '/plans/p1/progress/2026-11',
    )
  })
})
