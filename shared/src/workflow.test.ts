import { describe, expect, it } from 'vitest'
import type { Actor } from './roles.ts'
import {
  CARD_STATUSES,
  TRANSITIONS,
  allowedTargets,
  checkMove,
  checkMoveCommand,
  evidenceRemovalRefusal,
  tookPart,
  type CardStatus,
  type MoveRejection,
} from './workflow.ts'
import { moveRejectionMessage } from './workflow-messages.ts'

/**
 * The people of DESIGN §3, as they stand to one card assigned to 'me', on which 'took'
 * took part without being assigned now (submitted it, or added its evidence).
 */
const PERSONAS = {
  assignee: { id: 'me', roles: ['staff'] },
  staff: { id: 'other', roles: ['staff'] },
  monitor: { id: 'mon', roles: ['monitor'] },
  monitorAssignee: { id: 'me', roles: ['staff', 'monitor'] },
  monitorWhoTookPart: { id: 'took', roles: ['monitor'] },
  principal: { id: 'boss', roles: ['principal'] },
} satisfies Record<string, Actor>
type Persona = keyof typeof PERSONAS
const P = Object.keys(PERSONAS) as Persona[]

type Outcome = 'ok' | MoveRejection
const ok = 'ok'
const NST = 'no_such_transition'
const RNA = 'role_not_allowed'

const OWN = 'own_card'

/** Inside its own column a move is a reorder: for those who may work on the card. */
const REORDER: Outcome[] = [ok, RNA, RNA, ok, RNA, ok]

/**
 * With evidence on the card and a reason given. Columns follow PERSONAS: assignee, staff
 * (not assigned), monitor, monitor who is assigned, monitor who took part, principal.
 */
const EXPECTED: Record<CardStatus, Record<CardStatus, Outcome[]>> = {
  planned: {
    planned: REORDER,
    in_progress: [ok, RNA, RNA, ok, RNA, ok],
    evidence_submitted: [NST, NST, NST, NST, NST, NST],
    verified: [NST, NST, NST, NST, NST, NST],
  },
  in_progress: {
    planned: [ok, RNA, RNA, ok, RNA, ok],
    in_progress: REORDER,
    evidence_submitted: [ok, RNA, RNA, ok, RNA, ok],
    verified: [NST, NST, NST, NST, NST, NST],
  },
  evidence_submitted: {
    planned: [NST, NST, NST, NST, NST, NST],
    in_progress: [ok, RNA, ok, ok, ok, RNA],
    evidence_submitted: REORDER,
    verified: [RNA, RNA, ok, OWN, OWN, RNA],
  },
  verified: {
    planned: [NST, NST, NST, NST, NST, NST],
    in_progress: [RNA, RNA, ok, ok, ok, ok],
    evidence_submitted: [NST, NST, NST, NST, NST, NST],
    verified: REORDER,
  },
}

/** Where a card without evidence fares differently (from:to:persona). */
const WITHOUT_EVIDENCE: Record<string, Outcome> = {
  'in_progress:evidence_submitted:assignee': 'evidence_missing',
  'in_progress:evidence_submitted:monitorAssignee': 'evidence_missing',
  'in_progress:evidence_submitted:principal': 'evidence_missing',
  // Its evidence deleted after the submission: nothing to verify.
  'evidence_submitted:verified:monitor': 'evidence_missing',
}

/** Where a move without a reason fares differently: send back and reopen. */
const WITHOUT_REASON: Record<string, Outcome> = {
  'evidence_submitted:in_progress:monitor': 'reason_required',
  'evidence_submitted:in_progress:monitorWhoTookPart': 'reason_required',
  'verified:in_progress:monitor': 'reason_required',
  'verified:in_progress:monitorAssignee': 'reason_required',
  'verified:in_progress:monitorWhoTookPart': 'reason_required',
  'verified:in_progress:principal': 'reason_required',
}

const cases = CARD_STATUSES.flatMap((from) =>
  CARD_STATUSES.flatMap((to) =>
    P.flatMap((persona, i) =>
      [1, 0].flatMap((evidenceCount) =>
        [true, false].map((withReason) => {
          const key = `${from}:${to}:${persona}`
          const base = EXPECTED[from][to][i]!
          let expected: Outcome = base
          if (base === ok && evidenceCount === 0 && WITHOUT_EVIDENCE[key]) {
            expected = WITHOUT_EVIDENCE[key]
          } else if (base === ok && !withReason && WITHOUT_REASON[key]) {
            expected = WITHOUT_REASON[key]
          }
          return { from, to, persona, evidenceCount, withReason, expected }
        }),
      ),
    ),
  ),
)

