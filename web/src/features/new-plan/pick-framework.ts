import { SCHOOL_YEAR_RE } from '@caitien/shared'

interface FrameworkChoice {
  id: string
  code: string
  schoolLevel: string
}

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
