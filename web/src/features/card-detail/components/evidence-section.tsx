import { addEvidenceInputSchema, formatDate } from '@caitien/shared'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { useI18n } from '@/lib/i18n'
import { useAddEvidence, type CardDetail } from '../api/card-queries'

export function EvidenceSection({
  card,
  canAdd,
  nameOf,
  onChanged,
}: {
  card: CardDetail
  canAdd: boolean
  nameOf: (id: string) => string | undefined
  onChanged: () => void
}) {
  const { t } = useI18n()
  const { showToast } = useToast()
  const add = useAddEvidence(card.id, onChanged)
  const [kind, setKind] = useState<'link' | 'note'>('link')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const frozen = card.status === 'verified'

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const input = kind === 'link' ? { kind, title, url } : { kind, title, note }
    const parsed = addEvidenceInputSchema.safeParse(input)
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      return
    }
    setError(null)
    add.mutate(parsed.data, {
      onSuccess: () => {
        setTitle('')
        setUrl('')
        setNote('')
      },
      onError: (err) => showToast(errorMessage(err, t('loadFailed'))),
    })
  }

  return (
    <section className="detail-section" aria-labelledby="detail-evidence">
      <h3 id="detail-evidence" className="section-title">
        {t('evidence')} <span className="section-count">{card.evidence.length}</span>
      </h3>
      {card.evidence.length === 0 ? (
        <p className="muted">{t('noEvidence')}</p>
      ) : (
        <ul className="evidence-list">
          {card.evidence.map((e) => (
            <li key={e.id} className="evidence">
              <span className="evidence-code">{e.code}</span>
              <div className="evidence-body">
                {e.kind === 'link' && e.url ? (
                  <a href={e.url} target="_blank" rel="noopener noreferrer">
                    {e.title}
                  </a>
                ) : (
                  <strong>{e.title}</strong>
                )}
                {e.note && <p className="multiline">{e.note}</p>}
                <span className="meta">
                  {nameOf(e.createdBy.id) ?? e.createdBy.displayName} · {formatDate(e.createdAt)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canAdd && frozen && <p className="muted">{t('evidenceFrozen')}</p>}
      {canAdd && !frozen && (
        <form className="evidence-form" onSubmit={onSubmit} noValidate>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('addEvidence')}</legend>
            <label>
              <input
                type="radio"
                name="evidence-kind"
                checked={kind === 'link'}
                onChange={() => setKind('link')}
              />
              <span>{t('evidenceLink')}</span>
            </label>
            <label>
              <input
                type="radio"
                name="evidence-kind"
                checked={kind === 'note'}
                onChange={() => setKind('note')}
              />
              <span>{t('evidenceNote')}</span>
            </label>
          </fieldset>
          <label className="field">
            <span className="field-label">{t('evidenceTitle')}</span>
            <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </label>
          {kind === 'link' ? (
            <label className="field">
              <span className="field-label">{t('evidenceUrl')}</span>
              <input
                type="url"
                inputMode="url"
                value={url}
                placeholder="https://"
                onChange={(e) => setUrl(e.target.value)}
              />
            </label>
          ) : (
            <label className="field">
              <span className="field-label">{t('evidenceNoteBody')}</span>
              <textarea
                rows={3}
                value={note}
                maxLength={5000}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={add.isPending}>
              {add.isPending ? t('saving') : t('addEvidence')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
