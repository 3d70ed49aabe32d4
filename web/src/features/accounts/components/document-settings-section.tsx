import {
  DOCUMENT_SETTING_LIMITS,
  documentSettingsInputSchema,
  type DocumentSettings,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import {
  documentSettingsQueryOptions,
  useSaveDocumentSettings,
  type DocumentSettingsAnswer,
} from '../api/document-settings-queries'
import { documentSettingsMessages } from '../document-settings-messages'

const FIELDS = [
  'issuingBody',
  'placeName',
  'documentSymbol',
  'overseerName',
  'signerTitle',
  'signerName',
] as const satisfies readonly (keyof DocumentSettings)[]

/**
 * The school's document settings (issuing body, place, symbol, addressee, signer), for its
 * principal: what the official documents print in their header and signature block. An
 * empty field shows the default the documents use instead.
 */
export function DocumentSettingsSection({ schoolId }: { schoolId: string }) {
  const m = useMessages(documentSettingsMessages)
  const common = useMessages(commonMessages)
  const query = useQuery(documentSettingsQueryOptions(schoolId))
  return (
    <section className="acc-section acc-card" data-testid="document-settings">
      <h2 className="acc-subtitle">{m.title}</h2>
      <p className="muted acc-intro">{m.hint}</p>
      {query.isPending && <p className="page-note">{common.loading}</p>}
      {query.isError && <p className="form-error">{common.loadFailed}</p>}
      {query.data && <SettingsForm schoolId={schoolId} loaded={query.data} />}
    </section>
  )
}

function SettingsForm({ schoolId, loaded }: { schoolId: string; loaded: DocumentSettingsAnswer }) {
  const m = useMessages(documentSettingsMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const save = useSaveDocumentSettings(schoolId)
  const [problem, setProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const { printed, defaults } = loaded
  const hints: Record<(typeof FIELDS)[number], string | null> = {
    issuingBody: m.issuingBodyHint,
    placeName: m.placeNameHint,
    documentSymbol: m.documentSymbolHint({ example: printed.documentSymbol }),
    overseerName: m.overseerNameHint,
    signerTitle: m.defaultValue({ value: defaults.signerTitle }),
    signerName: defaults.signerName ? m.defaultValue({ value: defaults.signerName }) : null,
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        const data = new FormData(e.currentTarget)
        const parsed = documentSettingsInputSchema.safeParse(
          Object.fromEntries(FIELDS.map((f) => [f, data.get(f) ?? ''])),
        )
        if (!parsed.success) {
          const key = parsed.error.issues[0]?.path[0]
          const field = FIELDS.find((f) => f === key)
          setProblem(m.checkField({ field: field ? m[field] : String(key ?? '') }))
          return
        }
        setProblem(null)
        setSaved(false)
        save.mutate(parsed.data, { onSuccess: () => setSaved(true) })
      }}
    >
      <div className="acc-form-row">
        {FIELDS.map((field) => (
          <label key={field} className="field" htmlFor={`${id}-${field}`}>
            <span className="field-label">{m[field]}</span>
            <input
              id={`${id}-${field}`}
              name={field}
              defaultValue={loaded.settings[field] ?? ''}
              maxLength={DOCUMENT_SETTING_LIMITS[field]}
              aria-describedby={hints[field] ? `${id}-${field}-hint` : undefined}
            />
            {hints[field] && (
              <span id={`${id}-${field}-hint`} className="muted acc-note">
                {hints[field]}
              </span>
            )}
          </label>
        ))}
      </div>
      {(problem !== null || save.isError) && (
        <p className="form-error" role="alert">
          {problem ?? errorMessage(save.error, common.networkError)}
        </p>
      )}
      <div className="form-actions">
        {saved && !save.isPending && (
          <span className="muted" role="status">
            {m.saved}
          </span>
        )}
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? common.saving : m.save}
        </button>
      </div>
    </form>
  )
}
