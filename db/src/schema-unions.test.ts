import {
  ACCOUNT_EVENT_ACTIONS,
  CARD_STATUSES,
  EVIDENCE_KINDS,
  PLAN_STATES,
  SCHOOL_ROLES,
  BODY_KINDS,
  EVIDENCE_VIEW_KINDS,
  REVIEW_VERDICTS,
  CHECKPOINTS,
  CHECKPOINT_EVENT_ACTIONS,
  CHECKPOINT_SOURCES,
  COMPLETION_LEVELS,
  COUNCIL_KINDS,
  COUNCIL_TITLES,
} from '@caitien/shared'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from './create-db.ts'
import { migrateToLatest } from './migrate.ts'

let db: Db
beforeAll(async () => {
  db = createDb({ file: ':memory:' })
  await migrateToLatest(db)
})
afterAll(async () => {
  await db.destroy()
})

/** The values a column's `CHECK (column in (…))` allows, read from the migrated database. */
async function checkList(table: string, column: string): Promise<string[]> {
  const { rows } = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db)
  const match = new RegExp(`\\b${column}\\s+in\\s*\\(([^)]*)\\)`, 'i').exec(rows[0]?.sql ?? '')
  if (!match) throw new Error(`no CHECK list on ${table}.${column}`)
  return [...match[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!)
}

// schema.ts ties its column types to shared's unions at compile time; this ties the
// frozen CHECK constraints of the migrations to the same lists.
describe('the CHECK constraints allow exactly the values of shared', () => {
  it.each([
    ['card', 'status', CARD_STATUSES],
    ['membership', 'role', SCHOOL_ROLES],
    ['overseeing_body', 'kind', BODY_KINDS],
    ['evidence_view', 'kind', EVIDENCE_VIEW_KINDS],
    ['review_answer', 'verdict', REVIEW_VERDICTS],
    ['evidence', 'kind', EVIDENCE_KINDS],
    ['plan', 'state', PLAN_STATES],
    ['account_event', 'action', ACCOUNT_EVENT_ACTIONS],
    ['plan_council', 'kind', COUNCIL_KINDS],
    ['plan_council_member', 'title', COUNCIL_TITLES],
    ['checkpoint_review', 'checkpoint', CHECKPOINTS],
    ['checkpoint_review', 'source', CHECKPOINT_SOURCES],
    ['checkpoint_review_row', 'level', COMPLETION_LEVELS],
    ['checkpoint_review_row', 'derived_level', COMPLETION_LEVELS],
    ['checkpoint_review_row', 'status_at', CARD_STATUSES],
    ['checkpoint_event', 'action', CHECKPOINT_EVENT_ACTIONS],
  ] as const)('%s.%s', async (table, column, values) => {
    expect((await checkList(table, column)).sort()).toEqual([...values].sort())
  })
})
