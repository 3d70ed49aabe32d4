import { z } from 'zod'
import { isMonth, type Month } from '../month.ts'
import { schoolIdParamSchema } from './people.ts'

const month = z.string().refine((v): v is Month => isMonth(v), 'a month written YYYY-MM')
const range = z.object({ start: month, end: month })

/** `/api/schools/:schoolId/calendars/:schoolYear`: a school year written "YYYY-YYYY". */
export const schoolCalendarParamSchema = schoolIdParamSchema.extend({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'schoolYear must look like "2026-2027"'),
})

/**
 * `PUT /api/schools/:schoolId/calendars/:schoolYear`: the months of semesters I and II. Their
 * order and the school year's bounds are the rule of schoolCalendarProblem, which the route
 * applies with the year of the address and words in the user's language.
 */
export const schoolCalendarInputSchema = z.object({ semester1: range, semester2: range })
export type SchoolCalendarInput = z.infer<typeof schoolCalendarInputSchema>
