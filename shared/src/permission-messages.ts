import { defineMessages, type Lang } from './messages.ts'
import type { PermissionRule } from './permissions.ts'

/** A refusal by a rule of permissions.ts, in the words the person reads (403). */
export const permissionMessages = defineMessages(
  {
    manage_plan:
      'Chỉ Hiệu trưởng mới được tạo, nhập, sửa, xoá kế hoạch và hoạt động, phân công và chốt số liệu.',
    see_progress:
      'Tiến độ hằng tháng và danh sách chờ xác nhận dành cho Tổ giám sát và Hiệu trưởng.',
    review: 'Chỉ thành viên Tổ giám sát mới được xác nhận, trả lại và ghi nhận xét.',
    comment: 'Chỉ thành viên của trường mới được bình luận.',
    member: 'Bạn không thuộc trường này.',
    manage_people:
      'Chỉ Hiệu trưởng, Phó hiệu trưởng (và quản trị hệ thống) mới được quản lý cán bộ, giáo viên của trường.',
    manage_schools: 'Chỉ quản trị hệ thống mới được quản lý các trường.',
    run_checkpoint:
      'Chỉ Hiệu trưởng hoặc người đứng đầu hội đồng (tổ) theo dõi kế hoạch mới được mở, ký duyệt và mở lại đợt rà soát.',
    edit_checkpoint:
      'Chỉ Hiệu trưởng và thành viên hội đồng (tổ) theo dõi kế hoạch mới được sửa đợt rà soát.',
    set_calendar:
      'Chỉ Hiệu trưởng mới được đặt lịch năm học (các tháng của học kỳ I và học kỳ II).',
    oversee_read_only:
      'Cơ quan quản lý chỉ xem kế hoạch của trường, không thay đổi nội dung nào của kế hoạch.',
    manage_body_accounts:
      'Chỉ quản trị hệ thống và trưởng bộ phận của cơ quan quản lý mới được tạo tài khoản của cơ quan.',
  } satisfies Record<PermissionRule, string>,
  {
    manage_plan:
      'Only the principal may create, import, edit and delete plans and actions, assign people and take snapshots.',
    see_progress:
      'Monthly progress and the review queue are for the monitoring team and the principal.',
    review: 'Only members of the monitoring team may verify, send back and write remarks.',
    comment: 'Only members of the school may comment.',
    member: 'You are not a member of this school.',
    manage_people:
      "Only the principal, vice-principals (and the system administrator) may manage the school's people.",
    manage_schools: 'Only the system administrator may manage schools.',
    run_checkpoint:
      "Only the principal or the chair of the plan's council (or team) may open, sign off and reopen a review.",
    edit_checkpoint:
      "Only the principal and members of the plan's council (or team) may edit a review.",
    set_calendar:
      "Only the principal may set the school year's calendar (the months of semesters I and II).",
    oversee_read_only: "An overseeing body reads a school's plan and changes nothing of it.",
    manage_body_accounts:
      "Only the system administrator and the body's lead may create the body's accounts.",
  },
)

export function permissionRefusal(rule: PermissionRule, lang: Lang = 'vi'): string {
  return permissionMessages[lang][rule]
}
