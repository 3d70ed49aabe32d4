import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from './create-db.ts'
import { migrateDownAll, migrateToLatest } from './migrate.ts'

let db: Db | undefined
afterEach(async () => {
  await db?.destroy()
})

async function tableNames(d: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table'
      and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(d)
  return rows.rows.map((r) => r.name)
}

describe('migrations', () => {
  it('go up, all the way down and up again', async () => {
    db = createDb({ file: ':memory:' })
    await migrateToLatest(db)
    const tables = await tableNames(db)
    expect(tables).toEqual([
      'account_event',
      'activity',
      'app_user',
      'auth_session',
      'body_member',
      'card',
      'card_assignee',
      'checkpoint_event',
      'checkpoint_review',
      'checkpoint_review_row',
      'comment',
      'evidence',
      'evidence_file',
      'evidence_link',
      'evidence_view',
      'framework',
      'framework_criterion',
      'inbox_seen',
      'lead_mapping',
      'login_device',
      'login_throttle',
      'membership',
      'monthly_remark',
      'monthly_snapshot',
      'overseeing_body',
      'oversight',
      'plan',
      'plan_council',
      'plan_council_member',
      'plan_import',
      'plan_problem',
      'review',
      'review_answer',
      'school',
      'school_calendar',
    ])
    await migrateDownAll(db)
    expect(await tableNames(db)).toEqual([])
    await migrateToLatest(db)
    expect(await tableNames(db)).toEqual(tables)
  })

  it('refuses a card status outside the workflow', async () => {
    db = createDb({ file: ':memory:' })
    await migrateToLatest(db)
    const now = new Date().toISOString()
    await db
      .insertInto('school')
      .values({ id: 's', name: 'S', school_level: 'other', created_at: now })
      .execute()
    await db
      .insertInto('plan')
      .values({
        id: 'p',
        school_id: 's',
        title: 'P',
        school_year: '2025-2026',
        framework_id: null,
        state: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute()
    const insert = db
      .insertInto('card')
      .values({
        id: 'c',
        plan_id: 'p',
        school_id: 's',
        status: 'done' as never,
        position: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await expect(insert).rejects.toThrow(/CHECK constraint failed/)
  })
})