describe('checkMove', () => {
  it('exercises every transition through some persona of the table', () => {
    const reached = new Set(
      cases
        .filter((c) => c.expected === ok && c.from !== c.to)
        .map((c) => {
          const check = checkMove(
            { status: c.from, evidenceCount: 1, assigneeIds: ['me'], involvedIds: ['took'] },
            c.to,
            PERSONAS[c.persona],
          )
          return check.ok ? check.kind : null
        }),
    )
    expect(TRANSITIONS.filter((t) => !reached.has(t.kind)).map((t) => t.kind)).toEqual([])
  })

  it.each(cases)(
    '$from → $to by $persona (evidence $evidenceCount, reason $withReason): $expected',
    ({ from, to, persona, evidenceCount, withReason, expected }) => {
      const card = { status: from, evidenceCount, assigneeIds: ['me'], involvedIds: ['took'] }
      const result = checkMoveCommand(
        card,
        to,
        PERSONAS[persona],
        withReason ? 'Minh chứng chưa đủ' : null,
      )
      expect(result.ok ? ok : result.reason).toBe(expected)
    },
  )

  it('treats a blank reason as no reason', () => {
    const card = { status: 'verified' as const, evidenceCount: 1, assigneeIds: [], involvedIds: [] }
    const result = checkMoveCommand(card, 'in_progress', PERSONAS.principal, '   ')
    expect(result).toMatchObject({ ok: false, reason: 'reason_required' })
  })

  it('names a send-back and a withdrawal apart', () => {
    const card = {
      status: 'evidence_submitted' as const,
      evidenceCount: 1,
      assigneeIds: ['me'],
      involvedIds: [],
    }
    expect(checkMove(card, 'in_progress', PERSONAS.monitor)).toEqual({
      ok: true,
      kind: 'send_back',
      needsReason: true,
    })
    expect(checkMove(card, 'in_progress', PERSONAS.assignee)).toEqual({
      ok: true,
      kind: 'withdraw',
      needsReason: false,
    })
    // An assignee who is also a monitor withdraws: the transition that asks least wins.
    expect(checkMove(card, 'in_progress', PERSONAS.monitorAssignee)).toEqual({
      ok: true,
      kind: 'withdraw',
      needsReason: false,
    })
  })

  it('refuses a monitor verifying their own card even when another role would allow it', () => {
    const card = {
      status: 'evidence_submitted' as const,
      evidenceCount: 2,
      assigneeIds: ['me'],
      involvedIds: [],
    }
    const both = { id: 'me', roles: ['monitor', 'principal'] } satisfies Actor
    expect(checkMove(card, 'verified', both)).toMatchObject({ ok: false, reason: 'own_card' })
  })

  it('refuses the submitter and uploaders after the assignees changed or were cleared', () => {
    // A monitor uploaded and submitted, then the principal cleared the assignees.
    const card = {
      status: 'evidence_submitted' as const,
      evidenceCount: 1,
      assigneeIds: [],
      involvedIds: ['mon'],
    }
    expect(checkMove(card, 'verified', PERSONAS.monitor)).toMatchObject({
      ok: false,
      reason: 'own_card',
    })
    expect(checkMove(card, 'verified', { id: 'mon2', roles: ['monitor'] })).toEqual({
      ok: true,
      kind: 'verify',
      needsReason: false,
    })
  })

  it('calls a move inside its own column a reorder, needing no reason', () => {
    const card = {
      status: 'verified' as const,
      evidenceCount: 1,
      assigneeIds: ['me'],
      involvedIds: [],
    }
    expect(checkMove(card, 'verified', PERSONAS.assignee)).toEqual({
      ok: true,
      kind: 'reorder',
      needsReason: false,
    })
    expect(checkMove(card, 'verified', PERSONAS.monitor)).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    })
  })
})

describe('tookPart', () => {
  it('counts current assignees and everyone the server named as involved', () => {
    const card = { assigneeIds: ['a'], involvedIds: ['b'] }
    expect([tookPart(card, 'a'), tookPart(card, 'b'), tookPart(card, 'c')]).toEqual([
      true,
      true,
      false,
    ])
  })
})

describe('evidenceRemovalRefusal', () => {
  it.each([
    ['planned', 1, null],
    ['in_progress', 1, null],
    ['in_progress', 0, null],
    ['evidence_submitted', 2, null],
    ['evidence_submitted', 1, 'last_evidence'],
    ['verified', 3, 'frozen'],
  ] as const)('%s card with %i items: %s', (status, evidenceCount, expected) => {
    expect(evidenceRemovalRefusal({ status, evidenceCount })).toBe(expected)
  })
})

describe('allowedTargets', () => {
  it('lists the columns a staff assignee may drop a planned card into', () => {
    const card = {
      status: 'planned' as const,
      evidenceCount: 0,
      assigneeIds: ['me'],
      involvedIds: [],
    }
    expect(allowedTargets(card, PERSONAS.assignee)).toEqual(['planned', 'in_progress'])
    expect(allowedTargets(card, PERSONAS.staff)).toEqual([])
  })

  it('offers the monitor both verdicts on a submitted card', () => {
    const card = {
      status: 'evidence_submitted' as const,
      evidenceCount: 1,
      assigneeIds: ['me'],
      involvedIds: [],
    }
    expect(allowedTargets(card, PERSONAS.monitor)).toEqual(['in_progress', 'verified'])
    expect(checkMove(card, 'in_progress', PERSONAS.monitor)).toMatchObject({ needsReason: true })
    expect(checkMove(card, 'verified', PERSONAS.monitor)).toMatchObject({ needsReason: false })
  })
})

describe('moveRejectionMessage', () => {
  it('says what is allowed instead, in Vietnamese by default', () => {
    expect(moveRejectionMessage('no_such_transition', 'planned', 'verified')).toBe(
      'Thẻ ở cột “Kế hoạch” chỉ có thể chuyển sang “Đang thực hiện”.',
    )
    expect(moveRejectionMessage('role_not_allowed', 'evidence_submitted', 'verified', 'en')).toBe(
      'Only the monitoring team may move a card from "Evidence submitted" to "Verified".',
    )
    expect(moveRejectionMessage('role_not_allowed', 'in_progress', 'evidence_submitted')).toBe(
      'Chỉ người được giao hoặc Hiệu trưởng mới được chuyển thẻ từ “Đang thực hiện” sang “Đã nộp minh chứng”.',
    )
  })

  it('speaks of reordering when the refusal is inside the card’s own column', () => {
    expect(moveRejectionMessage('role_not_allowed', 'planned', 'planned', 'en')).toBe(
      'Only an assignee or the principal may reorder this card.',
    )
  })
})
