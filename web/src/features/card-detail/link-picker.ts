import { matchesEvidenceSearch } from '@caitien/shared'

interface PickerItem {
  id: string
  code: string | null
  title: string
  file: { name: string } | null
  card: { id: string; standard: string | null; criterion: string | null; title: string }
  linkedCardIds: string[]
}

export interface PickerGroup<T extends PickerItem> {
  card: T['card']
  items: { item: T; present: boolean }[]
}

/**
 * The link picker's list: the plan's items matching the search, grouped by the card they
 * belong to (in the server's criterion order), each marked `present` when it is already on
 * the open card, as its own item or linked.
 *
 * @example
 * groupForPicker(items, 'c1', new Set(['e1']), 'bien ban')
 */
export function groupForPicker<T extends PickerItem>(
  items: readonly T[],
  cardId: string,
  onCard: ReadonlySet<string>,
  query: string,
): PickerGroup<T>[] {
  const groups: PickerGroup<T>[] = []
  const byCard = new Map<string, PickerGroup<T>>()
  for (const item of items) {
    if (!matchesEvidenceSearch(item, query)) continue
    let group = byCard.get(item.card.id)
    if (!group) {
      group = { card: item.card, items: [] }
      byCard.set(item.card.id, group)
      groups.push(group)
    }
    const present =
      onCard.has(item.id) || item.card.id === cardId || item.linkedCardIds.includes(cardId)
    group.items.push({ item, present })
  }
  return groups
}
