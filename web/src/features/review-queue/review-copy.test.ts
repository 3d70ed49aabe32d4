import { describe, expect, it } from 'vitest'
import { changeText, submissionShort } from './review-copy'

describe('review queue copy', () => {
  it('numbers submissions', () => {
    expect(submissionShort(2, 'vi')).toBe('Nộp lần 2')
    expect(submissionShort(2, 'en')).toBe('Submission 2')
  })

  it('words each evidence change', () => {
    expect(changeText('evidence_added', 'vi')).toBe('Thêm')
    expect(changeText('evidence_deleted', 'en')).toBe('Deleted')
    expect(changeText('evidence_linked', 'vi')).toBe('Dùng chung')
  })
})
