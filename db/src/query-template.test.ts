import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from './create-db.ts'
import { migrateToLatest } from './migrate.ts'
import { queryTemplate, type Param } from './query-template.ts'

let db: Db
let sqlTexts: string[]
beforeEach(async () => {
  sqlTexts = []
  db = createDb({
    file: ':memory:',
    onQuery: (e) => {
      if (e.level === 'query') sqlTexts.push(e.query.sql)
    },
  })
  await migrateToLatest(db)
  await db
    .insertInto('school')
    .values([
      {
        id: 's1',
        name: 'Trường A',
        school_level: 'primary',
        created_at: '2026-09-01T00:00:00.000Z',
      },
      {
        id: 's2',
        name: 'Trường B',
        school_level: 'primary',
        created_at: '2026-09-02T00:00:00.000Z',
      },
      {
        id: 's3',
        name: 'Trường C',
        school_level: 'primary',
        created_at: '2026-09-03T00:00:00.000Z',
      },
    ])
    .execute()
  sqlTexts = []
})
afterEach(async () => {
  await db.destroy()
})

const schoolsNamed = queryTemplate((d, p: Param<{ name: string; after: string }>) =>
  d
    .selectFrom('school')
    .select(['id', 'name'])
    // A constant stays a constant; `name` is used twice.
    .where((eb) => eb.or([eb('name', '=', p('name')), eb('id', '=', 's3')]))
    .where('created_at', '>', p('after'))
    .where('name', '!=', `not ${'a param'}`)
    .orderBy('id'),
)

describe('queryTemplate', () => {
  it('runs with each call’s values in place of the params, constants kept', async () => {
    expect(
      await schoolsNamed.all(db, { name: 'Trường A', after: '2026-01-01T00:00:00.000Z' }),
    ).toEqual([
      { id: 's1', name: 'Trường A' },
      { id: 's3', name: 'Trường C' },
    ])
    expect(
      await schoolsNamed.all(db, { name: 'Trường B', after: '2026-09-02T12:00:00.000Z' }),
    ).toEqual([{ id: 's3', name: 'Trường C' }])
    expect(await schoolsNamed.first(db, { name: 'x', after: '2027-01-01' })).toBeUndefined()
    // The same SQL text every time, through the app's query log.
    expect(new Set(sqlTexts).size).toBe(1)
    expect(sqlTexts).toHaveLength(3)
  })

  it('counts changed rows, inside a transaction as well', async () => {
    const rename = queryTemplate((d, p: Param<{ id: string; name: string }>) =>
      d
        .updateTable('school')
        .set({ name: p('name') })
        .where('id', '=', p('id')),
    )
    await expect(rename.run(db, { id: 's2', name: 'Trường Hai' })).resolves.toBe(1)
    await expect(rename.run(db, { id: 'nope', name: 'x' })).resolves.toBe(0)
    await db.transaction().execute(async (trx) => {
      await expect(rename.run(trx, { id: 's1', name: 'Trường Một' })).resolves.toBe(1)
    })
    const names = await db.selectFrom('school').select('name').orderBy('id').execute()
    expect(names.map((r) => r.name)).toEqual(['Trường Một', 'Trường Hai', 'Trường C'])
  })

  it('refuses a call without a value for a param, and a param written into the SQL', async () => {
    await expect(
      schoolsNamed.all(db, { name: 'Trường A' } as unknown as { name: string; after: string }),
    ).rejects.toThrow('no value for "after"')
    const inlined = queryTemplate((d, p: Param<{ label: string }>) =>
      d.selectFrom('school').select(sql.lit(p('label')).as('label')),
    )
    await expect(inlined.all(db, { label: 't' })).rejects.toThrow('written into the SQL')
  })
})
