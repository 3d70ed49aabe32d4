import { QueryClient } from '@tanstack/react-query'
import { httpStatusOf } from './api-error'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // 4xx answers will not change by asking again.
      retry: (failureCount, error) => {
        const status = httpStatusOf(error)
        if (status !== null && status >= 400 && status < 500) return false
        return failureCount < 2
      },
    },
    mutations: { retry: false },
  },
})
