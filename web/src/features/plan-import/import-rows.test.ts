import { formatVnd } from '@caitien/shared'
import { describe, expect, it } from 'vitest'
import { importMessages } from './import-messages'
import { budgetText, choicesOf, chosenUsers, firstLine, monthsText } from './import-rows'

describe('import preview text', () => {
  it('sums up the preview the way the principal reads it', () => {
    const s = { create: 9, update: 2, unchanged: 1, problems: 3 }
    expect(importMessages.vi.summary(s)).toBe(
      '12 dòng: 9 thẻ mới, 2 cập nhật, 1 không đổi; 3 vấn đề',
    )
    expect(importMessages.en.summary(s)).toBe(
      '12 rows: 9 new cards, 2 updates, 1 unchanged; 3 problems',
    )
  })

  it('says what the import did', () => {
    expect(importMessages.vi.result({ created: 8, updated: 0, unchanged: 0 })).toBe(
      'Đã tạo 8 thẻ, cập nhật 0, không đổi 0.',
    )
  })

  it('names the source row of a problem', () => {
    expect(
      importMessages.vi.problem({ row: 7, message: 'không đọc được thời gian “Hằng quý”' }),
    ).toBe('Dòng 7: không đọc được thời gian “Hằng quý”')
  })

  it('writes months as MM/yyyy, one month once', () => {
    expect(monthsText({ startMonth: '2026-09', dueMonth: '2027-05' })).toBe('09/2026–05/2027')
    expect(monthsText({ startMonth: '2027-03', dueMonth: '2027-03' })).toBe('03/2027')
    expect(monthsText({ startMonth: null, dueMonth: null })).toBeNull()
  })

  it('writes budgets in VND and "none" for zero', () => {
    expect(budgetText(12_000_000, 'Không có')).toBe(formatVnd(12_000_000))
    expect(budgetText(0, 'Không có')).toBe('Không có')
    expect(budgetText(null, 'Không có')).toBeNull()
  })

  it('takes the first written line of a cell without its bullet', () => {
    expect(firstLine('\n- Tổ chức tập huấn\n- Dự giờ')).toBe('Tổ chức tập huấn')
    expect(firstLine('1. Rà soát')).toBe('Rà soát')
    expect(firstLine(null)).toBe('')
  })

  it('keys the column choices by column number', () => {
    expect(
      choicesOf([
        { columnIndex: 0, field: 'criterion' },
        { columnIndex: 3, field: null },
      ]),
    ).toEqual({ '0': 'criterion', '3': null })
  })

  it('keeps a lead pick the user made over the remembered accounts', () => {
    const lead = { text: 'Tổ trưởng', userIds: ['a'] }
    expect(chosenUsers(lead, {})).toEqual(['a'])
    expect(chosenUsers(lead, { 'Tổ trưởng': [] })).toEqual([])
  })
})
