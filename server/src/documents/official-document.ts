import {
  OFFICIAL_TEXT,
  documentDateLine,
  documentNumberLine,
  type DocumentKind,
  type DocumentParty,
} from '@caitien/shared'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx'

/*
 * The state layout of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I), built
 * from docx's tables and sections: every official document of the school (monthly report,
 * Biểu 2, checkpoint review report, evidence list) is this header, a title, its body, and
 * this closing. Sizes are in twips (1/20 pt) and half-points, as Word counts them.
 */

export const FONT = 'Times New Roman'
/** 13 pt body text; 12 pt in the header block and in tables. */
export const SIZE = { body: 26, small: 24, note: 22, title: 28 } as const

/** A4, ND30 margins (top and bottom 20 mm, left 30 mm, right 15–20 mm). */
const A4 = { short: 11906, long: 16838 }
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 }

export type Orientation = 'portrait' | 'landscape'

/** The width text may take on the page, in twips. */
export function textWidth(orientation: Orientation): number {
  const page = orientation === 'portrait' ? A4.short : A4.long
  return page - MARGIN.left - MARGIN.right
}

interface RunOptions {
  bold?: boolean
  italics?: boolean
  underline?: boolean
  size?: number
}

export function run(text: string, options: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: options.size ?? SIZE.body,
    bold: options.bold,
    italics: options.italics,
    underline: options.underline ? {} : undefined,
  })
}

type Align = 'left' | 'center' | 'right' | 'justify'
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const

/** One paragraph of one run; `after` is the space below it, in twips. */
export function line(
  text: string,
  options: RunOptions & { align?: Align; after?: number; before?: number; indent?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'left'],
    spacing: { before: options.before ?? 0, after: options.after ?? 60 },
    indent: options.indent ? { firstLine: 567 } : undefined,
    children: [run(text, options)],
  })
}

/** Text that may hold line breaks, a paragraph per line. */
export function lines(text: string, options: Parameters<typeof line>[1] = {}): Paragraph[] {
  return text.split('\n').map((l) => line(l, options))
}

const noBorders = TableBorders.NONE

/** A borderless cell of a layout table (header block, closing block). */
function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: noBorders,
    margins: { left: 0, right: 0 },
    children,
  })
}

/** A borderless table of fixed columns: what is in one column never pushes the other. */
function layoutTable(widths: readonly number[], rows: readonly (readonly Paragraph[][])[]): Table {
  return new Table({
    width: { size: widths.reduce((sum, w) => sum + w, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: rows.map(
      (cells) =>
        // Kept whole on one page: a signature never lands apart from its title.
        new TableRow({
          cantSplit: true,
          children: cells.map((children, i) => layoutCell(children, widths[i]!)),
        }),
    ),
  })
}

/**
 * The header block, two rows of two columns: left, the issuing body above the school's name
 * (bold), then the number ("Số:      /BC-…"); right, the national motto on one line and
 * "Độc lập - Tự do - Hạnh phúc" underlined, then the place and date in italics, level with
 * the number. The right column is wide enough for the motto at 12 pt, so it never wraps.
 */
export function headerBlock(
  party: DocumentParty,
  kind: DocumentKind,
  dateIso: string,
  orientation: Orientation,
): Table {
  const width = textWidth(orientation)
  const right = orientation === 'portrait' ? 5700 : 7200
  const small = { size: SIZE.small, align: 'center' as const, after: 0 }
  const issuer = [
    ...(party.issuingBody ? [line(party.issuingBody.toUpperCase(), small)] : []),
    line(party.schoolName.toUpperCase(), { ...small, bold: true }),
  ]
  const nation = [
    line(OFFICIAL_TEXT.nation, { ...small, bold: true }),
    line(OFFICIAL_TEXT.motto, { ...small, bold: true, underline: true, size: SIZE.body }),
  ]
  const number = [line(documentNumberLine(kind, party.documentSymbol), { ...small, before: 160 })]
  const date = [
    line(documentDateLine(party.placeName, dateIso), {
      ...small,
      italics: true,
      size: SIZE.body,
      before: 160,
    }),
  ]
  return layoutTable(
    [width - right, right],
    [
      [issuer, nation],
      [number, date],
    ],
  )
}

/** The document's name and what it is about, centred and bold, below the header. */
export function titleBlock(title: string, subtitles: readonly string[] = []): Paragraph[] {
  return [
    line(title, { bold: true, align: 'center', size: SIZE.title, before: 360, after: 0 }),
    ...subtitles.map((s) => line(s, { bold: true, align: 'center', after: 0 })),
    line('', { after: 120 }),
  ]
}

/** "Kính gửi: …", centred under the title. */
export function addressee(to: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 200 },
    children: [run(`${OFFICIAL_TEXT.to} `), run(to)],
  })
}

