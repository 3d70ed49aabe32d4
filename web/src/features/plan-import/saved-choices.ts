/**
 * Column choices the principal confirmed, remembered in this browser per set of headings:
 * the next file with the same headings (the same plan, corrected) is read the same way,
 * so a re-import neither asks again nor undoes the fix. Only choices that differ from the
 * server's own reading are kept.
 */
const STORAGE_KEY = 'caitien_import_columns'
const MAX_ENTRIES = 20

type Choices<F extends string> = Record<string, F | null>
type Store = Pick<Storage, 'getItem' | 'setItem'>

export function headingsKey(columns: readonly string[]): string {
  return JSON.stringify(columns.map((c) => c.trim()))
}

function readAll(storage: Store): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function sameChoices(a: Choices<string>, b: Choices<string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null))
}

/** The remembered choices for these headings, when every one is still a known field. */
export function readSavedChoices<F extends string>(
  storage: Store,
  columns: readonly string[],
  fields: readonly F[],
): Choices<F> | null {
  const entry = readAll(storage)[headingsKey(columns)]
  if (!entry || typeof entry !== 'object') return null
  const out: Choices<F> = {}
  for (const [k, v] of Object.entries(entry)) {
    const index = Number(k)
    if (!Number.isInteger(index) || index < 0 || index >= columns.length) return null
    if (v !== null && !(fields as readonly unknown[]).includes(v)) return null
    out[k] = v as F | null
  }
  return out
}

export function saveChoices(
  storage: Store,
  columns: readonly string[],
  choices: Choices<string>,
  auto: Choices<string>,
) {
  const key = headingsKey(columns)
  // Re-added at the end, so the oldest entries are the ones dropped.
  const rest = Object.entries(readAll(storage)).filter(([k]) => k !== key)
  const entries = (sameChoices(choices, auto) ? rest : [...rest, [key, choices]]).slice(
    -MAX_ENTRIES,
  )
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(entries)))
  } catch {
    // storage full or blocked: the next import reads the columns afresh
  }
}

/** localStorage, or a no-op store where it is blocked. */
export function browserStore(): Store {
  try {
    return window.localStorage
  } catch {
    return { getItem: () => null, setItem: () => undefined }
  }
}
