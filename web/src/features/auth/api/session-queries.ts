import type { LoginInput } from '@caitien/shared'
import { parseResponse, type InferResponseType } from 'hono/client'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { client } from '@/lib/api-client'
import { httpStatusOf } from '@/lib/api-error'

export const sessionKeys = { me: ['session', 'me'] as const, demo: ['session', 'demo'] as const }

/** Who is logged in; null when nobody is (the server answers 401). */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.me,
    queryFn: async () => {
      try {
        return await parseResponse(client.api.session.me.$get())
      } catch (error) {
        if (httpStatusOf(error) === 401) return null
        throw error
      }
    },
    staleTime: 5 * 60_000,
  })

export type Me = InferResponseType<typeof client.api.session.me.$get, 200>

/** Is this server a public demo (and its password)? Asked by the login page. */
export const demoQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.demo,
    queryFn: () => parseResponse(client.api.session.demo.$get()),
    staleTime: Infinity,
  })

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['session', 'login'],
    mutationFn: (input: LoginInput) =>
      parseResponse(client.api.session.login.$post({ json: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionKeys.me })
    },
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['session', 'logout'],
    mutationFn: () => parseResponse(client.api.session.logout.$post()),
    onSettled: () => {
      // Show the login page first, then forget everything the last user could see.
      queryClient.setQueryData(sessionKeys.me, null)
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.me[0] })
    },
  })
}
