import { describe, expect, it } from 'vitest'
import { evidenceCode, evidenceCodeSeries, evidenceCodeStyle } from './evidence-code.ts'

describe('evidence codes', () => {
  it('choose the style from the plan framework', () => {
    expect(evidenceCodeStyle('TT57-2026-pho-thong')).toBe('mc')
    expect(evidenceCodeStyle('TT57-2026-mam-non')).toBe('mc')
    expect(evidenceCodeStyle('TT18-2018')).toBe('box')
    expect(evidenceCodeStyle('TT19-2018+TT22-2024')).toBe('box')
    expect(evidenceCodeStyle(null)).toBe('box')
  })

  it('write [Hn-a.b-xx] for the 2018 circulars and MC.x.y.zz for TT57', () => {
    expect(evidenceCode('box', '1', '1.5', 3)).toBe('[H1-1.5-03]')
    expect(evidenceCode('mc', '1', '1.5', 3)).toBe('MC.1.5.03')
    expect(evidenceCode('mc', '3', '3.12', 11)).toBe('MC.3.12.11')
  })

  it('read the sequence back, ignoring codes the school wrote another way', () => {
    const mc = evidenceCodeSeries('mc', '2', '2.1')
    expect(mc.prefix).toBe('MC.2.1.')
    expect(mc.sequenceOf('MC.2.1.07')).toBe(7)
    expect(mc.sequenceOf('MC.2.1.x')).toBe(0)
    expect(mc.sequenceOf('[H2-2.1-09]')).toBe(0)
    const box = evidenceCodeSeries('box', '2', '2.1')
    expect(box.prefix).toBe('[H2-2.1-')
    expect(box.sequenceOf('[H2-2.1-09]')).toBe(9)
    expect(box.sequenceOf('[H2-2.1-09] bis')).toBe(0)
  })
})
