import type { QueryClient } from '@tanstack/react-query'

/**
 * What a board's own moves and its live events tell each other, per plan. A move's answer
 * already carries the card as the server stored it, so the board needs no refetch after
 * it (the whole board of a 5,000-card plan is over 3 MB of JSON to parse), and the live
 * event that echoes the move back is not news. Events that arrive while a move is in
 * flight are not applied then (the board would flash back); the move refetches after.
 *
 * The state belongs to the query client whose cache holds the board: two clients (two
 * apps in one page, two tests) never see each other's moves or events.
 */
const ECHOES_KEPT = 64

interface BoardSync {
  /** Per plan: the events (`cardId@version`, or '?' when unreadable) skipped during a move. */
  missed: Map<string, string[]>
  /** Per plan: the versions of cards our own moves put on the board, oldest first. */
  echoes: Map<string, string[]>
}

const byClient = new WeakMap<QueryClient, BoardSync>()

function syncOf(client: QueryClient): BoardSync {
  let sync = byClient.get(client)
  if (!sync) {
    sync = { missed: new Map(), echoes: new Map() }
    byClient.set(client, sync)
  }
  return sync
}

/** An event came while a move of ours was in flight: the move decides once it settles. */
export function noteMissedEvent(
  client: QueryClient,
  planId: string,
  cardId: string | null,
  version: unknown,
): void {
  const { missed } = syncOf(client)
  const list = missed.get(planId) ?? []
  list.push(cardId === null ? '?' : `${cardId}@${String(version)}`)
  missed.set(planId, list)
}

/**
 * Whether events other than the echo of the move that just succeeded were missed (and
 * forget them all). The echo often arrives before the move's own answer.
 */
export function takeMissedEvents(
  client: QueryClient,
  planId: string,
  own?: { cardId: string; version: number },
): boolean {
  const { missed } = syncOf(client)
  const list = missed.get(planId) ?? []
  missed.delete(planId)
  const echo = own ? `${own.cardId}@${own.version}` : null
  return list.some((event) => event !== echo)
}

/** Our move's answer put this version of the card on the board. */
export function noteOwnMove(
  client: QueryClient,
  planId: string,
  cardId: string,
  version: number,
): void {
  const { echoes } = syncOf(client)
  const list = echoes.get(planId) ?? []
  list.push(`${cardId}@${version}`)
  if (list.length > ECHOES_KEPT) list.shift()
  echoes.set(planId, list)
}

/** Whether a live event is the echo of one of our moves (each echo is recognised once). */
export function isOwnMoveEcho(
  client: QueryClient,
  planId: string,
  cardId: string,
  version: unknown,
): boolean {
  const list = syncOf(client).echoes.get(planId)
  const at = list?.indexOf(`${cardId}@${String(version)}`) ?? -1
  if (at === -1) return false
  list!.splice(at, 1)
  return true
}
