import type {
  AccountEventAction,
  ActivityAction,
  CardStatus,
  EvidenceKind,
  PlanState,
  SchoolRole,
  BodyKind,
  EvidenceViewKind,
  ReviewVerdict,
  Checkpoint,
  CheckpointEventAction,
  CheckpointSource,
  CompletionLevel,
  CouncilKind,
  CouncilTitle,
} from '@caitien/shared'
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The database as Kysely sees it. Portable by construction (docs/decisions/003):
 * ids are app-generated text, timestamps are UTC ISO-8601 text, months 'YYYY-MM' text,
 * flags are integer 0/1, enums are text with a CHECK constraint.
 */
export interface Database {
  school: SchoolTable
  app_user: AppUserTable
  membership: MembershipTable
  auth_session: AuthSessionTable
  framework: FrameworkTable
  framework_criterion: FrameworkCriterionTable
  plan: PlanTable
  card: CardTable
  plan_problem: PlanProblemTable
  card_assignee: CardAssigneeTable
  evidence: EvidenceTable
  comment: CommentTable
  activity: ActivityTable
  lead_mapping: LeadMappingTable
  evidence_file: EvidenceFileTable
  evidence_link: EvidenceLinkTable
  review: ReviewTable
  inbox_seen: InboxSeenTable
  monthly_snapshot: MonthlySnapshotTable
  monthly_remark: MonthlyRemarkTable
  login_throttle: LoginThrottleTable
  login_device: LoginDeviceTable
  plan_import: PlanImportTable
  account_event: AccountEventTable
  plan_council: PlanCouncilTable
  plan_council_member: PlanCouncilMemberTable
  checkpoint_review: CheckpointReviewTable
  checkpoint_review_row: CheckpointReviewRowTable
  checkpoint_event: CheckpointEventTable
  school_calendar: SchoolCalendarTable
  overseeing_body: OverseeingBodyTable
  oversight: OversightTable
  body_member: BodyMemberTable
  evidence_view: EvidenceViewTable
  review_answer: ReviewAnswerTable
}

/** A commune's Phòng Văn hóa - Xã hội or a province's Sở GD&ĐT (decision 029). */
export interface OverseeingBodyTable {
  id: string
  kind: BodyKindValue
  name: string
  created_at: string
}
export type BodyKindValue = 'commune_office' | 'provincial_department'

/** The schools a body oversees; a school may sit under several bodies. */
export interface OversightTable {
  body_id: string
  school_id: string
  created_at: string
}

/** The people of a body: each an overseer of its schools; a lead also creates its accounts. */
export interface BodyMemberTable {
  body_id: string
  user_id: string
  is_lead: number
  created_at: string
}

/** An overseer viewed a school's evidence: the list of a plan, or one file. */
export interface EvidenceViewTable {
  id: string
  school_id: string
  plan_id: string
  evidence_id: string | null
  body_id: string
  user_id: string
  kind: EvidenceViewKindValue
  at: string
}
export type EvidenceViewKindValue = 'list' | 'file'

/** A body's answer to one signing of a checkpoint review. */
export interface ReviewAnswerTable {
  id: string
  review_id: string
  school_id: string
  body_id: string
  signed_at: string
  verdict: ReviewVerdictValue
  reason: string | null
  user_id: string
  at: string
}
export type ReviewVerdictValue = 'acknowledged' | 'sent_back'

/** A school's own semesters for one school year (months 'YYYY-MM'); none: the default. */
export interface SchoolCalendarTable {
  school_id: string
  school_year: string
  semester1_start: string
  semester1_end: string
  semester2_start: string
  semester2_end: string
  updated_at: string
}

export interface SchoolTable {
  id: string
  name: string
  /** primary | secondary | kindergarten | other: proposes the framework for new plans. */
  school_level: string
  created_at: string
  /** Set while the school is deactivated: its people cannot log in. */
  deactivated_at: string | null
  /** The header and signature block of its documents (ND30; migration 2026_12_04_0930). */
  issuing_body: string | null
  place_name: string | null
  document_symbol: string | null
  overseer_name: string | null
  signer_title: string | null
  signer_name: string | null
}

export interface AppUserTable {
  id: string
  /** The login name, unique, stored lower-case. */
  login: string
  display_name: string
  password_hash: string
  /** 1 for a system-wide administrator (manages schools and accounts, reads no board). */
  is_admin: number
  created_at: string
  password_changed_at: string
  /** The plan whose board the person opened last (where they land); may be gone since. */
  last_plan_id: string | null
  email: string | null
  phone: string | null
  /** Chức vụ, as the school writes it ("Phó hiệu trưởng", "Tổ trưởng tổ Toán"). */
  position: string | null
  /** Tổ chuyên môn / department. */
  department: string | null
  /** Set while deactivated: cannot log in; kept so that history keeps the name. */
  deactivated_at: string | null
  /** 1 after a one-time password (created, reset): the next login must choose a new one. */
  must_change_password: number
}

