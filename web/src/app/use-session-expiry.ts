import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { sessionKeys } from '@/features/auth/api/session-queries'
import { httpStatusOf } from '@/lib/api-error'

/** Any 401 means the session ended (expired, logged out elsewhere): show the login page. */
export function useSessionExpiry() {
  const queryClient = useQueryClient()
  useEffect(() => {
    const onError = (error: unknown) => {
      if (httpStatusOf(error) === 401) queryClient.setQueryData(sessionKeys.me, null)
    }
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error)
    })
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        // A wrong password on the login form is a 401 too; that one is not an expiry.
        const key = event.mutation.options.mutationKey
        if (!key || key[0] !== 'session') onError(event.action.error)
      }
    })
    return () => {
      unsubscribeQueries()
      unsubscribeMutations()
    }
  }, [queryClient])
}
