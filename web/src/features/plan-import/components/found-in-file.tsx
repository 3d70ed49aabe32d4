import { useMessages } from '@/lib/i18n'
import type { ImportPreview } from '../api/import-queries'
import { importMessages } from '../import-messages'

/** A plan table with no row: said exactly, with what else the file holds. */
export function FoundInFile({ found }: { found: ImportPreview['found'] }) {
  const c = useMessages(importMessages)
  const headings = found?.headings ?? []
  const tables = found?.tables ?? []
  return (
    <div className="import-empty" role="status">
      <p className="import-empty-line">{c.emptyTable}</p>
      {headings.length + tables.length === 0 ? (
        <p className="muted">{c.emptyNothingElse}</p>
      ) : (
        <>
          <p>{c.emptyFound}</p>
          {headings.length > 0 && (
            <>
              <h4 className="import-empty-title">{c.emptyHeadings}</h4>
              <ul className="import-empty-list">
                {headings.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ul>
            </>
          )}
          {tables.length > 0 && (
            <>
              <h4 className="import-empty-title">{c.emptyTables}</h4>
              <ul className="import-empty-list">
                {tables.map((t, i) => (
                  <li key={i}>
                    {c.emptyTable1({ rows: t.rows, columns: t.columns, text: t.firstText })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  )
}
