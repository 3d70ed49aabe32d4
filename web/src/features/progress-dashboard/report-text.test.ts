import { describe, expect, it } from 'vitest'
import type { MonthView } from './api/progress-queries'
import { reportTitle, summaryLines } from './report-text'

const counts = (planned: number, inProgress: number, submitted: number, verified: number) => ({
  planned,
  in_progress: inProgress,
  evidence_submitted: submitted,
  verified,
})

const view = {
  month: '2026-10',
  summary: {
    total: 10,
    byStatus: counts(3, 3, 2, 2),
    overdue: ['a'],
    shareVerified: 0.2,
    moves: { started: ['a', 'b'], submitted: ['c'], sentBack: [], verified: ['d'] },
    budget: { verified: 5_000_000, total: 20_000_000 },
  },
  change: {
    total: 0,
    byStatus: counts(-2, 1, 0, 1),
    overdue: 1,
    shareVerified: 0.1,
    budgetVerified: 5_000_000,
  },
} as unknown as MonthView

describe('report text', () => {
  it('titles the report with the month as MM/YYYY', () => {
    expect(reportTitle('2026-10')).toBe(
      'BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC – THÁNG 10/2026',
    )
  })

  it('sums the month up with each change since the month before', () => {
    const lines = summaryLines(view)
    expect(lines).toContain('Kế hoạch: 3 (-2 so với tháng trước).')
    expect(lines).toContain('Đã xác nhận: 2 (+1 so với tháng trước).')
    expect(lines).toContain('Tỉ lệ đã xác nhận: 20% (+10 điểm %).')
    expect(lines).toContain('Hoạt động quá hạn: 1 (+1 so với tháng trước).')
    expect(lines).toContain(
      'Kinh phí các hoạt động đã xác nhận: 5.000.000 đ / tổng dự kiến 20.000.000 đ.',
    )
  })

  it('leaves the changes out for the first month', () => {
    const lines = summaryLines({ ...view, change: null })
    expect(lines[0]).toBe('Tổng số hoạt động cải tiến: 10.')
    expect(lines.some((l) => l.includes('so với tháng trước'))).toBe(false)
  })
})
