import { createPgClient } from './create-db.ts'

export interface PgListener {
  /** Resolves once the first LISTEN is in place: notifications sent after it arrive. */
  ready: Promise<void>
  /**
   * NOTIFYs the channel from this same connection (every listener receives it, this one
   * too), outside the app's pool: no request waits for it, and no query count sees it.
   * Rejects while the connection is being replaced.
   */
  notify: (payload: string) => Promise<void>
  close: () => Promise<void>
}

/** How long to wait before listening again after the connection was lost. */
const RECONNECT_MS = 1000

/**
 * LISTENs (and NOTIFYs) on a PostgreSQL channel on a connection of its own (a pooled connection cannot
 * hold a LISTEN: it goes back to the pool) and calls `onPayload` with each notification's
 * text. A lost connection is replaced after a second; `onReconnect` is called then, since
 * notifications sent in between are lost (listeners refetch).
 */
export function listenPg(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  options: { onReconnect?: () => void; log?: (line: string) => void } = {},
): PgListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`)
  let closed = false
  let client: ReturnType<typeof createPgClient> | null = null
  let retry: NodeJS.Timeout | null = null

  async function connect(): Promise<void> {
    const next = createPgClient(url)
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload)
    })
    next.on('error', (err) => {
      options.log?.(`listen ${channel}: ${err.message}`)
      lost(next)
    })
    next.on('end', () => lost(next))
    client = next
    await next.connect()
    await next.query(`listen ${channel}`)
  }

  function lost(which: ReturnType<typeof createPgClient>) {
    if (closed || client !== which) return
    client = null
    which.end().catch(ignore)
    retry = setTimeout(() => {
      retry = null
      connect().then(
        () => options.onReconnect?.(),
        (err: Error) => {
          options.log?.(`listen ${channel}: ${err.message}`)
          if (client) lost(client)
        },
      )
    }, RECONNECT_MS)
    retry.unref()
  }

  // One NOTIFY at a time on the connection: they are sent without waiting, and pg@9 will
  // no longer queue a query sent while another runs.
  let sending: Promise<void> = Promise.resolve()
  return {
    ready: connect(),
    notify: (payload) => {
      const send = async () => {
        if (!client) throw new Error(`listen ${channel}: not connected`)
        await client.query('select pg_notify($1, $2)', [channel, payload])
      }
      const sent = sending.then(send, send)
      sending = sent.catch(ignore)
      return sent
    },
    close: async () => {
      closed = true
      if (retry) clearTimeout(retry)
      const last = client
      client = null
      await last?.end().catch(ignore)
    },
  }
}

/** For a promise or an event whose failure needs no handling (a closing connection). */
function ignore(): void {
  // nothing to do
}
