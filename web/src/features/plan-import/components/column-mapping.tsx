import { useI18n } from '@/lib/i18n'
import type { ColumnChoices, ImportField, ImportPreview } from '../api/import-queries'
import { IMPORT_COPY, columnName, fieldLabel } from '../import-copy'

/** One select per source column: which card field it is read into, or none. */
export function ColumnMapping({
  mapping,
  fields,
  choices,
  onChoose,
}: {
  mapping: ImportPreview['mapping']
  fields: readonly ImportField[]
  choices: ColumnChoices
  onChoose: (columnIndex: number, field: ImportField | null) => void
}) {
  const { lang } = useI18n()
  const c = IMPORT_COPY[lang]
  const isField = (value: string): value is ImportField =>
    (fields as readonly string[]).includes(value)

  return (
    <ul className="column-map">
      {mapping.map((m) => {
        const name = columnName(m.columnIndex, m.heading, lang)
        const value = choices[String(m.columnIndex)] ?? null
        return (
          <li key={m.columnIndex} className={`column-map-item${value ? '' : ' column-map-off'}`}>
            <span className="column-map-heading" title={name}>
              <span className="column-map-index">{m.columnIndex + 1}</span>
              <span className="column-map-text">{name}</span>
            </span>
            <select
              aria-label={`${c.column}: ${m.heading || name}`}
              value={value ?? ''}
              onChange={(e) =>
                onChoose(m.columnIndex, isField(e.target.value) ? e.target.value : null)
              }
            >
              <option value="">{c.ignoreColumn}</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {fieldLabel(f, lang)}
                </option>
              ))}
            </select>
          </li>
        )
      })}
    </ul>
  )
}