export interface MembershipTable {
  school_id: string
  user_id: string
  role: RoleValue
  created_at: string
}

/** membership.role's CHECK constraint (migration 1000): the roles a school gives. */
export type RoleValue = 'staff' | 'monitor' | 'principal'

export interface AuthSessionTable {
  /** SHA-256 of the cookie token: a stolen database holds no usable session. */
  id: string
  user_id: string
  created_at: string
  expires_at: string
  last_seen_at: string
}

/** Failed password checks per throttle key (docs/decisions/014). */
export interface LoginThrottleTable {
  /** The kind ('pair', 'device', 'login', 'address') and a SHA-256 of what it counts. */
  key: string
  failures: number
  /** No check for this key before this instant (the growing delay). */
  blocked_until: string
  /** When the count starts over: the end of its window. */
  expires_at: string
}

/** A browser that logged in as its user (the device cookie); only a hash of the token. */
export interface LoginDeviceTable {
  id: string
  user_id: string
  created_at: string
  expires_at: string
}

export interface FrameworkTable {
  id: string
  /** The circular's code, e.g. 'TT18-2018'; several versions may share it. */
  code: string
  version: string
  title: string
  school_level: string
  effective_from: string | null
  source: string | null
  created_at: string
}

export interface FrameworkCriterionTable {
  framework_id: string
  standard: string
  standard_name: string
  code: string
  name: string
  /** Comma-separated levels the criterion defines, e.g. '1,2,3'. */
  levels_defined: string
  mandatory: number
  /** JSON: indicators, level texts, suggested evidence, notes. */
  details: string | null
  sort_order: number
}

export interface PlanTable {
  id: string
  school_id: string
  title: string
  school_year: string
  framework_id: string | null
  /** archived: read-only (shared/src/permissions.ts planWriteRefusal). */
  state: PlanStateValue
  created_at: string
  updated_at: string
  archived_at: string | null
  archived_by: string | null
  /** Set: deleted, restorable for 30 days, then purged (shared/src/plan-life.ts). */
  deleted_at: string | null
  deleted_by: string | null
  /** Last year's plan this one carried unfinished actions over from. */
  carried_from_plan_id: string | null
}

/** plan.state's CHECK constraint (migration 1020). */
export type PlanStateValue = 'active' | 'archived'

/** card.status's CHECK constraint (migration 1020). */
export type CardStatusValue = 'planned' | 'in_progress' | 'evidence_submitted' | 'verified'

export interface CardTable {
  id: string
  plan_id: string
  /** Denormalised from the plan so every tenant check is one indexed comparison. */
  school_id: string
  status: CardStatusValue
  /** Order within its column: a fraction between its neighbours (docs/decisions/007). */
  position: number
  /** Bumped by every write; a command names the version it saw (optimistic concurrency). */
  version: number
  standard: string | null
  standard_name: string | null
  criterion: string | null
  criterion_label: string | null
  section: string | null
  weakness: string | null
  target: string | null
  tasks: string | null
  measures: string | null
  lead: string | null
  coordinators: string | null
  timeframe: string | null
  start_month: string | null
  due_month: string | null
  budget: string | null
  budget_amount: number | null
  funding_source: string | null
  support: string | null
  expected_evidence: string | null
  notes: string | null
  /** Biểu 2 (TT57/2026): Nội dung cải tiến (2), Chỉ số đánh giá kết quả (5), Mức độ thực hiện (10). */
  improvement_content: string | null
  indicators: string | null
  completion_level: string | null
  /** The plan's priority problem (table IV) the card works on; no foreign key (decision 024). */
  plan_problem_id: string | null
  /** Which plan row it came from (import), so re-importing updates instead of duplicating. */
  source_key: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
  /** The card of an earlier plan this one continues (carried over); null once that is purged. */
  carried_from_card_id: string | null
}

/** A plan's priority problem: a row of Biểu 2's table IV (decision 024). */
export interface PlanProblemTable {
  id: string
  school_id: string
  plan_id: string
  position: number
  index_label: string | null
  standard: string | null
  /** The criterion codes it names, space-separated ("2.1 2.3"), '' for none. */
  criteria: string
  criteria_text: string | null
  current_state: string | null
  weakness: string | null
  cause: string | null
  import_id: string | null
  /** The import that replaced it with a newer table IV; null while it is current. */
  replaced_by_import_id: string | null
  created_at: string
}

