import { useMessages } from '@/lib/i18n'
import type { ColumnChoices, ImportField, ImportPreview } from '../api/import-queries'
import { fieldLabel, importFieldLabels, importMessages } from '../import-messages'

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
  const c = useMessages(importMessages)
  const labels = useMessages(importFieldLabels)
  const isField = (value: string): value is ImportField =>
    (fields as readonly string[]).includes(value)

  return (
    <ul className="column-map">
      {mapping.map((m) => {
        const name = m.heading.trim() || c.columnNumber({ n: m.columnIndex + 1 })
        const value = choices[String(m.columnIndex)] ?? null
        return (
          <li key={m.columnIndex} className={`column-map-item${value ? '' : ' column-map-off'}`}>
            <span className="column-map-heading" title={name}>
              <span className="column-map-index">{m.columnIndex + 1}</span>
              <span className="column-map-text">{name}</span>
            </span>
            <select
              aria-label={c.columnSelect({ column: m.heading || name })}
              value={value ?? ''}
              onChange={(e) =>
                onChoose(m.columnIndex, isField(e.target.value) ? e.target.value : null)
              }
            >
              <option value="">{c.ignoreColumn}</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {fieldLabel(labels, f)}
                </option>
              ))}
            </select>
          </li>
        )
      })}
    </ul>
  )
}
