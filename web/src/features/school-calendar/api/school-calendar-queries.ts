import type { SchoolCalendarInput } from '@caitien/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { parseResponse, type InferResponseType } from 'hono/client'
import { client } from '@/lib/api-client'

const calendars = client.api.schools[':schoolId'].calendars[':schoolYear']

export const schoolCalendarKeys = {
  one: (schoolId: string, schoolYear: string) => ['school-calendar', schoolId, schoolYear] as const,
}

export const schoolCalendarQueryOptions = (schoolId: string, schoolYear: string) =>
  queryOptions({
    queryKey: schoolCalendarKeys.one(schoolId, schoolYear),
    queryFn: () => parseResponse(calendars.$get({ param: { schoolId, schoolYear } })),
  })

export type LoadedSchoolCalendar = InferResponseType<(typeof calendars)['$get'], 200>

/** Saves the school's calendar for a year; `onSaved` refreshes what reads its months. */
export function useSaveSchoolCalendar(
  schoolId: string,
  schoolYear: string,
  onSaved: () => Promise<void> | void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: SchoolCalendarInput) =>
      parseResponse(calendars.$put({ param: { schoolId, schoolYear }, json })),
    onSuccess: async ({ calendar, custom, defaults, span }) => {
      queryClient.setQueryData(schoolCalendarKeys.one(schoolId, schoolYear), {
        calendar,
        custom,
        defaults,
        span,
      })
      await onSaved()
    },
  })
}
