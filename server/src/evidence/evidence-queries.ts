import { firstLine, matchesEvidenceSearch } from '@caitien/shared'
import type { Db, Executor } from '@caitien/db'
import { assertPlanWritable, assertSchoolWriter, getPlanAccess } from '../access.ts'
import { notFound } from '../http-error.ts'
import { evidenceFile, findEvidence, listPlanEvidenceRows } from './evidence.repository.ts'

/**
 * A live evidence item the user may see, and their roles in its school: 404 alike for an
 * unknown item and for one of another school.
 */
export async function getEvidenceAccess(db: Db, evidenceId: string, userId: string) {
  const item = await findEvidence(db, evidenceId)
  if (!item) throw notFound()
  const { plan, actor } = await getPlanAccess(db, item.plan_id, userId).catch(() => {
    throw notFound()
  })
  return { item, plan, actor }
}

/** getEvidenceAccess for a change to the item: 409 while its plan is archived. */
export async function getEvidenceWriteAccess(db: Db, evidenceId: string, userId: string) {
  const access = await getEvidenceAccess(db, evidenceId, userId)
  assertSchoolWriter(access.actor)
  assertPlanWritable(access.plan)
  return access
}

const byCriterion = new Intl.Collator('vi', { numeric: true })

/**
 * The plan's live evidence items for the "link existing evidence" picker: each with the
 * card it belongs to and the cards it is already linked to. Two queries whatever the
 * number of items (the items with their cards and files, then every link of the plan);
 * `query` filters after reading, with the same diacritic-blind match the picker uses,
 * which SQL cannot do portably.
 */
export async function listPlanEvidence(db: Executor, planId: string, query?: string) {
  const { items: rows, links } = await listPlanEvidenceRows(db, planId)
  const linkedTo = new Map<string, string[]>()
  for (const link of links) {
    const ids = linkedTo.get(link.evidence_id) ?? []
    ids.push(link.card_id)
    linkedTo.set(link.evidence_id, ids)
  }
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    code: r.code,
    title: r.title,
    url: r.url,
    file: r.kind === 'file' ? evidenceFile(r) : null,
    card: {
      id: r.card_id,
      standard: r.standard,
      criterion: r.criterion,
      title: firstLine(r.tasks) || firstLine(r.target) || firstLine(r.criterion_label),
      position: r.position,
    },
    linkedCardIds: linkedTo.get(r.id) ?? [],
  }))
  // Grouped by criterion in the plan's order (1.9 before 1.10); cards without one last.
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        Number(a.item.card.criterion === null) - Number(b.item.card.criterion === null) ||
        byCriterion.compare(a.item.card.criterion ?? '', b.item.card.criterion ?? '') ||
        a.item.card.position - b.item.card.position ||
        a.item.card.id.localeCompare(b.item.card.id) ||
        a.index - b.index,
    )
    .map(({ item: { card, ...item } }) => ({
      ...item,
      card: { id: card.id, standard: card.standard, criterion: card.criterion, title: card.title },
    }))
  const q = query?.trim()
  return q ? ordered.filter((item) => matchesEvidenceSearch(item, q)) : ordered
}
