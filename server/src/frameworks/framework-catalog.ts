import { readFileSync } from 'node:fs'
import type { Db } from '@caitien/db'
import { z } from 'zod'
import {
  findFrameworkByVersion,
  insertFramework,
  listFrameworkRows,
} from './framework.repository.ts'

/**
 * Criteria frameworks are versioned data (the catalogue README): loaded from JSON,
 * never hard-coded. Two source shapes exist: `circulars[]` (the 2018 circulars) and
 * `frameworks[]` (TT57-2026); both become one model here.
 */
export interface Framework {
  id: string
  code: string
  version: string
  title: string
  /** 'partial': the catalogue says its criteria were partly reconstructed (not verified). */
  completeness: FrameworkCompleteness
  schoolLevel: string
  effectiveFrom: string | null
  source: string | null
  criteria: {
    standard: string
    standardName: string
    code: string
    name: string
    levelsDefined: number[]
    mandatory: boolean
    details: Record<string, unknown>
  }[]
}

/** How far a catalogue's entry can be trusted; the web words it (never the file's English). */
export type FrameworkCompleteness = 'complete' | 'partial'

const criterionSchema = z.looseObject({
  code: z.string().regex(/^\d+\.\d+$/),
  name: z.string().min(1),
  levels_defined: z.array(z.number().int()).optional(),
  levels: z.record(z.string(), z.unknown()).optional(),
  mandatory: z.boolean().optional(),
})
const standardSchema = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  name: z.string().min(1),
  criteria: z.array(criterionSchema).min(1),
})
const frameworkSchema = z.looseObject({
  id: z.string().min(1).max(64),
  version: z.string().min(1).max(32).optional(),
  title: z.string().optional(),
  appendix_title: z.string().optional(),
  level: z.string().optional(),
  schools: z.string().optional(),
  issued: z.string().optional(),
  effective: z.string().optional(),
  /** Free text in the catalogue, e.g. 'partly reconstructed'. */
  confidence: z.string().optional(),
  standards: z.array(standardSchema).min(1),
})
const catalogSchema = z.union([
  z.looseObject({ circulars: z.array(frameworkSchema).min(1) }),
  z.looseObject({
    id: z.string(),
    title: z.string().optional(),
    effective: z.string().optional(),
    source: z.string().optional(),
    frameworks: z.array(frameworkSchema).min(1),
  }),
])

function schoolLevelOf(text: string | undefined): string {
  const t = (text ?? '').toLowerCase()
  if (t.includes('kindergarten') || t.includes('mầm non')) return 'kindergarten'
  if (t.includes('primary') || t.includes('tiểu học')) return 'primary'
  if (t.includes('gdtx') || t.includes('thường xuyên')) return 'continuing'
  // 'secondary (THCS, THPT, trường phổ thông …)' names phổ thông too: test it first.
  if (t.includes('secondary')) return 'secondary'
  if (t.includes('phổ thông')) return 'general'
  return 'other'
}

/** Parses a catalogue file of either shape; throws a readable error when it is not one. */
export function parseCatalog(json: unknown): Framework[] {
  const parsed = catalogSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(
      `not a criteria catalogue: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
    )
  }
  const catalog = parsed.data
  type Entry = z.infer<typeof frameworkSchema>
  const parent: { effective?: string; title?: string; source?: string } =
    'frameworks' in catalog
      ? (catalog as { effective?: string; title?: string; source?: string })
      : {}
  const list = ('circulars' in catalog ? catalog.circulars : catalog.frameworks) as Entry[]
  return list.map((f) => {
    const effective = f.effective ?? parent.effective ?? f.issued ?? null
    const version = f.version ?? effective ?? '1'
    return {
      id: `${f.id}@${version}`,
      code: f.id,
      version,
      title: f.title ?? f.appendix_title ?? parent.title ?? f.id,
      completeness: /reconstruct/i.test(f.confidence ?? '') ? 'partial' : 'complete',
      schoolLevel: schoolLevelOf(f.level ?? f.schools),
      effectiveFrom: effective,
      source: parent.source ?? null,
      criteria: f.standards.flatMap((s) =>
        s.criteria.map((c) => {
          const { code, name, levels_defined, levels, mandatory, ...rest } = c
          return {
            standard: s.code,
            standardName: s.name,
            code,
            name,
            levelsDefined:
              levels_defined ?? (levels ? Object.keys(levels).map(Number).sort() : [1, 2]),
            mandatory: mandatory ?? false,
            details: levels ? { levels, ...rest } : rest,
          }
        }),
      ),
    }
  })
}

/** Stores frameworks not yet present (by code and version); returns the ids added. */
export async function loadFrameworks(
  db: Db,
  frameworks: Framework[],
  now: string,
): Promise<string[]> {
  const added: string[] = []
  for (const f of frameworks) {
    if (await findFrameworkByVersion(db, f.code, f.version)) continue
    await insertFramework(db, f, now)
    added.push(f.id)
  }
  return added
}

const BUILTIN = ['criteria-catalog.json', 'tt57-2026.json']

/** The catalogues shipped with the app (copied from the project's shared catalogue). */
export function readBuiltinFrameworks(): Framework[] {
  return BUILTIN.flatMap((name) =>
    parseCatalog(JSON.parse(readFileSync(new URL(`./catalog/${name}`, import.meta.url), 'utf8'))),
  )
}

let builtinById: Map<string, Framework> | undefined

/**
 * Every stored framework, by code and version: what a new plan may follow. A shipped
 * framework is described by the shipped catalogue (its title and completeness), so a
 * database that stored an older wording shows the current one.
 */
export async function listFrameworks(db: Db) {
  builtinById ??= new Map(readBuiltinFrameworks().map((f) => [f.id, f]))
  const rows = await listFrameworkRows(db)
  return rows.map((row) => {
    const builtin = builtinById?.get(row.id)
    const completeness: FrameworkCompleteness = builtin?.completeness ?? 'complete'
    return { ...row, title: builtin?.title ?? row.title, completeness }
  })
}
