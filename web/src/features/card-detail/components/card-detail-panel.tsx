import {
  STATUS_LABELS,
  canComment,
  canManagePlan,
  canWorkOnCard,
  cardTitle,
  formatMonth,
  formatVnd,
  type Actor,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ReactNode } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage, httpStatusOf } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import {
  cardQueryOptions,
  useDeleteCard,
  useRestoreCard,
  useUpdateCard,
  type CardDetail,
} from '../api/card-queries'
import { cardEditMessages } from '../card-edit-messages'
import { planFieldLabels } from '@caitien/shared'
import { cardMessages } from '../card-messages'
import { CardFieldsForm, toFieldValues } from './card-fields-form'
import { ActivityList } from './activity-list'
import { AssigneesSection } from './assignees-section'
import { ProblemLink } from './problem-link'
import { CommentsSection } from './comments-section'
import { EvidenceSection } from './evidence-section'
import { LatestSendBack, ReviewHistory } from './review-history'

export interface DetailMember {
  id: string
  displayName: string
  /** Deactivated (issue 12): still named on cards, not offered to assign. */
  deactivated?: boolean
}

/** The card detail, as a side panel (full screen on a phone). */
export function CardDetailPanel({
  cardId,
  members,
  onClose,
  onChanged,
  statusActions,
  readOnly = false,
  onOpenCard,
}: {
  cardId: string
  members: readonly DetailMember[]
  onClose: () => void
  /** Called after a write here, so the caller can refresh the board. */
  onChanged: () => void
  /** The move-to actions, composed by the app from the board feature. */
  statusActions: ReactNode
  /** The plan is archived: nothing of the card can be changed (shared planWriteRefusal). */
  readOnly?: boolean
  /** Opens a card of any plan (a carried-over card's original, or where one went). */
  onOpenCard?: (planId: string, cardId: string) => void
}) {
  const m = useMessages(cardMessages)
  const e = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const query = useQuery(cardQueryOptions(cardId))
  // Deleted from this panel: its version, for the restore offered in its place.
  const [deleted, setDeleted] = useState<{ version: number; planId: string } | null>(null)
  const card = query.data?.card
  const title = card ? (
    <>
      {card.criterion && (
        <span className={`tile-criterion std-${card.standard ?? 'none'}`}>
          {common.criterionTag({ code: card.criterion })}
        </span>
      )}{' '}
      <span>{shortTitle(card) || e.untitled}</span>
    </>
  ) : (
    m.cardDetail
  )

  return (
    <Modal title={title} onClose={onClose} variant="panel" closeLabel={common.close}>
      {deleted ? (
        <DeletedNotice
          cardId={cardId}
          planId={deleted.planId}
          version={deleted.version}
          onRestored={() => {
            setDeleted(null)
            onChanged()
          }}
        />
      ) : (
        <>
          {query.isPending && <p className="muted">{common.loading}</p>}
          {query.isError && (
            <p className="form-error" role="alert">
              {httpStatusOf(query.error) === 404 ? m.cardGone : common.loadFailed}
            </p>
          )}
          {query.data && (
            <CardDetailBody
              card={query.data.card}
              me={query.data.me}
              members={members}
              onChanged={onChanged}
              statusActions={statusActions}
              readOnly={readOnly}
              onOpenCard={onOpenCard}
              onDeleted={(version) => {
                if (card) setDeleted({ version, planId: card.planId })
                onChanged()
              }}
            />
          )}
        </>
      )}
      {readOnly && !deleted && <p className="read-only-note">{e.readOnly}</p>}
    </Modal>
  )
}

function shortTitle(card: CardDetail): string {
  return cardTitle(card)
}

