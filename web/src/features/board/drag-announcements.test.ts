import { describe, expect, it } from 'vitest'
import {
  cancelled,
  dropped,
  overTarget,
  pickedUp,
  spokenTitle,
  targetKey,
} from './drag-announcements'
import type { BoardDragData, DropTarget } from './drag-to-move'

const columns: Record<string, string[]> = {
  planned: ['a', 'b', 'c'],
  in_progress: ['x', 'y'],
  evidence_submitted: [],
  verified: [],
}
const columnCardIds = (_lane: string, status: string) => columns[status] ?? []

/** The dragged card `a` of "Kế hoạch", its centre at `top + 20`. */
const active = (top = 0) => ({
  id: 'a',
  data: { current: { type: 'card', cardId: 'a', status: 'planned', lane: 'all' } },
  rect: { current: { translated: { top, height: 40 } } },
})
const over = (data: Partial<BoardDragData>, top = 0): DropTarget => ({
  data: { lane: 'all', ...data } as BoardDragData,
  rect: { top, height: 40 },
})

describe('drag announcements', () => {
  it('names a card by its criterion and title', () => {
    expect(spokenTitle({ criterion: '1.5', title: 'Rà soát hồ sơ' })).toBe('1.5 Rà soát hồ sơ')
    expect(spokenTitle({ criterion: null, title: 'Rà soát hồ sơ' })).toBe('Rà soát hồ sơ')
  })

  it('says where the card was picked up and how to move it', () => {
    expect(pickedUp('vi', '1.5 Rà soát', 'planned')).toMatch(
      /^Đã nhấc thẻ “1.5 Rà soát” ở cột “Kế hoạch”\. Dùng mũi tên/,
    )
    expect(pickedUp('en', '1.5 Check', 'in_progress')).toMatch(
      /^Picked up card "1.5 Check" in "In progress"\./,
    )
  })

  it('gives the position a drop would take in another column, counting the card', () => {
    const aboveY = over({ type: 'card', cardId: 'y', status: 'in_progress' }, 100)
    expect(overTarget('vi', active(70), aboveY, columnCardIds, {})).toBe(
      'Đang ở cột “Đang thực hiện”, vị trí 2 trên 3.',
    )
    const end = over({ type: 'column', status: 'in_progress' })
    expect(overTarget('en', active(), end, columnCardIds, {})).toBe(
      'Over "In progress", position 3 of 3.',
    )
  })

  it('gives the slot of the card it is over in its own column', () => {
    const onC = over({ type: 'card', cardId: 'c', status: 'planned' })
    expect(overTarget('vi', active(), onC, columnCardIds, {})).toBe(
      'Đang ở cột “Kế hoạch”, vị trí 3 trên 3.',
    )
    const onItself = over({ type: 'card', cardId: 'a', status: 'planned' })
    expect(overTarget('vi', active(), onItself, columnCardIds, {})).toBe(
      'Đang ở cột “Kế hoạch”, vị trí 1 trên 3.',
    )
  })

  it('says why a column refuses the card, and when it is over none', () => {
    const verified = over({ type: 'column', status: 'verified' })
    const refusals = { verified: 'Chỉ Tổ giám sát mới được xác nhận.' }
    expect(overTarget('vi', active(), verified, columnCardIds, refusals)).toBe(
      'Cột “Đã xác nhận” không nhận thẻ này: Chỉ Tổ giám sát mới được xác nhận.',
    )
    expect(overTarget('en', active(), null, columnCardIds, {})).toBe(
      'The card is not over a column.',
    )
  })

  it('says what the drop did', () => {
    const refusals = { verified: 'Only the monitoring team may verify.' }
    expect(dropped('en', 'Check', 'in_progress', refusals)).toBe(
      'Dropped card "Check" into "In progress".',
    )
    expect(dropped('en', 'Check', 'verified', refusals)).toBe(
      'Card "Check" went back. Only the monitoring team may verify.',
    )
    expect(dropped('vi', 'Rà soát', null, {})).toBe('Đã huỷ kéo. Thẻ “Rà soát” trở về chỗ cũ.')
    expect(cancelled('vi', 'Rà soát')).toBe('Đã huỷ kéo. Thẻ “Rà soát” trở về chỗ cũ.')
  })

  it('keys the target so that each change is said once', () => {
    expect(targetKey(null)).toBe('outside')
    expect(targetKey(over({ type: 'card', cardId: 'y', status: 'in_progress' }))).toBe('card:y')
    expect(targetKey(over({ type: 'column', status: 'verified' }))).toBe('column:all:verified')
  })
})
