import { defineMessages, type Lang } from './messages.ts'
import { formatMonth } from './month.ts'
import { schoolYearSpan, type SchoolCalendarProblem } from './school-calendar.ts'

/** Why a school's calendar was refused (schoolCalendarProblem), as the server answers it (400). */
export const schoolCalendarMessages = defineMessages(
  {
    unknownYear: (p: { schoolYear: string }) =>
      `“${p.schoolYear}” không phải là một năm học (viết như 2026-2027).`,
    semester1Reversed: 'Tháng kết thúc học kỳ I không được trước tháng bắt đầu.',
    semester2Reversed: 'Tháng kết thúc học kỳ II không được trước tháng bắt đầu.',
    outsideYear: (p: { schoolYear: string; from: string; to: string }) =>
      `Các tháng của học kỳ phải nằm trong năm học ${p.schoolYear}, từ tháng ${p.from} đến tháng ${p.to}.`,
    overlap:
      'Học kỳ II phải bắt đầu từ tháng kết thúc học kỳ I trở về sau: hai học kỳ không được chồng lên nhau.',
  } satisfies Record<SchoolCalendarProblem, unknown>,
  {
    unknownYear: (p) => `"${p.schoolYear}" is not a school year (write it as 2026-2027).`,
    semester1Reversed: 'Semester I cannot end before the month it starts.',
    semester2Reversed: 'Semester II cannot end before the month it starts.',
    outsideYear: (p) =>
      `The semesters' months must lie inside the school year ${p.schoolYear}, from ${p.from} to ${p.to}.`,
    overlap:
      'Semester II must start in the month semester I ends or later: the semesters cannot overlap.',
  },
)

/** A calendar's refusal in one language, with the school year's bounds where it names them. */
export function schoolCalendarProblemText(
  problem: SchoolCalendarProblem,
  schoolYear: string,
  lang: Lang,
): string {
  const m = schoolCalendarMessages[lang]
  switch (problem) {
    case 'unknownYear':
      return m.unknownYear({ schoolYear })
    case 'outsideYear': {
      const span = schoolYearSpan(schoolYear)
      return m.outsideYear({
        schoolYear,
        from: span ? formatMonth(span.start) : '',
        to: span ? formatMonth(span.end) : '',
      })
    }
    case 'semester1Reversed':
    case 'semester2Reversed':
    case 'overlap':
      return m[problem]
  }
}
