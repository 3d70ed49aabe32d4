import { canDeleteEvidence, canManagePlan, type Actor } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { Suspense, lazy, useState } from 'react'
import { LoadingBackdrop } from '@/components/ui/loading-backdrop'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { cardQueryOptions, type EvidenceItem } from '../api/card-queries'
import { cardMessages } from '../card-messages'
import { EvidenceRow } from './evidence-row'

// The preview (frame, image, facts) loads the first time someone opens a file.
const EvidencePreview = lazy(() =>
  import('./evidence-preview').then((m) => ({ default: m.EvidencePreview })),
)

/**
 * A card's evidence items with the file preview. With `me`, the actions that person
 * may take (delete what they added before the card is verified; the principal edits
 * codes); without it, read only.
 */
export function EvidenceList({
  cardId,
  items,
  me,
  frozen,
  onChanged,
}: {
  cardId: string
  items: readonly EvidenceItem[]
  me?: Actor
  frozen: boolean
  onChanged?: () => void
}) {
  const common = useMessages(commonMessages)
  const [previewId, setPreviewId] = useState<string | null>(null)
  // Looked up by id, so the preview follows a code change made meanwhile.
  const previewed = items.find((e) => e.id === previewId)

  return (
    <>
      <ul className="evidence-list">
        {items.map((e) => (
          <EvidenceRow
            key={e.id}
            item={e}
            cardId={cardId}
            onPreview={(item) => setPreviewId(item.id)}
            canDelete={
              !frozen &&
              !!me &&
              canDeleteEvidence({ createdBy: e.createdBy.id }, me) &&
              !e.linkedFromCardId
            }
            canEditCode={!!me && canManagePlan(me)}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {previewed && (
        <Suspense fallback={<LoadingBackdrop label={common.loading} />}>
          <EvidencePreview item={previewed} onClose={() => setPreviewId(null)} />
        </Suspense>
      )}
    </>
  )
}

/**
 * A card's evidence by card id, read only, for views outside the card panel (the
 * review queue): the same rows and preview as the panel, from the same cached query.
 */
export function CardEvidence({ cardId }: { cardId: string }) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const query = useQuery(cardQueryOptions(cardId))
  if (query.isPending) return <p className="muted">{common.loading}</p>
  if (query.isError) return <p className="form-error">{common.loadFailed}</p>
  const card = query.data.card
  if (card.evidence.length === 0) return <p className="muted">{m.noEvidence}</p>
  return <EvidenceList cardId={card.id} items={card.evidence} frozen={card.status === 'verified'} />
}
