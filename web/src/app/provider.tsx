import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ToastProvider } from '@/components/ui/toast'
import { I18nProvider, useI18n } from '@/lib/i18n'
import { queryClient } from '@/lib/query-client'

function LocalizedToasts({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  return <ToastProvider closeLabel={t('close')}>{children}</ToastProvider>
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
