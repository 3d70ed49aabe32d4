import { createApiClient } from '@caitien/server/client'

// hc joins paths onto its base; an absolute origin keeps that unambiguous in every version.
const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin

export const client = createApiClient(origin)
