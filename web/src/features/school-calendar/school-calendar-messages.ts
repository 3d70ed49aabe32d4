import { defineMessages } from '@caitien/shared'

/** The school calendar's section of a plan's settings: loaded with its lazy chunk. */
export const schoolCalendarUiMessages = defineMessages(
  {
    title: 'Lịch năm học',
    intro: (p: { year: string }) =>
      `Các tháng của học kỳ I và học kỳ II năm học ${p.year} của trường. Thời gian “Học kỳ I”, “Cuối học kỳ I”… trong kế hoạch và các đợt rà soát định kỳ tính theo lịch này.`,
    usingDefault: 'Trường đang dùng lịch mặc định.',
    usingOwn: 'Trường đã đặt lịch riêng cho năm học này.',
    semester1: 'Học kỳ I',
    semester2: 'Học kỳ II',
    from: 'Từ tháng',
    to: 'Đến tháng',
    bounds: (p: { from: string; to: string }) =>
      `Các tháng nằm trong năm học, từ tháng ${p.from} đến tháng ${p.to}.`,
    checkpoints: (p: { semester1: string; yearEnd: string }) =>
      `Rà soát cuối học kỳ I: tháng ${p.semester1}. Rà soát cuối năm học: tháng ${p.yearEnd}.`,
    save: 'Lưu lịch năm học',
    saved: 'Đã lưu lịch năm học.',
    savedCards: (p: { n: number }) =>
      `Đã lưu lịch năm học. Tháng thực hiện của ${p.n} hoạt động được tính lại theo lịch mới.`,
    principalOnly: 'Chỉ Hiệu trưởng đặt lịch năm học; mọi thành viên của trường xem được.',
    loadFailed: 'Không tải được lịch năm học.',
    saveFailed: 'Không lưu được lịch năm học.',
  },
  {
    title: 'School-year calendar',
    intro: (p) =>
      `The months of semesters I and II of the school's ${p.year} school year. Timeframes such as "Học kỳ I" or "Cuối học kỳ I" in the plan, and the checkpoint reviews, follow this calendar.`,
    usingDefault: 'The school uses the default calendar.',
    usingOwn: 'The school has set its own calendar for this school year.',
    semester1: 'Semester I',
    semester2: 'Semester II',
    from: 'From',
    to: 'To',
    bounds: (p) => `Months lie inside the school year, from ${p.from} to ${p.to}.`,
    checkpoints: (p) =>
      `End-of-semester-I review: ${p.semester1}. End-of-year review: ${p.yearEnd}.`,
    save: 'Save the calendar',
    saved: 'The calendar is saved.',
    savedCards: (p) =>
      p.n === 1
        ? 'The calendar is saved. The months of 1 action were read again with it.'
        : `The calendar is saved. The months of ${p.n} actions were read again with it.`,
    principalOnly: 'Only the principal sets the calendar; every member of the school can read it.',
    loadFailed: 'The calendar could not be loaded.',
    saveFailed: 'The calendar could not be saved.',
  },
)
