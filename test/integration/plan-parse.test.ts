import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
// The parser is server code with no route yet; the test reaches it by path, not by an export.
import {
  MAX_PLAN_ROWS,
  parsePlanFile,
  PlanParseError,
  type ParsedPlan,
} from '../../server/src/plans/import/parse-plan.ts'
import { parsePlanInWorker } from '../../server/src/plans/import/parse-in-worker.ts'
import { hostileFiles } from '../support/hostile-files.ts'
import { runCli } from '../support/run.ts'

const fixtures = fileURLToPath(new URL('../fixtures/plans/', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'caitien-plan-parse-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Expected {
  school: string | null
  schoolYear: string | null
  circular: string | null
  columns: string[]
  rows: Record<string, string | number | null>[]
  /** Biểu 2 plans only: table IV, read as the plan's priority problems. */
  priorityProblems?: Record<string, unknown>[]
}

const FIELD_NAMES = [
  'standard',
  'standardName',
  'criterion',
  'criterionLabel',
  'section',
  'weakness',
  'target',
  'tasks',
  'measures',
  'lead',
  'coordinators',
  'timeframe',
  'budget',
  'fundingSource',
  'support',
  'evidence',
  'notes',
  'improvementContent',
  'indicators',
  'completionLevel',
  'priorityProblem',
]

/** Spaces and tabs are layout, not content; line breaks (paragraphs) are content. */
function normalize(value: unknown): unknown {
  if (typeof value !== 'string') return value
  return value
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim()
}

const pickFields = (row: object) =>
  Object.fromEntries(
    FIELD_NAMES.map((f) => [f, normalize((row as Record<string, unknown>)[f] ?? null)]),
  )

const readFixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)))
const parseFixture = (name: string) => parsePlanFile(readFixture(name), name)

async function parseError(bytes: Uint8Array, name: string): Promise<PlanParseError> {
  try {
    await parsePlanFile(bytes, name)
  } catch (err) {
    if (err instanceof PlanParseError) return err
    throw err
  }
  throw new Error(`${name} was parsed, but should have been refused`)
}

const plans = readdirSync(fixtures)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort()

describe('parsePlanFile on every fixture plan', () => {
  it('has fixtures to read, the shared ones and our own', () => {
    expect(plans).toEqual(
      expect.arrayContaining([
        'plan-000',
        'plan-002',
        'plan-004',
        'synthetic-primary-10col',
        'own-primary-7col',
        'own-kindergarten-phoi-hop',
      ]),
    )
  })

  for (const id of plans) {
    const expected = JSON.parse(
      readFileSync(join(fixtures, `${id}.expected.json`), 'utf8'),
    ) as Expected
    for (const ext of ['docx', 'xlsx', 'csv'] as const) {
      if (!existsSync(join(fixtures, `${id}.${ext}`))) continue
      it(`reads ${id}.${ext} into exactly its expected rows`, async () => {
        const plan = await parseFixture(`${id}.${ext}`)
        expect(plan.rows.map(pickFields)).toEqual(expected.rows.map(pickFields))
        expect(plan.columns).toEqual(expected.columns)
        expect(plan.schoolYear).toBe(expected.schoolYear)
        expect(plan.school).toBe(expected.school)
        expect(plan.priorityProblems).toEqual(
          (expected.priorityProblems ?? []).map((p) => ({ ...p, sourceRow: expect.any(Number) })),
        )
        // Word plans cite the circular in their text. Excel title rows do not; there it is
        // known only from the kind of school, and a plan without a school name gives null.
        if (ext === 'docx') expect(plan.circular).toBe(expected.circular)
        else expect([expected.circular, null]).toContain(plan.circular)
        for (const row of plan.rows) {
          expect(Object.keys(row).sort()).toEqual(
            [...FIELD_NAMES, 'startMonth', 'dueMonth', 'budgetAmount', 'sourceRow'].sort(),
          )
        }
      })
    }
  }
})