/** A section heading of the body: "I. TÓM TẮT", kept on the page of what follows it. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 80 },
    children: [run(text, { bold: true })],
  })
}

/**
 * The closing: left, "Nơi nhận:" and its list (12 pt and 11 pt, as ND30 prints them);
 * right, the signer's title in capitals, room to sign, and the name.
 */
export function closingBlock(
  recipients: readonly string[],
  party: Pick<DocumentParty, 'signerTitle' | 'signerName'>,
  orientation: Orientation,
): Table {
  const width = textWidth(orientation)
  const right = Math.round(width * 0.5)
  const leftColumn = [
    line(OFFICIAL_TEXT.recipients, { bold: true, italics: true, size: SIZE.small, after: 0 }),
    ...recipients.map((r) => line(r, { size: SIZE.note, after: 0 })),
  ]
  const rightColumn = [
    ...party.signerTitle
      .split('\n')
      .map((t) => line(t.toUpperCase(), { bold: true, align: 'center', after: 0 })),
    ...Array.from({ length: 5 }, () => line('', { after: 0 })),
    line(party.signerName, { bold: true, align: 'center', after: 0 }),
  ]
  return layoutTable([width - right, right], [[leftColumn, rightColumn]])
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const boxed = { top: thin, bottom: thin, left: thin, right: thin }

export interface GridColumn {
  heading: string
  /** A share of the table's width; the shares are scaled to fill it. */
  weight: number
  align?: Align
}

function gridCell(text: string, width: number, options: RunOptions & { align?: Align } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: boxed,
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: lines(text, { size: options.size ?? SIZE.small, after: 0, ...options }),
  })
}

/**
 * A ruled table of fixed columns: the header row (repeated on each page), an optional row
 * of column numbers "(1)…(n)", then the rows. Multi-line cells keep their lines.
 */
export function gridTable(input: {
  columns: readonly GridColumn[]
  numbers?: readonly string[]
  rows: readonly (readonly string[])[]
  orientation: Orientation
  /** Rows printed bold across (standards, groups): their index in `rows`. */
  boldRows?: ReadonlySet<number>
}): Table {
  const width = textWidth(input.orientation)
  const weights = input.columns.reduce((s, c) => s + c.weight, 0)
  const widths = input.columns.map((c) => Math.floor((width * c.weight) / weights))
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: input.columns.map((c, i) =>
      gridCell(c.heading, widths[i]!, { bold: true, align: 'center' }),
    ),
  })
  const numberRow = input.numbers
    ? [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: input.numbers.map((n, i) =>
            gridCell(n, widths[i]!, { italics: true, align: 'center' }),
          ),
        }),
      ]
    : []
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      headerRow,
      ...numberRow,
      ...input.rows.map(
        (r, rowIndex) =>
          // A row is not cut across two pages (Word still cuts one taller than a page).
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) =>
              gridCell(v, widths[i]!, {
                align: input.columns[i]?.align ?? 'left',
                bold: input.boldRows?.has(rowIndex),
              }),
            ),
          }),
      ),
    ],
  })
}

/** One section of the page's orientation with ND30 margins. */
export function pageSection(
  orientation: Orientation,
  children: ISectionOptions['children'],
): ISectionOptions {
  return {
    properties: {
      page: {
        // docx swaps width and height for a landscape page itself.
        size: {
          width: A4.short,
          height: A4.long,
          orientation:
            orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
        },
        margin: MARGIN,
      },
    },
    children,
  }
}

/** The .docx of a document made of sections, Times New Roman 13 pt throughout. */
export function packDocument(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'caitien',
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections,
  })
  return Packer.toBuffer(doc)
}
