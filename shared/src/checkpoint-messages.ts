import type { CheckpointChangeRefusal, CheckpointOpenRefusal } from './checkpoint-review.ts'
import type { Checkpoint } from './forms/tt57-bieu-2.ts'
import { defineMessages } from './messages.ts'

type Moment = { moment: string }

/**
 * What the server answers about checkpoint reviews and a plan's council (checkpoint-review.ts,
 * council.ts). `moment` is the checkpoint as the form names it (checkpointNames).
 */
export const checkpointMessages = defineMessages(
  {
    already_open: (p: Moment) => `Đợt rà soát “${p.moment}” đã được mở rồi.`,
    too_early: (p: Moment & { month: string }) =>
      `Chưa đến thời điểm rà soát “${p.moment}” (tháng ${p.month}). Nếu trường rà soát sớm, hãy xác nhận mở sớm: số liệu sẽ lấy theo bảng công việc hôm nay.`,
    signed: (p: Moment & { by: string; at: string }) =>
      `Đợt rà soát “${p.moment}” đã được ${p.by} ký duyệt lúc ${p.at} nên không sửa được nữa. Muốn sửa, hãy mở lại đợt rà soát và ghi lý do.`,
    not_signed: (p: Moment) => `Đợt rà soát “${p.moment}” chưa ký duyệt nên không cần mở lại.`,
    levelReasonRequired: 'Hãy ghi lý do khi đổi mức độ thực hiện: lý do được lưu cùng đợt rà soát.',
    reopenReasonRequired: 'Hãy ghi lý do mở lại đợt rà soát đã ký duyệt.',
    notOpened: (p: Moment) =>
      `Đợt rà soát “${p.moment}” chưa được mở. Hiệu trưởng hoặc Chủ tịch hội đồng mở đợt rà soát trước.`,
    notInReview: 'Hoạt động này không có trong đợt rà soát.',
    noSchoolYear:
      'Năm học của kế hoạch không đúng dạng “2026-2027” nên không xác định được thời điểm rà soát.',
    councilNotMember: 'Có người trong danh sách không thuộc trường hoặc đã nghỉ.',
    councilTwoChairs: 'Hội đồng (hoặc Tổ) chỉ có một người đứng đầu.',
  } satisfies Record<
    Exclude<CheckpointOpenRefusal | CheckpointChangeRefusal, 'reason_required'>,
    unknown
  > &
    Record<string, unknown>,
  {
    already_open: (p) => `The review "${p.moment}" is already open.`,
    too_early: (p) =>
      `It is not yet time for the review "${p.moment}" (${p.month}). If the school reviews early, confirm the early opening: the figures will be taken from today's board.`,
    signed: (p) =>
      `The review "${p.moment}" was signed off by ${p.by} at ${p.at}, so it can no longer be edited. To edit it, reopen the review with a reason.`,
    not_signed: (p) => `The review "${p.moment}" is not signed off, so there is nothing to reopen.`,
    levelReasonRequired:
      'Give a reason for changing the completion level: it is kept with the review.',
    reopenReasonRequired: 'Give a reason for reopening a signed review.',
    notOpened: (p) =>
      `The review "${p.moment}" has not been opened. The principal or the council's chair opens it first.`,
    notInReview: 'This action is not part of the review.',
    noSchoolYear:
      'The plan\'s school year is not written like "2026-2027", so its review months are unknown.',
    councilNotMember: 'Someone in the list is not (or no longer) a member of the school.',
    councilTwoChairs: 'The council (or team) has only one chair.',
  },
)

/** The checkpoints as table VI names them (the form's words: tt57-bieu-2.ts), per language. */
export const checkpointNames = defineMessages<Record<Checkpoint, string>>(
  { semester1: 'Cuối học kỳ I', yearEnd: 'Cuối năm học' },
  { semester1: 'End of semester I', yearEnd: 'End of the school year' },
)

/**
 * The texts a new review is prefilled with. They are the school's document, so they are
 * written in Vietnamese whatever the opener's language; the English entries exist for the
 * catalogue's shape and for an English-speaking reader of the API.
 */
export const checkpointPrefill = defineMessages(
  {
    monitored_semester1: (p: { n: number }) =>
      `Tiến độ và kết quả thực hiện ${p.n} hoạt động cải tiến của kế hoạch đến cuối học kỳ I; minh chứng đã nộp và đã được xác nhận.`,
    monitored_yearEnd: (p: { n: number }) =>
      `Kết quả thực hiện ${p.n} hoạt động cải tiến của kế hoạch đến cuối năm học; minh chứng đã nộp và đã được xác nhận.`,
    result: (p: { n: number; done: number; inProgress: number; notDone: number }) =>
      `Hoàn thành ${p.done}/${p.n} hoạt động; đang thực hiện ${p.inProgress}; chưa hoàn thành ${p.notDone}.`,
    assessor: (p: { body: string }) => p.body,
    assessorWithChair: (p: { body: string; title: string; name: string }) =>
      `${p.body} (${p.title}: ${p.name})`,
  } satisfies Record<`monitored_${Checkpoint}`, unknown> & Record<string, unknown>,
  {
    monitored_semester1: (p) =>
      `Progress and results of the plan's ${p.n} improvement actions at the end of semester I; evidence submitted and verified.`,
    monitored_yearEnd: (p) =>
      `Results of the plan's ${p.n} improvement actions at the end of the school year; evidence submitted and verified.`,
    result: (p) =>
      `Completed ${p.done} of ${p.n} actions; ${p.inProgress} in progress; ${p.notDone} not completed.`,
    assessor: (p) => p.body,
    assessorWithChair: (p) => `${p.body} (${p.title}: ${p.name})`,
  },
)
