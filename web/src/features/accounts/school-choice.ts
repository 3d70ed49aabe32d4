import { matchesSearch } from '@caitien/shared'

/*
 * The schools a body oversees, chosen from a list that may hold more than a thousand
 * (a Sở): a filter by name, and "choose / unchoose every school shown" acting on what the
 * filter shows only, never on schools the person cannot see.
 */

/** The schools whose name holds every word of the filter, with or without diacritics. */
export function schoolsMatching<T extends { name: string }>(
  schools: readonly T[],
  filter: string,
): T[] {
  return schools.filter((s) => matchesSearch(s.name, filter))
}

/** The choice with these schools added (`on`) or taken out; the others as they were. */
export function setChosen(
  chosen: ReadonlySet<string>,
  ids: readonly string[],
  on: boolean,
): Set<string> {
  const next = new Set(chosen)
  for (const id of ids) {
    if (on) next.add(id)
    else next.delete(id)
  }
  return next
}

/** Has the choice changed from what the body oversees now? */
export function choiceChanged(chosen: ReadonlySet<string>, saved: readonly string[]): boolean {
  return chosen.size !== new Set(saved).size || saved.some((id) => !chosen.has(id))
}
