import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ToastProvider } from '@/components/ui/toast'
import { commonMessages } from '@/lib/common-messages'
import { I18nProvider, useMessages } from '@/lib/i18n'
import { queryClient } from '@/lib/query-client'

function LocalizedToasts({ children }: { children: ReactNode }) {
  const common = useMessages(commonMessages)
  return <ToastProvider closeLabel={common.close}>{children}</ToastProvider>
}

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalizedToasts>{children}</LocalizedToasts>
      </I18nProvider>
    </QueryClientProvider>
  )
}
