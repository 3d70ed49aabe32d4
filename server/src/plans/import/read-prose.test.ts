import { describe, expect, it } from 'vitest'
import { readProseRows } from './read-prose.ts'

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, sourceRow: i + 1 }))

describe('readProseRows', () => {
  it.each([['IV. TỔ CHỨC THỰC HIỆN'], ['4. Tổ chức thực hiện'], ['VII. Tổ chức thực hiện:']])(
    'reads items under %j',
    (heading) => {
      const rows = readProseRows(
        lines(heading, '1. Tổ Văn: ôn luyện để đạt mức 2 của tiêu chí 2.10'),
      )
      expect(rows.map((r) => [r.fields.lead, r.fields.criterion, r.fields.target])).toEqual([
        ['Tổ Văn', '2.10', 'Mức 2'],
      ])
    },
  )

  it('reads nothing before the heading, nor after the next section, nor items without a criterion', () => {
    const rows = readProseRows(
      lines(
        '1. Kế toán — Tiêu chí 4.1 trước mục',
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Hiệu trưởng — chỉ đạo chung.',
        '2. Y tế: khám sức khỏe, TC 5.2.',
        'IV. KIẾN NGHỊ',
        '1. Đề nghị cấp kinh phí cho Tiêu chí 4.3.',
      ),
    )
    expect(rows.map((r) => [r.fields.lead, r.fields.criterion, r.sourceRow])).toEqual([
      ['Y tế', '5.2', 4],
    ])
  })
})