export interface CardAssigneeTable {
  card_id: string
  user_id: string
  created_at: string
}

export interface EvidenceTable {
  id: string
  card_id: string
  plan_id: string
  school_id: string
  kind: EvidenceKindValue
  /** The accreditation code [Hn-a.b-xx], unique within the plan. */
  code: string | null
  title: string
  url: string | null
  note: string | null
  created_by: string
  created_at: string
  deleted_at: string | null
  /** For kind 'file': the stored content, and the name the uploader gave it. */
  file_sha256: string | null
  file_name: string | null
  deleted_by: string | null
}

/** evidence.kind's CHECK constraint (migration 1030). */
export type EvidenceKindValue = 'link' | 'note' | 'file'

export interface CommentTable {
  id: string
  card_id: string
  school_id: string
  author_id: string
  body: string
  created_at: string
}

/** Append-only: nothing updates or deletes a row. Snapshots are derived from it. */
export interface ActivityTable {
  /** Monotonic within the database: the order of events, and the event stream's cursor. */
  seq: Generated<number>
  id: string
  school_id: string
  plan_id: string
  card_id: string | null
  actor_id: string | null
  at: string
  action: ActivityActionValue
  from_status: CardStatusValue | null
  to_status: CardStatusValue | null
  reason: string | null
  /** JSON of the action's detail (ActivityDetails in shared/src/activity.ts). */
  detail: string | null
}

/** The actions the log holds (no CHECK constraint: the log only grows, new actions are added). */
export type ActivityActionValue =
  | 'created'
  | 'edited'
  | 'assigned'
  | 'deleted'
  | 'restored'
  | 'carried_over'
  | 'start'
  | 'unstart'
  | 'submit'
  | 'withdraw'
  | 'send_back'
  | 'verify'
  | 'reopen'
  | 'evidence_added'
  | 'evidence_deleted'
  | 'evidence_linked'
  | 'evidence_code_changed'
  | 'commented'

export interface LeadMappingTable {
  school_id: string
  /** The lead text folded (no diacritics, lower case, single spaces). */
  lead_key: string
  user_id: string
  created_at: string
}

export interface EvidenceFileTable {
  sha256: string
  size: number
  mime_type: string
  created_at: string
}

export interface EvidenceLinkTable {
  evidence_id: string
  card_id: string
  linked_by: string
  created_at: string
}

export interface ReviewTable {
  id: string
  card_id: string
  plan_id: string
  school_id: string
  reviewer_id: string
  at: string
  verdict: 'verified' | 'sent_back'
  reason: string | null
  /** Which submission of the card this verdict answers: 1 for the first, 2 after one send-back… */
  submission: number
}

export interface InboxSeenTable {
  user_id: string
  seen_at: string
}

export interface MonthlySnapshotTable {
  id: string
  plan_id: string
  school_id: string
  /** 'YYYY-MM' in school time. */
  month: string
  kind: 'month_end' | 'on_demand'
  month_end_key: string | null
  taken_at: string
  taken_by: string | null
  /** JSON of the MonthlySummary (shared/src/snapshot.ts). Never updated. */
  data: string
}

export interface MonthlyRemarkTable {
  plan_id: string
  month: string
  text: string
  author_id: string
  updated_at: string
}

/**
 * A confirmed plan import and its undo (docs/decisions/022). `detail` is JSON of
 * ImportRecordDetail, `undo_detail` of ImportUndoDetail (server/src/plans/plan-import.repository.ts).
 */
export interface PlanImportTable {
  id: string
  school_id: string
  plan_id: string
  actor_id: string | null
  at: string
  file_name: string
  /** sha256 of the uploaded bytes, hex. */
  file_hash: string
  created_count: number
  updated_count: number
  unchanged_count: number
  detail: string
  undone_at: string | null
  undone_by: string | null
  undo_detail: string | null
}

/** What was done to an account or a school, by whom: append-only (migration 2026_12_03_0800). */
export interface AccountEventTable {
  id: string
  school_id: string | null
  actor_id: string | null
  /** The names at the time, beside the ids. */
  actor_name: string | null
  subject_id: string | null
  subject_name: string | null
  action: AccountEventActionValue
  /** JSON: roles before and after, for 'roles_changed'. */
  detail: string | null
  at: string
}

/** account_event.action's CHECK constraint (migration 2026_12_03_0800). */
export type AccountEventActionValue =
  | 'created'
  | 'password_reset'
  | 'roles_changed'
  | 'deactivated'
  | 'reactivated'
  | 'school_created'
  | 'school_deactivated'
  | 'school_reactivated'

