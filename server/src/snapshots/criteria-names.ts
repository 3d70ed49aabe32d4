import type { Db } from '@caitien/db'
import type { MonthlySummary } from '@caitien/shared'
import { listStandardNames } from '../cards/card.repository.ts'
import { findFramework, listFrameworkCriteria } from '../frameworks/framework.repository.ts'

/** A row code of the figures that belongs to no standard or criterion (shared/snapshot.ts). */
const NO_CODE = '—'

/**
 * The names printed beside the codes of a month's figures, for the dashboard and the
 * report alike. The plan's framework version names its standards and criteria (versioned
 * data, never hard-coded); a standard it lacks takes the name the plan's own rows give
 * it. A criterion the framework does not know (import keeps such codes and flags them)
 * gets null: it is shown by its code alone.
 */
export async function loadCriteriaNames(
  db: Db,
  plan: { id: string; framework_id: string | null },
  summary: Pick<MonthlySummary, 'byStandard' | 'byCriterion'>,
) {
  const [framework, criteria, written] = await Promise.all([
    plan.framework_id ? findFramework(db, plan.framework_id) : Promise.resolve(undefined),
    plan.framework_id ? listFrameworkCriteria(db, plan.framework_id) : Promise.resolve([]),
    listStandardNames(db, plan.id),
  ])
  const criterionName = new Map(criteria.map((c) => [c.code, c.name]))
  const standardName = new Map<string, string>()
  for (const row of written) if (row.standard && row.name) standardName.set(row.standard, row.name)
  for (const c of criteria) standardName.set(c.standard, c.standard_name)
  const named = (codes: string[], names: ReadonlyMap<string, string>) =>
    Object.fromEntries(
      codes.filter((code) => code !== NO_CODE).map((code) => [code, names.get(code) ?? null]),
    ) as Record<string, string | null>
  return {
    framework: framework
      ? { code: framework.code, version: framework.version, title: framework.title }
      : null,
    standards: named(
      summary.byStandard.map((s) => s.standard),
      standardName,
    ),
    criteria: named(
      summary.byCriterion.map((c) => c.criterion),
      criterionName,
    ),
  }
}
