import { describe, expect, it } from 'vitest'
import { documentDateLine } from './official-document.ts'
import {
  reportPeriod,
  reportPlanLine,
  reportSummaryLines,
  reportTitle,
  type ReportChange,
  type ReportSummary,
} from './report-text.ts'

const counts = (planned: number, inProgress: number, submitted: number, verified: number) => ({
  planned,
  in_progress: inProgress,
  evidence_submitted: submitted,
  verified,
})

const summary: ReportSummary = {
  total: 10,
  byStatus: counts(3, 3, 2, 2),
  overdue: ['a'],
  shareVerified: 0.2,
  moves: { started: ['a', 'b'], submitted: ['c'], sentBack: [], verified: ['d'] },
  budget: { verified: 5_000_000, total: 20_000_000 },
}
const change: ReportChange = {
  total: 4,
  byStatus: counts(-2, 1, 0, 1),
  overdue: 1,
  shareVerified: 0.1,
}

describe('report text', () => {
  it('titles the report with the month as MM/YYYY', () => {
    expect(reportTitle('2026-10')).toBe(
      'BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC – THÁNG 10/2026',
    )
  })

  it('sums the month up with each change since the month before, the total first', () => {
    const lines = reportSummaryLines({ summary, change })
    expect(lines[0]).toBe('Tổng số hoạt động cải tiến: 10 (+4 so với tháng trước).')
    expect(lines).toContain('Kế hoạch: 3 (-2 so với tháng trước).')
    expect(lines).toContain('Đã nộp minh chứng: 2 (0 so với tháng trước).')
    expect(lines).toContain('Đã xác nhận: 2 (+1 so với tháng trước).')
    expect(lines).toContain('Tỉ lệ đã xác nhận: 20% (+10 điểm %).')
    expect(lines).toContain('Hoạt động quá hạn: 1 (+1 so với tháng trước).')
    expect(lines).toContain(
      'Trong tháng: 2 hoạt động bắt đầu, 1 nộp minh chứng, 0 bị trả lại, 1 được xác nhận.',
    )
    expect(lines).toContain(
      'Kinh phí các hoạt động đã xác nhận: 5.000.000 đ / tổng dự kiến 20.000.000 đ.',
    )
  })

  it('writes shares with the Vietnamese decimal comma, a fall with its sign', () => {
    const lines = reportSummaryLines({
      summary: { ...summary, shareVerified: 1 / 3 },
      change: { ...change, shareVerified: -0.025 },
    })
    expect(lines).toContain('Tỉ lệ đã xác nhận: 33,3% (-2,5 điểm %).')
  })

  it('leaves the changes out for the first month', () => {
    const lines = reportSummaryLines({ summary, change: null })
    expect(lines[0]).toBe('Tổng số hoạt động cải tiến: 10.')
    expect(lines.some((l) => l.includes('so với tháng trước') || l.includes('điểm %'))).toBe(false)
  })

  it('dates the report in school time and names the period and the plan once', () => {
    expect(documentDateLine('Hòa Bình', '2026-11-02T18:30:00Z')).toBe(
      'Hòa Bình, ngày 03 tháng 11 năm 2026',
    )
    expect(reportPeriod('2026-10')).toBe('Kỳ báo cáo: từ 01/10/2026 đến hết tháng 10/2026.')
    expect(reportPlanLine({ title: 'Kế hoạch cải tiến', schoolYear: '2026-2027' })).toBe(
      'Kế hoạch cải tiến – năm học 2026-2027',
    )
    expect(
      reportPlanLine({ title: 'Kế hoạch cải tiến năm học 2026-2027', schoolYear: '2026-2027' }),
    ).toBe('Kế hoạch cải tiến năm học 2026-2027')
  })
})
