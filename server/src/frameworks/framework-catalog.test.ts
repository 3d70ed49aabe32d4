import { createDb, migrateToLatest } from '@caitien/db'
import { describe, expect, it } from 'vitest'
import { loadFrameworks, parseCatalog, readBuiltinFrameworks } from './framework-catalog.ts'

describe('criteria catalogues', () => {
  it('reads both shipped shapes into one model', () => {
    const frameworks = readBuiltinFrameworks()
    const byCode = new Map(frameworks.map((f) => [f.code, f]))
    expect([...byCode.keys()].sort()).toEqual([
      'TT17-2018',
      'TT18-2018',
      'TT19-2018',
      'TT19-2018+TT22-2024',
      'TT57-2026-gdtx',
      'TT57-2026-mam-non',
      'TT57-2026-pho-thong',
    ])
    expect(byCode.get('TT17-2018')!.criteria).toHaveLength(27)
    expect(byCode.get('TT18-2018')!.criteria).toHaveLength(28)
    expect(byCode.get('TT18-2018')!.schoolLevel).toBe('secondary')
    const tt57 = byCode.get('TT57-2026-pho-thong')!
    expect(tt57.criteria).toHaveLength(15)
    expect(tt57.criteria.filter((c) => c.mandatory).map((c) => c.code)).toEqual([
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '4.1',
      '4.2',
    ])
    expect(tt57.criteria[0]!.levelsDefined).toEqual([1, 2])
  })

  it('refuses a file that is not a catalogue, saying where', () => {
    expect(() => parseCatalog({ circulars: [{ id: 'X', standards: [] }] })).toThrow(
      /not a criteria catalogue/,
    )
    expect(() => parseCatalog([1, 2])).toThrow(/not a criteria catalogue/)
  })

  it('loads a framework once per code and version, and a new version beside the old', async () => {
    const db = createDb({ file: ':memory:' })
    await migrateToLatest(db)
    const file = {
      circulars: [
        {
          id: 'TT99-2030',
          version: '1',
          level: 'primary',
          standards: [
            {
              code: '1',
              name: 'Tổ chức',
              criteria: [{ code: '1.1', name: 'Mục tiêu', levels_defined: [1, 2, 3] }],
            },
          ],
        },
      ],
    }
    const now = new Date().toISOString()
    expect(await loadFrameworks(db, parseCatalog(file), now)).toEqual(['TT99-2030@1'])
    expect(await loadFrameworks(db, parseCatalog(file), now)).toEqual([])
    file.circulars[0]!.version = '2'
    expect(await loadFrameworks(db, parseCatalog(file), now)).toEqual(['TT99-2030@2'])
    const criteria = await db
      .selectFrom('framework_criterion')
      .selectAll()
      .where('framework_id', '=', 'TT99-2030@2')
      .execute()
    expect(criteria).toEqual([
      expect.objectContaining({ code: '1.1', standard: '1', levels_defined: '1,2,3' }),
    ])
    await db.destroy()
  })
})
