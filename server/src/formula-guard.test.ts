import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { fromCsvField, guardFormulaText, looksLikeFormula, toCsvField } from './formula-guard.ts'

describe('looksLikeFormula', () => {
  it.each([
    ['=1+1', true],
    ['+84 912 345 678', true],
    ['- Họp tổ chuyên môn', true],
    ['@SUM(A1)', true],
    ['\t=1', true],
    ['\r=1', true],
    ['-5', false],
    ['+1.000.000', false],
    ['Họp tổ - tháng 9', false],
    ["'=1", false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeFormula(text)).toBe(expected)
  })
})

describe('CSV fields', () => {
  it('prefixes formula-looking text with a quote and takes exactly that quote off again', () => {
    for (const text of ['=1+1', '- Họp tổ', '@x', 'Bình thường', '-5', "'=1", "''-x"]) {
      expect(fromCsvField(toCsvField(text))).toBe(text)
    }
    expect(toCsvField('=1+1')).toBe("'=1+1")
    expect(toCsvField('Bình thường')).toBe('Bình thường')
    // A quote the author typed before ordinary text stays.
    expect(fromCsvField("'Trích dẫn'")).toBe("'Trích dẫn'")
  })
})

describe('guardFormulaText', () => {
  it('formats formula-looking text cells as Text and leaves the rest alone', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('x')
    sheet.addRow(['=1+1', 'Bình thường', 42, '- Họp tổ'])
    guardFormulaText(wb)
    const again = new ExcelJS.Workbook()
    await again.xlsx.load(await wb.xlsx.writeBuffer())
    const row = again.worksheets[0]!.getRow(1)
    expect([1, 2, 3, 4].map((i) => row.getCell(i).numFmt ?? null)).toEqual(['@', null, null, '@'])
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String)
    expect(row.getCell(1).value).toBe('=1+1')
  })
})
