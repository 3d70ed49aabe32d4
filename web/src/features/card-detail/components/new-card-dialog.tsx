import type { PlanField } from '@caitien/shared'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { useCreateCard } from '../api/card-queries'
import { cardEditMessages } from '../card-edit-messages'
import { CardFieldsForm, toFieldValues } from './card-fields-form'

const BLANK = toFieldValues()

/** The principal adds an action by hand, with every plan field; it lands in "Kế hoạch". */
export function NewCardDialog({
  planId,
  onClose,
  onCreated,
}: {
  planId: string
  onClose: () => void
  /** The new card's id, once saved: the caller refreshes the board and may open it. */
  onCreated: (cardId: string) => void
}) {
  const m = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const create = useCreateCard(planId)
  return (
    <Modal title={m.addCardTitle} onClose={onClose} variant="wide" closeLabel={common.close}>
      <p className="muted form-hint">{m.addCardHint}</p>
      <CardFieldsForm
        initial={BLANK}
        submitLabel={m.addCard}
        pendingLabel={m.adding}
        pending={create.isPending}
        error={create.isError ? errorMessage(create.error, m.addFailed) : null}
        onCancel={onClose}
        onSubmit={(changes: Partial<Record<PlanField, string | null>>) =>
          create.mutate(changes, { onSuccess: (data) => onCreated(data.card.id) })
        }
      />
    </Modal>
  )
}
