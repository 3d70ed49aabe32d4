import { describe, expect, it } from 'vitest'
import {
  activityCalendarYear,
  activityChanges,
  activityDetail,
  activityLink,
  activityMessage,
  activitySchoolYear,
  activityTransition,
} from './activity-text'

describe('activity text', () => {
  it('words every action as one sentence with the person in it', () => {
    const actions = [
      'created',
      'edited',
      'assigned',
      'start',
      'unstart',
      'submit',
      'withdraw',
      'send_back',
      'verify',
      'reopen',
      'evidence_added',
      'evidence_deleted',
      'evidence_linked',
      'evidence_code_changed',
      'commented',
      'deleted',
      'restored',
      'carried_over',
    ]
    for (const a of actions) {
      expect(activityMessage(a, 'vi')({ actor: 'Mai' })).toMatch(/^Mai đã /)
      expect(activityMessage(a, 'en')({ actor: 'Mai' })).toMatch(/^Mai [a-z]/)
    }
    expect(activityMessage('send_back', 'vi')({ actor: 'Minh' })).toBe('Minh đã trả lại để bổ sung')
    expect(activityMessage('unstart', 'en')({ actor: 'Mai' })).toBe(
      'Mai moved the card back to Planned',
    )
    // An action the app does not know yet still says who did it.
    expect(activityMessage('archived', 'vi')({ actor: 'Mai' })).toBe('Mai archived')
  })

  it('shows a move as from → to labels', () => {
    expect(activityTransition('planned', 'in_progress', 'vi')).toBe('Kế hoạch → Đang thực hiện')
    expect(activityTransition(null, null, 'vi')).toBeNull()
  })

  it('names the evidence and the new assignees', () => {
    expect(
      activityDetail('evidence_added', { code: '[H1-1.5-01]', title: 'Biên bản' }, () => undefined),
    ).toBe('[H1-1.5-01] Biên bản')
    expect(
      activityDetail('evidence_deleted', { code: '[H1-1.5-02]', title: 'Ảnh' }, () => undefined),
    ).toBe('[H1-1.5-02] Ảnh')
    expect(
      activityDetail(
        'evidence_code_changed',
        { before: '[H1-1.5-01]', after: '[H1-1.5-09]' },
        () => undefined,
      ),
    ).toBe('[H1-1.5-01] → [H1-1.5-09]')
    expect(activityDetail('assigned', { before: [], after: ['u1'] }, () => 'Lê Thị Mai')).toBe(
      'Lê Thị Mai',
    )
  })

  it('lists an edit field by field, and only known fields', () => {
    const detail = {
      fields: ['tasks', 'notes'],
      changes: [
        { field: 'tasks', before: null, after: 'Tổ chức chuyên đề' },
        { field: 'nope', before: 'a', after: 'b' },
        { field: 'notes', before: 'Cũ', after: null },
      ],
    }
    expect(activityChanges('edited', detail)).toEqual([
      { field: 'tasks', before: null, after: 'Tổ chức chuyên đề' },
      { field: 'notes', before: 'Cũ', after: null },
    ])
    // Entries logged before field-by-field changes show no list.
    expect(activityChanges('edited', { fields: ['tasks'] })).toEqual([])
    expect(
      activitySchoolYear('edited', { schoolYear: { before: '2026-2027', after: '2027-2028' } }),
    ).toEqual({ before: '2026-2027', after: '2027-2028' })
    expect(
      activityCalendarYear('edited', { fields: [], calendar: { schoolYear: '2026-2027' } }),
    ).toBe('2026-2027')
    expect(activityCalendarYear('edited', { fields: ['tasks'] })).toBeNull()
  })

  it('links a carried-over card to its original and the original to where it went', () => {
    expect(activityLink('created', { carriedFrom: { planId: 'p1', cardId: 'c1' } })).toEqual({
      planId: 'p1',
      cardId: 'c1',
      kind: 'from',
    })
    expect(activityLink('carried_over', { toPlanId: 'p2', toCardId: 'c2' })).toEqual({
      planId: 'p2',
      cardId: 'c2',
      kind: 'to',
    })
    expect(activityLink('created', { state: {} })).toBeNull()
  })
})
