import { firstLine, matchesEvidenceSearch } from '@caitien/shared'
import type { Executor } from '../cards/card.repository.ts'
import { evidenceFile } from '../cards/card-queries.ts'

const byCriterion = new Intl.Collator('vi', { numeric: true })

/**
 * The plan's live evidence items for the "link existing evidence" picker: each with the
 * card it belongs to and the cards it is already linked to. Two queries whatever the
 * number of items (the items with their cards and files, then every link of the plan);
 * `query` filters after reading, with the same diacritic-blind match the picker uses,
 * which SQL cannot do portably.
 */
export async function listPlanEvidence(db: Executor, planId: string, query?: string) {
  const [rows, links] = await Promise.all([
    db
      .selectFrom('evidence')
      .innerJoin('card', 'card.id', 'evidence.card_id')
      .leftJoin('evidence_file', 'evidence_file.sha256', 'evidence.file_sha256')
      .select([
        'evidence.id',
        'evidence.kind',
        'evidence.code',
        'evidence.title',
        'evidence.url',
        'evidence.file_name',
        'evidence_file.size',
        'evidence_file.mime_type',
        'card.id as card_id',
        'card.standard',
        'card.criterion',
        'card.criterion_label',
        'card.tasks',
        'card.target',
        'card.position',
      ])
      .where('evidence.plan_id', '=', planId)
      .where('evidence.deleted_at', 'is', null)
      .where('card.deleted_at', 'is', null)
      .orderBy('evidence.created_at')
      .orderBy('evidence.code')
      .orderBy('evidence.id')
      .execute(),
    db
      .selectFrom('evidence_link')
      .innerJoin('evidence', 'evidence.id', 'evidence_link.evidence_id')
      .innerJoin('card', 'card.id', 'evidence_link.card_id')
      .select(['evidence_link.evidence_id', 'evidence_link.card_id'])
      .where('evidence.plan_id', '=', planId)
      .where('evidence.deleted_at', 'is', null)
      .where('card.deleted_at', 'is', null)
      .orderBy('evidence_link.created_at')
      .orderBy('evidence_link.card_id')
      .execute(),
  ])
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