/** A plan's monitoring body (migration 2026_12_04_0920); no row: the framework's default. */
export interface PlanCouncilTable {
  plan_id: string
  kind: CouncilKindValue
  updated_at: string
  updated_by: string | null
}

export interface PlanCouncilMemberTable {
  plan_id: string
  user_id: string
  title: CouncilTitleValue
  position: number
}

/** plan_council.kind's and plan_council_member.title's CHECK constraints. */
export type CouncilKindValue = 'monitoring_team' | 'self_assessment_council'
export type CouncilTitleValue = 'chair' | 'vice_chair' | 'secretary' | 'member'

/** A checkpoint review of a plan: table VI's row (shared/src/checkpoint-review.ts). */
export interface CheckpointReviewTable {
  id: string
  plan_id: string
  school_id: string
  checkpoint: CheckpointValue
  month: string
  source: CheckpointSourceValue
  opened_at: string
  opened_by: string | null
  monitored: string
  result: string
  adjustment: string
  assessor: string
  /** Set: signed off, locked until reopened. */
  signed_at: string | null
  signed_by: string | null
  updated_at: string
}

export type CheckpointValue = 'semester1' | 'yearEnd'
export type CheckpointSourceValue = 'log' | 'board'
export type CompletionLevelValue = 'done' | 'inProgress' | 'notDone'

/** A card as a review saw it, with its derived and chosen Mức độ thực hiện. */
export interface CheckpointReviewRowTable {
  review_id: string
  card_id: string
  position: number
  standard: string | null
  criterion: string | null
  title: string
  status_at: CardStatusValue
  due_month: string | null
  derived_level: CompletionLevelValue
  level: CompletionLevelValue
  reason: string | null
  changed_by: string | null
  changed_at: string | null
}

/** A review's log: append-only; `detail` is JSON of CheckpointEventDetails. */
export interface CheckpointEventTable {
  id: string
  review_id: string
  plan_id: string
  actor_id: string | null
  action: CheckpointEventActionValue
  reason: string | null
  detail: string | null
  at: string
  /** Order within the review: 1, 2, … */
  seq: number
}

export type CheckpointEventActionValue =
  'opened' | 'level_changed' | 'fields_changed' | 'signed' | 'reopened'

export type SchoolRow = Selectable<SchoolTable>
export type AppUserRow = Selectable<AppUserTable>
export type MembershipRow = Selectable<MembershipTable>
export type PlanRow = Selectable<PlanTable>
export type CardRow = Selectable<CardTable>
export type PlanProblemRow = Selectable<PlanProblemTable>
export type NewCard = Insertable<CardTable>
export type CardUpdate = Updateable<CardTable>
export type EvidenceRow = Selectable<EvidenceTable>
export type CommentRow = Selectable<CommentTable>
export type ActivityRow = Selectable<ActivityTable>
export type NewActivity = Insertable<ActivityTable>
export type FrameworkRow = Selectable<FrameworkTable>
export type FrameworkCriterionRow = Selectable<FrameworkCriterionTable>

/**
 * The column unions above are written out, as the migrations' CHECK constraints are: the
 * database holds what its migrations allow, not what today's code would like. These lines
 * tie each to the union the rules in @caitien/shared use, so that the two cannot drift: a
 * status, role, evidence kind or activity action added in shared fails to compile here
 * until a migration and this file say the database holds it too (and back). The CHECK
 * lists themselves are compared with shared's by db/src/schema-unions.test.ts.
 */
export type SchemaMatchesShared = [
  Assert<Equals<CardStatusValue, CardStatus>>,
  Assert<Equals<RoleValue, SchoolRole>>,
  Assert<Equals<BodyKindValue, BodyKind>>,
  Assert<Equals<EvidenceViewKindValue, EvidenceViewKind>>,
  Assert<Equals<ReviewVerdictValue, ReviewVerdict>>,
  Assert<Equals<EvidenceKindValue, EvidenceKind>>,
  Assert<Equals<ActivityActionValue, ActivityAction>>,
  Assert<Equals<PlanStateValue, PlanState>>,
  Assert<Equals<AccountEventActionValue, AccountEventAction>>,
  Assert<Equals<CouncilKindValue, CouncilKind>>,
  Assert<Equals<CouncilTitleValue, CouncilTitle>>,
  Assert<Equals<CheckpointValue, Checkpoint>>,
  Assert<Equals<CheckpointSourceValue, CheckpointSource>>,
  Assert<Equals<CompletionLevelValue, CompletionLevel>>,
  Assert<Equals<CheckpointEventActionValue, CheckpointEventAction>>,
]
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Assert<T extends true> = T
