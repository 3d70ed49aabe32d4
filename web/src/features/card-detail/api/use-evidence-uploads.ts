import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { cardKeys } from './card-queries'
import { UploadError, uploadEvidenceFile } from './upload-evidence'

export interface Upload {
  id: number
  name: string
  size: number
  state: 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled'
  /** 0…1 while uploading. */
  progress: number
  /** The code the server gave the new item. */
  code: string | null
  /** The server's words for a refusal; empty when it gave none (network failure). */
  message: string
}

interface Job {
  id: number
  file: File
  controller: AbortController
}

const DONE_VISIBLE_MS = 5000

/**
 * Files chosen or dropped on a card, sent one after the other, each with its own
 * progress. A refusal (too large, wrong type, card verified) stays listed with the
 * server's message until dismissed; the other files still go. Leaving the card aborts
 * what is still running.
 */
export function useEvidenceUploads(cardId: string, onUploaded: () => void) {
  const queryClient = useQueryClient()
  const [uploads, setUploads] = useState<Upload[]>([])
  const queue = useRef<Job[]>([])
  const current = useRef<Job | null>(null)
  const nextId = useRef(1)
  const timers = useRef<number[]>([])
  const onUploadedRef = useRef(onUploaded)
  onUploadedRef.current = onUploaded

  const update = useCallback((id: number, patch: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...patch } : u)))
  }, [])

  const remove = useCallback((id: number) => {
    setUploads((list) => list.filter((u) => u.id !== id))
  }, [])

  const drain = useCallback(async () => {
    if (current.current) return
    let job = queue.current.shift()
    while (job) {
      current.current = job
      const { id } = job
      update(id, { state: 'uploading' })
      try {
        const created = await uploadEvidenceFile(
          cardId,
          job.file,
          (progress) => update(id, { progress }),
          job.controller.signal,
        )
        update(id, { state: 'done', progress: 1, code: created.code })
        timers.current.push(window.setTimeout(() => remove(id), DONE_VISIBLE_MS))
        void queryClient.invalidateQueries({ queryKey: cardKeys.detail(cardId) })
        onUploadedRef.current()
      } catch (err) {
        const aborted = err instanceof UploadError && err.code === 'aborted'
        update(id, {
          state: aborted ? 'cancelled' : 'failed',
          message: err instanceof UploadError ? err.message : '',
        })
      }
      job = queue.current.shift()
    }
    current.current = null
  }, [cardId, queryClient, remove, update])

  const add = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return
      const jobs = files.map((file) => ({
        id: nextId.current++,
        file,
        controller: new AbortController(),
      }))
      queue.current.push(...jobs)
      setUploads((list) => [
        ...list.filter((u) => u.state !== 'done'),
        ...jobs.map((j): Upload => ({
          id: j.id,
          name: j.file.name,
          size: j.file.size,
          state: 'waiting',
          progress: 0,
          code: null,
          message: '',
        })),
      ])
      void drain()
    },
    [drain],
  )

  const cancel = useCallback(
    (id: number) => {
      if (current.current?.id === id) {
        current.current.controller.abort()
        return
      }
      queue.current = queue.current.filter((j) => j.id !== id)
      update(id, { state: 'cancelled' })
    },
    [update],
  )

  useEffect(
    () => () => {
      current.current?.controller.abort()
      queue.current = []
      for (const t of timers.current) window.clearTimeout(t)
    },
    [],
  )

  const busy = uploads.some((u) => u.state === 'waiting' || u.state === 'uploading')
  return { uploads, add, cancel, dismiss: remove, busy }
}
