import './lib/zod-jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { startEarlyLoads } from './app/early-loads'
import { AppProvider } from './app/provider'
import { queryClient } from './lib/query-client'
import './styles.css'

startEarlyLoads(queryClient)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
)
