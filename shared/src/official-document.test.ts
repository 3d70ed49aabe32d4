import { describe, expect, it } from 'vitest'
import {
  defaultDocumentSymbol,
  documentDateLine,
  documentNumberLine,
  documentParty,
  documentRecipients,
  documentSettingsInputSchema,
} from './official-document.ts'

const none = {
  issuingBody: null,
  placeName: null,
  documentSymbol: null,
  overseerName: null,
  signerTitle: null,
  signerName: null,
}

describe('the administrative-document layout (ND30)', () => {
  it('writes the place and date with ND30 leading zeros', () => {
    expect(documentDateLine('Hòa Bình', '2026-11-03T03:00:00Z')).toBe(
      'Hòa Bình, ngày 03 tháng 11 năm 2026',
    )
    expect(documentDateLine('Hà Nội', '2027-02-14T03:00:00Z')).toBe(
      'Hà Nội, ngày 14 tháng 02 năm 2027',
    )
    expect(documentDateLine('Hà Nội', '2027-03-14T03:00:00Z')).toBe(
      'Hà Nội, ngày 14 tháng 3 năm 2027',
    )
  })

  it('leaves the number blank and writes the kind and symbol', () => {
    expect(documentNumberLine('report', 'THCSHB')).toBe('Số:      /BC-THCSHB')
    expect(documentNumberLine('plan', 'MNSM')).toBe('Số:      /KH-MNSM')
  })

  it('derives a symbol from the school name', () => {
    expect(defaultDocumentSymbol('Trường THCS Hòa Bình')).toBe('THCSHB')
    expect(defaultDocumentSymbol('Trường Mầm non Sơn Ca')).toBe('MNSC')
    expect(defaultDocumentSymbol('Trường')).toBe('TRUONG')
  })

  it('fills what a school has not set', () => {
    const party = documentParty({ name: 'Trường THCS Hòa Bình', settings: none }, 'Nguyễn Thị Hạnh')
    expect(party).toMatchObject({
      issuingBody: null,
      placeName: '……',
      documentSymbol: 'THCSHB',
      signerTitle: 'HIỆU TRƯỞNG',
      signerName: 'Nguyễn Thị Hạnh',
    })
    const set = documentParty(
      { name: 'Trường THCS Hòa Bình', settings: { ...none, signerName: 'Lê Văn A' } },
      'Nguyễn Thị Hạnh',
    )
    expect(set.signerName).toBe('Lê Văn A')
  })

  it('ends "Nơi nhận" with the archive', () => {
    expect(documentRecipients(['Tổ giám sát'])).toEqual([
      '- Như trên;',
      '- Tổ giám sát;',
      '- Lưu: VT.',
    ])
  })

  it('takes empty settings as not set and refuses a symbol with spaces', () => {
    const parsed = documentSettingsInputSchema.parse({ ...none, placeName: '  ' })
    expect(parsed.placeName).toBeNull()
    expect(
      documentSettingsInputSchema.safeParse({ ...none, documentSymbol: 'THCS HB' }).success,
    ).toBe(false)
    expect(
      documentSettingsInputSchema.safeParse({ ...none, documentSymbol: 'THCSHB' }).success,
    ).toBe(true)
  })
})
