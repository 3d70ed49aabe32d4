import { describe, expect, it } from 'vitest'
import {
  evidenceIcon,
  formatFileSize,
  previewKind,
  resubmissionsLabel,
  submissionLabel,
} from './evidence-copy'

describe('evidence copy', () => {
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
    expect(submissionLabel(2, 'vi')).toBe('Lần nộp thứ 2')
    expect(submissionLabel(2, 'en')).toBe('Submission 2')
    expect(resubmissionsLabel(1, 'vi')).toBe('Nộp lại 1 lần')
    expect(resubmissionsLabel(1, 'en')).toBe('Resubmitted once')
    expect(resubmissionsLabel(3, 'en')).toBe('Resubmitted 3 times')
  })
})
