import { defineMessages, type Lang } from './messages.ts'

/**
 * The body that follows a plan (DESIGN §8): a Tổ giám sát (the 2018 circulars' monitoring
 * team), or under Thông tư 57/2026 the Hội đồng tự đánh giá (self-assessment council). It is a
 * name and a list of people with a title each; who verifies evidence is still the `monitor`
 * role (roles.ts), and what the council's chair may do more is in permissions.ts.
 */
export const COUNCIL_KINDS = ['monitoring_team', 'self_assessment_council'] as const
export type CouncilKind = (typeof COUNCIL_KINDS)[number]

/** A member's title in the body; a body has at most one chair. */
export const COUNCIL_TITLES = ['chair', 'vice_chair', 'secretary', 'member'] as const
export type CouncilTitle = (typeof COUNCIL_TITLES)[number]

export interface CouncilMember {
  userId: string
  title: CouncilTitle
}

/** A plan's monitoring body as the rules and the screens read it. */
export interface Council {
  kind: CouncilKind
  members: CouncilMember[]
}

/** The frameworks of Thông tư 57/2026 ('TT57-2026-pho-thong@…'): their plans have a council. */
export function isTt57Framework(frameworkId: string | null): boolean {
  return frameworkId !== null && frameworkId.startsWith('TT57-2026')
}

/**
 * The body a plan has until the principal names one: the Hội đồng tự đánh giá for a plan under
 * TT57 (the council follows the plan), the Tổ giám sát otherwise.
 *
 * @example
 * defaultCouncilKind('TT57-2026-pho-thong@2026-07-07') // → 'self_assessment_council'
 * defaultCouncilKind(null) // → 'monitoring_team'
 */
export function defaultCouncilKind(frameworkId: string | null): CouncilKind {
  return isTt57Framework(frameworkId) ? 'self_assessment_council' : 'monitoring_team'
}

/** The chair of the body, if it has one. */
export function councilChair(council: { members: readonly CouncilMember[] }): string | null {
  return council.members.find((m) => m.title === 'chair')?.userId ?? null
}

/**
 * The body's name, as every screen about the plan calls the monitoring team (review queue
 * heading, checkpoint reviews, the council's page). Kind first, then language.
 */
export const councilNames = defineMessages<Record<CouncilKind, string>>(
  { monitoring_team: 'Tổ giám sát', self_assessment_council: 'Hội đồng tự đánh giá' },
  { monitoring_team: 'Monitoring team', self_assessment_council: 'Self-assessment council' },
)

/** Members' titles, per language and kind: a council has a Chủ tịch, a team a Tổ trưởng. */
export const councilTitleLabels: Readonly<
  Record<Lang, Record<CouncilKind, Record<CouncilTitle, string>>>
> = {
  vi: {
    monitoring_team: {
      chair: 'Tổ trưởng',
      vice_chair: 'Tổ phó',
      secretary: 'Thư ký',
      member: 'Thành viên',
    },
    self_assessment_council: {
      chair: 'Chủ tịch',
      vice_chair: 'Phó chủ tịch',
      secretary: 'Thư ký',
      member: 'Thành viên',
    },
  },
  en: {
    monitoring_team: {
      chair: 'Team leader',
      vice_chair: 'Deputy leader',
      secretary: 'Secretary',
      member: 'Member',
    },
    self_assessment_council: {
      chair: 'Chair',
      vice_chair: 'Vice-chair',
      secretary: 'Secretary',
      member: 'Member',
    },
  },
}
