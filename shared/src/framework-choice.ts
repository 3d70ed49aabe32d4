import { SCHOOL_YEAR_RE } from './month.ts'

/** A stored framework, as much of it as choosing one needs. */
export interface FrameworkChoice {
  id: string
  code: string
  schoolLevel: string
}

/**
 * The framework a plan follows is a guess from the school year and the school's level, or
 * from the circular its file cites; the principal can change it. One rule, used by the new
 * plan dialog (web) and by a new plan made from a file (server).
 */

/** TT57/2026 has one framework for all general schools (primary and secondary alike). */
const TT57_LEVEL: Record<string, string> = {
  kindergarten: 'kindergarten',
  continuing: 'continuing',
  primary: 'general',
  secondary: 'general',
  general: 'general',
}

/** The 2018 circulars, one per school level. */
const TT2018_PREFIX: Record<string, string> = {
  kindergarten: 'TT19',
  primary: 'TT17',
  secondary: 'TT18',
  general: 'TT18',
}

/**
 * The framework a new plan most likely follows: TT57/2026 from the 2026-2027 school year
 * on, the 2018 circular of the school's level before it. A guess the principal can change.
 */
export function pickFramework(
  frameworks: readonly FrameworkChoice[],
  { schoolYear, schoolLevel }: { schoolYear: string; schoolLevel: string | null },
): string | null {
  const firstYear = Number(SCHOOL_YEAR_RE.exec(schoolYear.trim())?.[1] ?? NaN)
  const level = schoolLevel ?? 'general'
  if (firstYear >= 2026) {
    const tt57 = frameworks.find(
      (f) => f.code.startsWith('TT57-2026') && f.schoolLevel === (TT57_LEVEL[level] ?? level),
    )
    if (tt57) return tt57.id
  } else {
    const prefix = TT2018_PREFIX[level]
    // An amended circular ("TT19-2018+TT22-2024") sorts after the one it amends.
    const older = frameworks
      .filter((f) => prefix !== undefined && f.code.startsWith(prefix))
      .sort((a, b) => a.code.localeCompare(b.code))
    const pick = firstYear >= 2024 ? older[older.length - 1] : older[0]
    if (pick) return pick.id
  }
  return frameworks.find((f) => f.schoolLevel === level)?.id ?? frameworks[0]?.id ?? null
}

/**
 * The framework of the circular a file cites ("TT57-2026", "TT18-2018"). A circular with one
 * framework per kind of school (TT57/2026 has three) is narrowed by the school's level, read
 * from the school's name in the file; without it, the general-school one. Among versions of
 * one framework the latest wins (an amended circular sorts after the one it amends). Null
 * when nothing stored matches.
 */
export function pickFrameworkOfCircular(
  frameworks: readonly FrameworkChoice[],
  { circular, schoolLevel }: { circular: string; schoolLevel: string | null },
): string | null {
  const matching = frameworks
    .filter((f) => f.code.startsWith(circular))
    .sort((a, b) => a.code.localeCompare(b.code))
  if (matching.length <= 1) return matching[0]?.id ?? null
  const level = schoolLevel ?? 'general'
  const ofLevel = matching.filter(
    (f) => f.schoolLevel === (TT57_LEVEL[level] ?? level) || f.schoolLevel === level,
  )
  const pool = ofLevel.length > 0 ? ofLevel : matching
  return pool[pool.length - 1]!.id
}
