import { describe, expect, it } from 'vitest'
import { formatFileSize } from '@caitien/shared'
import { cardMessages } from './card-messages'
import { evidenceIcon, previewKind } from './evidence-kind'

describe('evidence kinds and words', () => {
  it('picks the icon from the kind and the file type', () => {
    expect(evidenceIcon('link', null)).toBe('link')
    expect(evidenceIcon('note', null)).toBe('note')
    expect(evidenceIcon('file', 'application/pdf')).toBe('pdf')
    expect(evidenceIcon('file', 'image/webp')).toBe('image')
    expect(
      evidenceIcon(
        'file',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    ).toBe('word')
    expect(evidenceIcon('file', 'application/vnd.ms-excel')).toBe('excel')
    expect(evidenceIcon('file', 'application/vnd.ms-powerpoint')).toBe('powerpoint')
    expect(evidenceIcon('file', 'application/octet-stream')).toBe('file')
  })

  it('previews PDF and images only', () => {
    expect(previewKind('application/pdf')).toBe('pdf')
    expect(previewKind('image/png')).toBe('image')
    expect(previewKind('application/msword')).toBeNull()
  })

  it('writes sizes with the language’s decimal mark', () => {
    expect(formatFileSize(192, 'vi')).toBe('192 B')
    expect(formatFileSize(1_572_864, 'vi')).toBe('1,5 MB')
    expect(formatFileSize(1_572_864, 'en')).toBe('1.5 MB')
    expect(formatFileSize(20 * 1024 * 1024, 'en')).toBe('20 MB')
    expect(formatFileSize(12_800, 'vi')).toBe('13 KB')
  })

  it('counts submissions', () => {
    const { vi, en } = cardMessages
    expect(vi.submission({ n: 2 })).toBe('Lần nộp thứ 2')
    expect(en.submission({ n: 2 })).toBe('Submission 2')
    expect(vi.resubmissions({ n: 1 })).toBe('Nộp lại 1 lần')
    expect(en.resubmissions({ n: 1 })).toBe('Resubmitted once')
    expect(en.resubmissions({ n: 3 })).toBe('Resubmitted 3 times')
    expect(en.sharedWith({ n: 1 })).toBe('Shared with 1 card')
    expect(en.pickerCount({ n: 2 })).toBe('2 items')
  })
})
