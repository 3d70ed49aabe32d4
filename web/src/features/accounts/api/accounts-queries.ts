import type {
  AddPersonInput,
  ChangePasswordInput,
  CreateBodyInput,
  CreateOverseerInput,
  CreateSchoolInput,
  SchoolRole,
  UpdateProfileInput,
} from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'

const people = client.api.schools[':schoolId'].people
const person = people[':userId']

export const accountKeys = {
  people: (schoolId: string) => ['people', schoolId] as const,
  schools: ['admin', 'schools'] as const,
  bodies: ['admin', 'bodies'] as const,
  me: ['session', 'me'] as const,
}

export const peopleQueryOptions = (schoolId: string) =>
  queryOptions({
    queryKey: accountKeys.people(schoolId),
    queryFn: () => parseResponse(people.$get({ param: { schoolId } })),
  })

export type PeopleList = InferResponseType<typeof people.$get, 200>
export type Person = PeopleList['people'][number]
export type AccountEvent = PeopleList['events'][number]
export type StaffPreview = InferResponseType<(typeof people)['import']['preview']['$post'], 200>
export type StaffImportResult = InferResponseType<
  (typeof people)['import']['confirm']['$post'],
  200
>
export type OpenCard = InferResponseType<
  (typeof person)['deactivate']['$post'],
  200
>['openCards'][number]

/** Refreshes the people list after a change. */
function useRefreshPeople(schoolId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.people(schoolId) })
}

export function useAddPerson(schoolId: string) {
  const refresh = useRefreshPeople(schoolId)
  return useMutation({
    mutationFn: (input: AddPersonInput) =>
      parseResponse(people.$post({ param: { schoolId }, json: input })),
    onSuccess: refresh,
  })
}

/** The typed client has no form argument for an upload read by hand: the body is the form. */
function staffForm(file: File): FormData {
  const form = new FormData()
  form.append('file', file)
  return form
}

export function usePreviewStaffList(schoolId: string) {
  return useMutation({
    mutationFn: (file: File) =>
      parseResponse(
        people.import.preview.$post({ param: { schoolId } }, { init: { body: staffForm(file) } }),
      ),
  })
}

export function useImportStaffList(schoolId: string) {
  const refresh = useRefreshPeople(schoolId)
  return useMutation({
    mutationFn: (file: File) =>
      parseResponse(
        people.import.confirm.$post({ param: { schoolId } }, { init: { body: staffForm(file) } }),
      ),
    onSuccess: refresh,
  })
}

export function useSetRoles(schoolId: string) {
  const refresh = useRefreshPeople(schoolId)
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: SchoolRole[] }) =>
      parseResponse(person.roles.$put({ param: { schoolId, userId }, json: { roles } })),
    onSuccess: refresh,
  })
}

export function useDeactivate(schoolId: string) {
  const refresh = useRefreshPeople(schoolId)
  return useMutation({
    mutationFn: (userId: string) =>
      parseResponse(person.deactivate.$post({ param: { schoolId, userId } })),
    onSuccess: refresh,
  })
}

export function useReactivate(schoolId: string) {
  const refresh = useRefreshPeople(schoolId)
  return useMutation({
    mutationFn: (userId: string) =>
      parseResponse(person.reactivate.$post({ param: { schoolId, userId } })),
    onSuccess: refresh,
  })
}

export function useResetPassword(schoolId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) =>
      parseResponse(person['reset-password'].$post({ param: { schoolId, userId } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.people(schoolId) }),
        queryClient.invalidateQueries({ queryKey: accountKeys.schools }),
      ]),
  })
}

// ---------------------------------------------------------------------------------------
// One's own account.

export function useUpdateProfile() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: UpdateProfileInput) =>
      parseResponse(client.api.session.me.$patch({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.me }),
  })
}

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    // 'session' first: a wrong current password (403) is not an ended session.
    mutationKey: ['session', 'password'],
    mutationFn: (input: ChangePasswordInput) =>
      parseResponse(client.api.session.password.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.me }),
  })
}

export function useLogoutOthers() {
  return useMutation({
    mutationFn: () => parseResponse(client.api.session['logout-others'].$post()),
  })
}

// ---------------------------------------------------------------------------------------
// Schools, for the system administrator.

export const schoolsQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.schools,
    queryFn: () => parseResponse(client.api.admin.schools.$get()),
  })

export type AdminSchool = InferResponseType<
  typeof client.api.admin.schools.$get,
  200
>['schools'][number]

export function useCreateSchool() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateSchoolInput) =>
      parseResponse(client.api.admin.schools.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.schools }),
  })
}

export function useSetSchoolActive() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ schoolId, active }: { schoolId: string; active: boolean }) => {
      const school = client.api.admin.schools[':schoolId']
      return parseResponse(
        active
          ? school.reactivate.$post({ param: { schoolId } })
          : school.deactivate.$post({ param: { schoolId } }),
      )
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.schools }),
  })
}

// ---------------------------------------------------------------------------------------
// Overseeing bodies (docs/decisions/029): the administrator's list, and a body's accounts.

const adminBodies = client.api.admin.bodies

export const bodiesQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.bodies,
    queryFn: () => parseResponse(adminBodies.$get()),
  })

export type AdminBody = InferResponseType<typeof adminBodies.$get, 200>['bodies'][number]

export function useCreateBody() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateBodyInput) => parseResponse(adminBodies.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.bodies }),
  })
}

export function useSetBodySchools(bodyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (schoolIds: string[]) =>
      parseResponse(
        adminBodies[':bodyId'].schools.$put({ param: { bodyId }, json: { schoolIds } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.bodies }),
  })
}

/** A body's new overseer account: by the administrator, or by the body's lead. */
export function useAddOverseer(bodyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateOverseerInput) =>
      parseResponse(
        client.api.bodies[':bodyId'].overseers.$post({ param: { bodyId }, json: input }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.bodies }),
  })
}
