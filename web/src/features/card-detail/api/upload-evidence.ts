import type { ApiError } from '@caitien/shared'
import type { InferResponseType } from 'hono/client'
import { client } from '@/lib/api-client'

type UploadEndpoint = (typeof client.api.cards)[':cardId']['evidence']['files']['$post']
export type UploadedEvidence = InferResponseType<UploadEndpoint, 201>['evidence']

/** A refused or failed upload: the server's code and words when it gave any. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'UploadError'
  }
}

/**
 * Sends one file as the raw request body (the route streams it to disk under its own
 * limit). XMLHttpRequest rather than fetch: only it reports upload progress. The typed
 * client still builds the URL, so a renamed route fails the type check.
 */
export function uploadEvidenceFile(
  cardId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<UploadedEvidence> {
  const url = client.api.cards[':cardId'].evidence.files.$url({
    param: { cardId },
    query: { name: file.name },
  })
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url.href)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.responseType = 'json'
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      const body = xhr.response as { evidence?: UploadedEvidence } | ApiError | null
      if (xhr.status === 201 && body && 'evidence' in body && body.evidence) {
        onProgress(1)
        resolve(body.evidence)
        return
      }
      const error = body && 'error' in body ? body.error : null
      reject(new UploadError(xhr.status, error?.code ?? 'http_error', error?.message ?? ''))
    }
    xhr.onerror = () => reject(new UploadError(0, 'network', ''))
    xhr.onabort = () => reject(new UploadError(0, 'aborted', ''))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}
