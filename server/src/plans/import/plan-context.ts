import { foldText } from '@caitien/shared/text'
import type { SourceDocument, SourceTable } from './source-table.ts'

/** What a plan says about itself outside the table. */
export interface PlanContext {
  school: string | null
  schoolYear: string | null
  circular: string | null
}

/**
 * The kinds of school, as written in a name, with the accreditation circular each falls
 * under: TT17/2018 primary, TT18/2018 lower and upper secondary (and multi-level
 * schools), TT19/2018 kindergarten. Longest first so "Trung học cơ sở" wins over "TH".
 */
const SCHOOL_KINDS: [folded: string, written: string, circular: string][] = [
  ['pho thong dan toc ban tru', 'Phổ thông dân tộc bán trú', 'TT18-2018'],
  ['pho thong dan toc noi tru', 'Phổ thông dân tộc nội trú', 'TT18-2018'],
  ['tieu hoc va trung hoc co so', 'Tiểu học và Trung học cơ sở', 'TT18-2018'],
  ['trung hoc co so va trung hoc pho thong', 'Trung học cơ sở và Trung học phổ thông', 'TT18-2018'],
  ['trung hoc pho thong', 'Trung học phổ thông', 'TT18-2018'],
  ['trung hoc co so', 'Trung học cơ sở', 'TT18-2018'],
  ['th&thcs', 'TH&THCS', 'TT18-2018'],
  ['thcs&thpt', 'THCS&THPT', 'TT18-2018'],
  ['th va thcs', 'TH và THCS', 'TT18-2018'],
  ['thcs va thpt', 'THCS và THPT', 'TT18-2018'],
  ['ptdtbt', 'PTDTBT', 'TT18-2018'],
  ['ptdtnt', 'PTDTNT', 'TT18-2018'],
  ['pho thong', 'Phổ thông', 'TT18-2018'],
  ['lien cap', 'Liên cấp', 'TT18-2018'],
  ['thpt', 'THPT', 'TT18-2018'],
  ['thcs', 'THCS', 'TT18-2018'],
  ['tieu hoc', 'Tiểu học', 'TT17-2018'],
  ['mam non', 'Mầm non', 'TT19-2018'],
  ['mau giao', 'Mẫu giáo', 'TT19-2018'],
  ['nha tre', 'Nhà trẻ', 'TT19-2018'],
  ['th', 'TH', 'TT17-2018'],
  ['mn', 'MN', 'TT19-2018'],
]

interface School {
  name: string
  circular: string
  folded: string
  shouted: boolean
}

const WORD_RE = /[^\s,.;:()"“”]+/gu

/**
 * "Trường <kind> <Name>" in a line. The name is the run of capitalised words (or numbers)
 * after the kind, so "trường THCS Độc Lập về kế hoạch…" gives "Trường THCS Độc Lập".
 */
function schoolIn(line: string): School | null {
  const words = [...line.matchAll(WORD_RE)].map((m) => m[0])
  for (let i = 0; i < words.length; i++) {
    if (foldText(words[i]!) !== 'truong') continue
    for (const [folded, written, circular] of SCHOOL_KINDS) {
      const size = folded.split(' ').length
      const kindWords = words.slice(i + 1, i + 1 + size)
      if (foldText(kindWords.join(' ')) !== folded) continue
      const name: string[] = []
      for (const word of words.slice(i + 1 + size)) {
        if (!/^[\p{Lu}\d]/u.test(word)) break
        name.push(word)
      }
      if (name.length === 0) continue
      const shouted = line === line.toUpperCase()
      const shownName = shouted ? name.map(titleCase).join(' ') : name.join(' ')
      const full = `Trường ${written} ${shownName}`
      return { name: full, circular, folded: foldText(full), shouted }
    }
  }
  return null
}

/** The level each 2018 circular was written for: what a school's kind says of its level. */
const LEVEL_OF_CIRCULAR: Record<string, string> = {
  'TT17-2018': 'primary',
  'TT18-2018': 'secondary',
  'TT19-2018': 'kindergarten',
}

/**
 * The level of a school from its name as a plan writes it ("Trường Tiểu học Hoa Sen" is
 * primary, "Trường TH&THCS …" secondary): what narrows a circular with one framework per
 * kind of school (TT57/2026). Null when the name says no kind.
 */
export function schoolLevelOfName(name: string | null): string | null {
  const school = name === null ? null : schoolIn(name)
  return school ? (LEVEL_OF_CIRCULAR[school.circular] ?? null) : null
}

function titleCase(word: string): string {
  const lower = word.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

function schoolYearIn(line: string): string | null {
  const match = /nam hoc\s*(\d{4})\s*[-–—]\s*(\d{4})/.exec(foldText(line))
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return null
  return `${match[1]}-${match[2]}`
}

function circularIn(line: string): string | null {
  const folded = foldText(line)
  // Thông tư 57/2026/TT-BGDĐT: one circular for every kind of school (TT57-2026-*).
  if (/thong tu\s*(?:so\s*)?57\b|\b57\s*\/\s*2026\b|\btt\s*57\s*[/-]\s*2026/.test(folded))
    return 'TT57-2026'
  const match =
    /thong tu\s*(?:so\s*)?(17|18|19)\s*\/\s*2018/.exec(folded) ??
    /\btt\s*(17|18|19)\s*[/-]\s*2018/.exec(folded)
  return match ? `TT${match[1]}-2018` : null
}

function tableLines(table: SourceTable, rows: number): string[] {
  const lines: string[] = []
  for (const row of table.rows.slice(0, rows))
    for (const cell of row.cells)
      if (!cell.mergedFrom && cell.text) lines.push(...cell.text.split('\n'))
  return lines
}

/**
 * Read school, school year and circular from the text around the plan table: title rows
 * above its header (Excel), paragraphs (Word), and the other tables (the agency/national
 * header block, the signature block). When the circular is not cited, the kind of school
 * decides it, since each kind has exactly one.
 */
export function readPlanContext(
  doc: SourceDocument,
  planTable: SourceTable,
  headerRow: number,
): PlanContext {
  const lines = [
    ...tableLines(planTable, headerRow),
    ...doc.paragraphs.flatMap((p) => p.split('\n')),
    ...doc.tables.filter((t) => t !== planTable).flatMap((t) => tableLines(t, t.rows.length)),
  ]
  let schoolYear: string | null = null
  let circular: string | null = null
  const schools: School[] = []
  for (const line of lines) {
    schoolYear ??= schoolYearIn(line)
    circular ??= circularIn(line)
    const school = schoolIn(line)
    if (school) schools.push(school)
  }
  return {
    school: pickSchool(schools)?.name ?? null,
    schoolYear,
    circular: circular ?? pickSchool(schools)?.circular ?? null,
  }
}

/**
 * A name in capitals (the header block, an Excel title row) is the school's own; prefer how
 * the body text writes that same name, since capitals cannot say which words are proper
 * nouns ("Tiểu học" is not "Tiểu Học").
 */
function pickSchool(schools: School[]): School | null {
  const shouted = schools.find((s) => s.shouted)
  if (!shouted) return schools[0] ?? null
  return schools.find((s) => !s.shouted && s.folded === shouted.folded) ?? shouted
}
