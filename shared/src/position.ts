/** The space left between neighbours when a card is placed at either end of a column. */
export const POSITION_GAP = 1024

/**
 * The position of a card placed between two neighbours of its column (null: no
 * neighbour on that side). The one ordering rule: the server stores it, the board's
 * optimistic update uses it, so both agree on where a dropped card lands.
 *
 * @example
 * positionBetween(1024, 2048) // → 1536
 * positionBetween(null, null) // → 1024
 */
export function positionBetween(above: number | null, below: number | null): number {
  if (above === null && below === null) return POSITION_GAP
  if (above === null) return below! - POSITION_GAP
  if (below === null) return above + POSITION_GAP
  return (above + below) / 2
}

/** True when two neighbours are too close to split again; the column is then renumbered. */
export function positionsTooClose(above: number | null, below: number | null): boolean {
  return above !== null && below !== null && below - above < 1e-6
}