describe('parsePlanFile on Biểu 2 (TT57/2026) plans', () => {
  it('reads table V by the form: the numbered row is no row, a number names its column', async () => {
    const form = await parseFixture('synthetic-bieu-2-form-wording.docx')
    expect(form.rows).toHaveLength(5)
    expect(form.rows.some((r) => /^\(\d+\)$/.test(r.target ?? ''))).toBe(false)
    // "Kết quả thực hiện (10)" would be a target by its words; its number makes it (10).
    const other = await parseFixture('synthetic-bieu-2-other-wordings.xlsx')
    expect(other.mapping.at(-1)).toEqual({
      columnIndex: 9,
      heading: 'Kết quả thực hiện (10)',
      field: 'completionLevel',
    })
  })

  it('accepts rows that name no criterion without a problem', async () => {
    for (const name of [
      'synthetic-bieu-2-form-wording.xlsx',
      'synthetic-bieu-2-other-wordings.docx',
    ]) {
      const plan = await parseFixture(name)
      expect(plan.rows.some((r) => r.criterion === null)).toBe(true)
      expect(plan.problems).toEqual([])
    }
  })

  it('links rows to problems by criterion, by weakness, else by order (decision 024)', async () => {
    const plan = await parseFixture('synthetic-bieu-2-other-wordings.docx')
    const links = plan.rows.map((r) => [r.improvementContent?.slice(0, 12), r.priorityProblem])
    expect(links).toEqual([
      ['Giáo viên cò', 0], // its content is the weakness of problem 1, in other words
      ['Giáo viên cò', 0],
      ['Tiêu chí 5.2', 1], // names criterion 5.2, which problem 2 lists
      ['Tăng cường p', 2], // third content, third problem
    ])
  })

  it('leaves a 2018 plan without priority problems', async () => {
    const plan = await parseFixture('plan-004.docx')
    expect(plan.priorityProblems).toEqual([])
    expect(plan.rows.every((r) => r.priorityProblem === null)).toBe(true)
  })
})

describe('parsePlanFile: actions written as prose', () => {
  const expected = JSON.parse(
    readFileSync(join(fixtures, 'synthetic-prose-plan.expected.json'), 'utf8'),
  ) as Expected & { proposed: Record<string, string | null>[] }

  for (const ext of ['docx', 'xlsx'] as const) {
    it(`proposes exactly the criterion-tied items of synthetic-prose-plan.${ext}, flagged as prose`, async () => {
      const plan = await parseFixture(`synthetic-prose-plan.${ext}`)
      expect(plan.rows).toEqual([])
      expect(plan.proposed.map(pickFields)).toEqual(expected.proposed.map(pickFields))
      expect(plan.proposed.map((r) => r.origin)).toEqual(['prose', 'prose', 'prose'])
      expect(plan.proposed.map((r) => [r.startMonth, r.dueMonth, r.budgetAmount])).toEqual([
        [null, null, null],
        [null, null, null],
        [null, null, null],
      ])
      // The lines of a proposed item are not also reported as skipped headings.
      const messages = plan.problems.map((p) => p.messageVi).join('\n')
      expect(messages).not.toContain('Phó hiệu trưởng')
      expect(messages).not.toContain('Báo cáo kết quả về Ban giám hiệu')
    })
  }

  it('proposes nothing from a plan whose table has rows and no such part', async () => {
    const plan = await parseFixture('plan-000.docx')
    expect(plan.proposed).toEqual([])
  })

  it('prints the proposed rows with their flag from `plan:parse`', async () => {
    const { stdout, code } = await runCli(
      ['plan:parse', join(fixtures, 'synthetic-prose-plan.docx')],
      { CAITIEN_DATABASE_FILE: join(tmp, 'never-created.sqlite') },
    )
    expect(code).toBe(0)
    const printed = JSON.parse(stdout) as ParsedPlan
    expect(printed.proposed.map((r) => [r.criterion, r.lead, r.origin])).toEqual([
      ['3.2', 'Phó hiệu trưởng', 'prose'],
      ['5.4', 'Tổ trưởng tổ 1-2', 'prose'],
      ['2.3', 'Tổng phụ trách Đội', 'prose'],
    ])
  })
})

