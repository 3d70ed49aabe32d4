import { hc } from 'hono/client'
import type { AppType } from './app.ts'

/** The typed API client: web never spells a response type (STYLE B4). */
export type ApiClient = ReturnType<typeof hc<AppType>>
export const createApiClient = (...args: Parameters<typeof hc>): ApiClient => hc<AppType>(...args)
