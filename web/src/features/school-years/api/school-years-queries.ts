import { queryOptions } from '@tanstack/react-query'
import { parseResponse, type InferResponseType } from 'hono/client'
import { client } from '@/lib/api-client'

const years = client.api.schools[':schoolId'].years

export const schoolYearsQueryOptions = (schoolId: string) =>
  queryOptions({
    queryKey: ['school-years', schoolId] as const,
    queryFn: () => parseResponse(years.$get({ param: { schoolId } })),
  })

export type SchoolYears = InferResponseType<(typeof years)['$get'], 200>

/** The workbook's address: a plain link downloads it. */
export const schoolYearsExportHref = (schoolId: string) =>
  years.export.$url({ param: { schoolId } }).pathname