describe('parsePlanFile: what it reads beside the text', () => {
  it('parses timeframes and budgets and keeps the raw text', async () => {
    const plan = await parseFixture('synthetic-primary-10col.docx')
    expect(plan.rows[0]).toMatchObject({
      timeframe: 'Tháng 10/2024 - Tháng 3/2025',
      startMonth: '2024-10',
      dueMonth: '2025-03',
      budget: '2.000.000 đồng',
      budgetAmount: 2_000_000,
    })
    const split = await parseFixture('plan-002.xlsx')
    expect(split.rows[2]).toMatchObject({
      criterion: '3.4',
      budgetAmount: 12_000_000_000,
      startMonth: '2024-05',
      sourceRow: 11,
    })
    expect(split.rows[0]).toMatchObject({ budget: 'Không có', budgetAmount: 0 })
  })

  it('keeps rows whose timeframe or budget cannot be read, and names them in problems', async () => {
    const plan = await parseFixture('own-primary-7col.xlsx')
    const summer = plan.rows.find((r) => r.timeframe === 'Hè 2026')
    expect(summer).toMatchObject({ startMonth: null, dueMonth: null, budgetAmount: 45_000_000 })
    expect(plan.problems).toContainEqual({
      row: summer!.sourceRow,
      message: expect.stringContaining('Hè 2026'),
      messageVi: 'Không đọc được thời gian thực hiện “Hè 2026”',
    })
    // A funding source in the budget column is no unreadable amount: it names the source.
    const state = plan.rows.find((r) => r.budget === 'Ngân sách nhà nước')
    expect(state).toMatchObject({ budgetAmount: null, fundingSource: 'Ngân sách nhà nước' })
    expect(plan.problems.map((p) => p.row)).not.toContain(state!.sourceRow)
  })

  it('numbers rows as in the source, across a table split at a page break', async () => {
    const plan = await parseFixture('plan-002.docx')
    // Table 1 has 4 rows; in table 2 the 2.2 row is its 3rd row, so the 7th of the plan.
    expect(plan.rows.map((r) => [r.criterion, r.sourceRow])).toEqual([
      ['1.1', 4],
      ['2.2', 7],
      ['3.4', 9],
    ])
  })

  it('reports the column mapping and lets the caller override it', async () => {
    const plan = await parseFixture('plan-000.docx')
    expect(plan.mapping.map((m) => m.field)).toEqual([
      null,
      'criterion',
      'target',
      'tasks',
      'lead',
      'timeframe',
      'budget',
      'support',
      'notes',
    ])
    const remapped = await parsePlanFile(readFixture('plan-000.docx'), 'plan-000.docx', {
      mapping: { 2: null, 7: 'notes', 8: null },
    })
    expect(remapped.mapping[7]).toMatchObject({ heading: 'Điều kiện hỗ trợ khác', field: 'notes' })
    const row = remapped.rows.find((r) => r.criterion === '3.3')
    expect(row).toMatchObject({ target: null, support: null, notes: 'Xã hội hóa' })
  })

  it('maps headings without diacritics and a separate "Phối hợp" column', async () => {
    const primary = await parseFixture('own-primary-7col.docx')
    expect(primary.mapping.map((m) => m.field)).toEqual([
      null,
      'criterion',
      'tasks',
      'lead',
      'timeframe',
      'budget',
      'evidence',
    ])
    const kindergarten = await parseFixture('own-kindergarten-phoi-hop.csv')
    expect(kindergarten.mapping.find((m) => m.heading === 'Phối hợp')?.field).toBe('coordinators')
    expect(kindergarten.rows[1]?.coordinators).toBe('Tổ chuyên môn; Công đoàn')
  })

  it('reads a comma-separated CSV without BOM, with a quoted multi-line cell', async () => {
    const text = [
      'Tiêu chí,Công việc cần thực hiện,Người thực hiện,Thời gian,Kinh phí',
      'Tiêu chuẩn 1: Tổ chức và quản lý nhà trường,,,,',
      '1.1,"Rà soát chiến lược\n- Lấy ý kiến, góp ý","Hiệu trưởng",Tháng 9/2025,"1.500.000"',
    ].join('\n')
    const plan = await parsePlanFile(new TextEncoder().encode(text), 'ke-hoach.csv')
    expect(plan.rows).toHaveLength(1)
    expect(plan.rows[0]).toMatchObject({
      standard: '1',
      standardName: 'Tổ chức và quản lý nhà trường',
      criterion: '1.1',
      tasks: 'Rà soát chiến lược\n- Lấy ý kiến, góp ý',
      lead: 'Hiệu trưởng',
      startMonth: '2025-09',
      budgetAmount: 1_500_000,
    })
  })
})

