import { describe, expect, it } from 'vitest'
import { changeLabel, evidenceChangeLabels, reviewMessages } from './review-messages'

describe('review queue messages', () => {
  it('numbers submissions', () => {
    expect(reviewMessages.vi.submission({ n: 2 })).toBe('Nộp lần 2')
    expect(reviewMessages.en.submission({ n: 2 })).toBe('Submission 2')
  })

  it('words each evidence change, and an unknown one as it came', () => {
    expect(changeLabel(evidenceChangeLabels.vi, 'evidence_added')).toBe('Thêm')
    expect(changeLabel(evidenceChangeLabels.en, 'evidence_deleted')).toBe('Deleted')
    expect(changeLabel(evidenceChangeLabels.vi, 'evidence_linked')).toBe('Dùng chung')
    expect(changeLabel(evidenceChangeLabels.vi, 'evidence_archived')).toBe('evidence_archived')
  })
})
