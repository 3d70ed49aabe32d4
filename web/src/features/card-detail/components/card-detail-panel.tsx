import {
  STATUS_LABELS,
  canManagePlan,
  canWorkOnCard,
  firstLine,
  formatMonth,
  formatVnd,
  type Actor,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Modal } from '@/components/ui/modal'
import { httpStatusOf } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { cardQueryOptions, type CardDetail } from '../api/card-queries'
import { cardMessages, planFieldLabels } from '../card-messages'
import { ActivityList } from './activity-list'
import { AssigneesSection } from './assignees-section'
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
}: {
  cardId: string
  members: readonly DetailMember[]
  onClose: () => void
  /** Called after a write here, so the caller can refresh the board. */
  onChanged: () => void
  /** The move-to actions, composed by the app from the board feature. */
  statusActions: ReactNode
}) {
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const query = useQuery(cardQueryOptions(cardId))
  const card = query.data?.card
  const title = card ? (
    <>
      {card.criterion && (
        <span className={`tile-criterion std-${card.standard ?? 'none'}`}>
          {common.criterionTag({ code: card.criterion })}
        </span>
      )}{' '}
      <span>{shortTitle(card)}</span>
    </>
  ) : (
    m.cardDetail
  )

  return (
    <Modal title={title} onClose={onClose} variant="panel" closeLabel={common.close}>
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
        />
      )}
    </Modal>
  )
}

function shortTitle(card: CardDetail): string {
  return firstLine(card.tasks) || firstLine(card.target) || firstLine(card.criterionLabel)
}

function CardDetailBody({
  card,
  me,
  members,
  onChanged,
  statusActions,
}: {
  card: CardDetail
  me: Actor
  members: readonly DetailMember[]
  onChanged: () => void
  statusActions: ReactNode
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const labels = useMessages(planFieldLabels)
  const nameOf = (id: string) => members.find((member) => member.id === id)?.displayName

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
    { key: 'weakness', value: card.weakness },
    { key: 'target', value: card.target },
    { key: 'tasks', value: card.tasks },
    { key: 'measures', value: card.measures },
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
      <LatestSendBack status={card.status} reviews={card.reviews} />

      <AssigneesSection
        card={card}
        members={members}
        canEdit={canManagePlan(me)}
        onChanged={onChanged}
      />

      <section className="detail-section" aria-labelledby="detail-plan">
        <h3 id="detail-plan" className="section-title">
          {m.planFields}
        </h3>
        <dl className="fields">
          {fields.map((f) => (
            <div key={f.key} className="field-row">
              <dt>{labels[f.key]}</dt>
              <dd className={f.value ? 'multiline' : 'multiline muted'}>
                {f.value || common.none}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <EvidenceSection card={card} me={me} canAdd={canWorkOnCard(card, me)} onChanged={onChanged} />
      <ReviewHistory reviews={card.reviews} resubmissions={card.resubmissions} />
      <CommentsSection card={card} onChanged={onChanged} />
      <ActivityList activity={card.activity} nameOf={nameOf} />
    </div>
  )
}