describe('parsePlanFile refuses what is not a plan, with a code', () => {
  it('refuses an empty file with empty_file', async () => {
    expect((await parseError(new Uint8Array(), 'ke-hoach.docx')).code).toBe('empty_file')
  })

  it('refuses a .docx that is not a zip with not_a_zip', async () => {
    const bytes = new TextEncoder().encode('Đây không phải tệp Word')
    expect((await parseError(bytes, 'ke-hoach.docx')).code).toBe('not_a_zip')
    expect((await parseError(bytes, 'ke-hoach.xlsx')).code).toBe('not_a_zip')
  })

  it('refuses a zip that is not an Office file with not_an_office_file', async () => {
    const error = await parseError(readFixture('bad-not-office.docx'), 'bad-not-office.docx')
    expect(error.code).toBe('not_an_office_file')
  })

  it('refuses a .docx without a table with no_table', async () => {
    const error = await parseError(readFixture('bad-no-table.docx'), 'bad-no-table.docx')
    expect(error.code).toBe('no_table')
  })

  it('refuses a table without plan headings with no_header', async () => {
    const error = await parseError(readFixture('bad-no-header.docx'), 'bad-no-header.docx')
    expect(error.code).toBe('no_header')
    expect(error.message).toMatch(/Tiêu chí/)
  })

  it('refuses old binary Office files and other types with unsupported_type', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    expect((await parseError(ole, 'ke-hoach.doc')).code).toBe('unsupported_type')
    const pdf = new TextEncoder().encode('%PDF-1.7')
    expect((await parseError(pdf, 'ke-hoach.pdf')).code).toBe('unsupported_type')
  })

  it(`refuses a 5,000-row spreadsheet with too_many_rows (limit ${MAX_PLAN_ROWS}), quickly`, async () => {
    const started = performance.now()
    const error = await parseError(readFixture('bad-5000-rows.xlsx'), 'bad-5000-rows.xlsx')
    expect(error.code).toBe('too_many_rows')
    expect(error.message).toContain(String(MAX_PLAN_ROWS))
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

describe('parsePlanInWorker: the bounded reading the server and the CLI use', () => {
  it('reads a plan exactly as parsePlanFile does', async () => {
    for (const name of ['plan-004.docx', 'plan-004.xlsx', 'own-kindergarten-phoi-hop.csv']) {
      const bounded = await parsePlanInWorker(readFixture(name), name)
      expect(bounded).toEqual(await parseFixture(name))
    }
  })

  it('passes refusals on with their code and both languages', async () => {
    const error = await parsePlanInWorker(readFixture('bad-no-header.docx'), 'a.docx').catch(
      (err: unknown) => err,
    )
    expect(error).toBeInstanceOf(PlanParseError)
    expect(error).toMatchObject({ code: 'no_header', messageVi: expect.stringMatching(/Tiêu chí/) })
  })

  it('stops a reading past its time budget with parse_timeout', async () => {
    const error = await parsePlanInWorker(
      readFixture('plan-004.xlsx'),
      'plan-004.xlsx',
      {},
      {
        bounds: { timeMs: 1, heapMb: 256 },
      },
    ).catch((err: unknown) => err)
    expect(error).toMatchObject({
      code: 'parse_timeout',
      messageVi: expect.stringMatching(/quá thời gian/),
    })
  })

  it('turns a worker out of memory into parse_out_of_memory, and the process carries on', async () => {
    const file = hostileFiles().find((f) => f.name === 'paragraphs.docx')!
    const error = await parsePlanInWorker(
      file.bytes,
      file.name,
      {},
      {
        bounds: { timeMs: 60_000, heapMb: 64 },
      },
    ).catch((err: unknown) => err)
    expect(error).toMatchObject({
      code: 'parse_out_of_memory',
      messageVi: expect.stringMatching(/bộ nhớ/),
    })
    expect(
      (await parsePlanInWorker(readFixture('plan-004.docx'), 'plan-004.docx')).rows,
    ).toHaveLength(8)
  }, 90_000)
})

describe('pnpm cli plan:parse', () => {
  const database = join(tmp, 'never-created.sqlite')
  async function cli(...args: string[]) {
    const run = await runCli(args, { CAITIEN_DATABASE_FILE: database })
    return { code: run.code, out: run.stdout, err: run.stderr }
  }

  it('prints the plan as JSON without opening a database', async () => {
    const result = await cli('plan:parse', join(fixtures, 'plan-004.docx'))
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.out) as ParsedPlan
    expect(plan.rows).toHaveLength(8)
    expect(plan.rows[0]).toMatchObject({
      standard: '1',
      criterion: '1.4',
      timeframe: 'Từ tháng 8/2020',
    })
    expect(plan.school).toBe('Trường THCS Độc Lập')
    expect(existsSync(database)).toBe(false)
  })

  it('prints a Biểu 2 plan with its new fields and its priority problems', async () => {
    const result = await cli('plan:parse', join(fixtures, 'synthetic-bieu-2-other-wordings.docx'))
    expect(result.code).toBe(0)
    const plan = JSON.parse(result.out) as ParsedPlan
    expect(plan.circular).toBe('TT57-2026')
    expect(plan.rows[0]).toMatchObject({
      improvementContent: 'Giáo viên còn lúng túng khi tổ chức hoạt động trải nghiệm cho trẻ',
      indicators: 'Tỉ lệ giáo viên đạt yêu cầu khi dự giờ',
      completionLevel: 'Đang thực hiện',
      priorityProblem: 0,
    })
    expect(plan.priorityProblems).toHaveLength(3)
    expect(plan.priorityProblems[0]).toMatchObject({ criteria: ['2.1', '2.3'] })
  })

  it('says what is wrong on stderr and exits 2 on a file it cannot read', async () => {
    const empty = join(tmp, 'empty.docx')
    writeFileSync(empty, '')
    expect(await cli('plan:parse', empty)).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringMatching(/empty_file/),
    })
    expect(await cli('plan:parse', join(fixtures, 'bad-no-header.docx'))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/no_header/),
    })
    expect(await cli('plan:parse', join(tmp, 'missing.xlsx'))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/cannot read/),
    })
    expect(existsSync(database)).toBe(false)
  })
})