/** In place of a card just deleted here: say so, and offer it back. */
function DeletedNotice({
  cardId,
  planId,
  version,
  onRestored,
}: {
  cardId: string
  planId: string
  version: number
  onRestored: () => void
}) {
  const e = useMessages(cardEditMessages)
  const restore = useRestoreCard(planId)
  return (
    <div className="deleted-notice" role="status">
      <p>{e.cardDeleted}</p>
      {restore.isError && (
        <p className="form-error" role="alert">
          {errorMessage(restore.error, e.restoreFailed)}
        </p>
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={restore.isPending}
        onClick={() => restore.mutate({ id: cardId, version }, { onSuccess: onRestored })}
      >
        {restore.isPending ? e.restoring : e.restoreCard}
      </button>
    </div>
  )
}

/** The principal's edit of the plan fields, against the version shown. */
function EditFields({
  card,
  onDone,
  onChanged,
}: {
  card: CardDetail
  onDone: () => void
  onChanged: () => void
}) {
  const e = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const update = useUpdateCard(card.id, onChanged)
  return (
    <CardFieldsForm
      initial={toFieldValues(card)}
      submitLabel={common.save}
      pendingLabel={common.saving}
      pending={update.isPending}
      error={update.isError ? errorMessage(update.error, e.editFailed) : null}
      onCancel={onDone}
      onSubmit={(changes) =>
        update.mutate({ version: card.version, ...changes }, { onSuccess: onDone })
      }
    />
  )
}

/** Asks before deleting the card; the card can be restored afterwards. */
function DeleteCard({ card, onDeleted }: { card: CardDetail; onDeleted: (v: number) => void }) {
  const e = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const [asking, setAsking] = useState(false)
  const remove = useDeleteCard(card.id)
  return (
    <>
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => setAsking(true)}
      >
        {e.deleteCard}
      </button>
      {asking && (
        <Modal title={e.deleteCardTitle} onClose={() => setAsking(false)} closeLabel={common.close}>
          <p>{e.deleteCardText}</p>
          {remove.isError && (
            <p className="form-error" role="alert">
              {errorMessage(remove.error, e.deleteFailed)}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {common.cancel}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(card.version, {
                  onSuccess: () => {
                    setAsking(false)
                    onDeleted(card.version + 1)
                  },
                })
              }
            >
              {remove.isPending ? e.deleting : e.deleteCard}
            </button>
          </div>
        </Modal>
      )}
    </>
  )
}

/** "Carried over from …": a link to the card it continues, whose history is there. */
function CarriedFrom({
  from,
  onOpenCard,
}: {
  from: NonNullable<CardDetail['carriedFrom']>
  onOpenCard?: (planId: string, cardId: string) => void
}) {
  const e = useMessages(cardEditMessages)
  const href = `/plans/${from.plan.id}/cards/${from.cardId}`
  return (
    <p className="carried-from">
      <span>{e.carriedFrom({ plan: from.plan.title })}</span>{' '}
      {from.planDeleted ? (
        <span className="muted">{e.originalGone}</span>
      ) : (
        <a
          href={href}
          onClick={(event) => {
            if (!onOpenCard) return
            event.preventDefault()
            onOpenCard(from.plan.id, from.cardId)
          }}
        >
          {e.openOriginal}
        </a>
      )}
    </p>
  )
}

function CardDetailBody({
  card,
  me,
  members,
  onChanged,
  statusActions,
  readOnly,
  onOpenCard,
  onDeleted,
}: {
  card: CardDetail
  me: Actor
  members: readonly DetailMember[]
  onChanged: () => void
  statusActions: ReactNode
  readOnly: boolean
  onOpenCard?: (planId: string, cardId: string) => void
  onDeleted: (version: number) => void
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const e = useMessages(cardEditMessages)
  const common = useMessages(commonMessages)
  const labels = useMessages(planFieldLabels)
  const nameOf = (id: string) => members.find((member) => member.id === id)?.displayName
  const [editing, setEditing] = useState(false)
  const manages = canManagePlan(me) && !readOnly

  const months =
    card.startMonth && card.dueMonth
      ? card.startMonth === card.dueMonth
        ? formatMonth(card.dueMonth)
        : `${formatMonth(card.startMonth)} → ${formatMonth(card.dueMonth)}`
      : null

  const fields: { key: keyof typeof labels; value: ReactNode }[] = [
    {
      key: 'standard',
      value: card.standard ? m.codeAndName({ code: card.standard, name: card.standardName }) : null,
    },
    {
      key: 'criterion',
      value: card.criterion
        ? m.codeAndName({ code: card.criterion, name: card.criterionLabel })
        : card.criterionLabel,
    },
    { key: 'section', value: card.section },
    { key: 'improvementContent', value: card.improvementContent },
    { key: 'weakness', value: card.weakness },
    { key: 'target', value: card.target },
    { key: 'tasks', value: card.tasks },
    { key: 'measures', value: card.measures },
    { key: 'indicators', value: card.indicators },
    { key: 'lead', value: card.lead },
    { key: 'coordinators', value: card.coordinators },
    {
      key: 'timeframe',
      value:
        card.timeframe || months ? (
          <>
            {card.timeframe}
            {months && <span className="parsed">{months}</span>}
          </>
        ) : null,
    },
    {
      key: 'budget',
      value:
        card.budget || card.budgetAmount !== null ? (
          <>
            {card.budget}
            {card.budgetAmount !== null && (
              <span className="parsed">{formatVnd(card.budgetAmount)}</span>
            )}
          </>
        ) : null,
    },
    { key: 'fundingSource', value: card.fundingSource },
    { key: 'support', value: card.support },
    { key: 'expectedEvidence', value: card.expectedEvidence },
    { key: 'completionLevel', value: card.completionLevel },
    { key: 'notes', value: card.notes },
  ]

  return (
    <div className="detail">
      <div className="detail-status">
        <span className={`status-pill status-pill-${card.status}`}>
          <span className="column-dot" aria-hidden="true" />
          {m.status({ status: STATUS_LABELS[lang][card.status] })}
        </span>
        {statusActions}
      </div>
      {card.carriedFrom && <CarriedFrom from={card.carriedFrom} onOpenCard={onOpenCard} />}
      <LatestSendBack status={card.status} reviews={card.reviews} />

      <AssigneesSection card={card} members={members} canEdit={manages} onChanged={onChanged} />

      <section className="detail-section" aria-labelledby="detail-plan">
        <div className="section-head">
          <h3 id="detail-plan" className="section-title">
            {m.planFields}
          </h3>
          {manages && !editing && (
            <div className="section-tools">
              <button
                type="button"
                className="button button-small"
                onClick={() => setEditing(true)}
              >
                {e.editCard}
              </button>
              <DeleteCard card={card} onDeleted={onDeleted} />
            </div>
          )}
        </div>
        {editing ? (
          <EditFields card={card} onDone={() => setEditing(false)} onChanged={onChanged} />
        ) : (
          <dl className="fields">
            <ProblemLink card={card} canEdit={manages} onChanged={onChanged} />
            {fields.map((f) => (
              <div key={f.key} className="field-row">
                <dt>{labels[f.key]}</dt>
                <dd className={f.value ? 'multiline' : 'multiline muted'}>
                  {f.value || common.none}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <EvidenceSection
        card={card}
        me={me}
        canAdd={!readOnly && canWorkOnCard(card, me)}
        onChanged={onChanged}
      />
      <ReviewHistory reviews={card.reviews} resubmissions={card.resubmissions} />
      <CommentsSection card={card} canAdd={!readOnly && canComment(me)} onChanged={onChanged} />
      <ActivityList activity={card.activity} nameOf={nameOf} onOpenCard={onOpenCard} />
    </div>
  )
}
