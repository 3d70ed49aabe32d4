import type { Executor } from '@caitien/db'
import { sql } from 'kysely'

/**
 * PostgreSQL's NOTIFY on a channel, through the pool (docs/decisions/028): every server
 * process LISTENing on the channel receives the payload, once the sending transaction (here
 * the statement itself) commits.
 */
export async function notifyChannel(db: Executor, channel: string, payload: string) {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db)
}
