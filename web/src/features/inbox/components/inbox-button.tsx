import {
  checkpointNames,
  formatDateTime,
  overseerActivityMessages,
  reviewVerdictLabels,
  rollupMessages,
  type Checkpoint,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import {
  inboxQueryOptions,
  useMarkInboxSeen,
  type InboxData,
  type InboxToReview,
} from '../api/inbox-queries'
import { badgeText, inboxMessages } from '../inbox-messages'

/** Long enough to see what is new before the badge clears. */
const SEEN_DELAY_MS = 1500

type Group = 'sentBack' | 'toReview' | 'verified'
const keyOf = (group: Group, item: { cardId: string; at: string }) =>
  `${group}:${item.cardId}:${item.at}`

function unreadKeys(data: InboxData | undefined): Set<string> {
  const keys = new Set<string>()
  if (!data) return keys
  for (const i of data.sentBack) if (i.unread) keys.add(keyOf('sentBack', i))
  for (const i of data.toReview) if (i.unread) keys.add(keyOf('toReview', i))
  for (const i of data.verified) if (i.unread) keys.add(keyOf('verified', i))
  return keys
}

/**
 * The bell in the header: what needs this person's attention across their plans.
 * Opening it marks everything read after a moment; what was new stays highlighted
 * until it closes. Choosing an item opens that card (in its plan).
 */
export function InboxButton({
  currentPlanId,
  onOpenCard,
  reviewHref,
  oversightHref,
}: {
  currentPlanId: string | null
  onOpenCard: (planId: string, cardId: string) => void
  /** A plan's checkpoint review, where an overseeing body's answer is read. */
  reviewHref: (planId: string, checkpoint: Checkpoint) => string
  /** The roll-up, where an overseer answers a signed-off review. */
  oversightHref: string
}) {
  const m = useMessages(inboxMessages)
  const up = useMessages(overseerActivityMessages)
  const rollup = useMessages(rollupMessages)
  const names = useMessages(checkpointNames)
  const verdicts = useMessages(reviewVerdictLabels)
  const common = useMessages(commonMessages)
  const { data } = useQuery(inboxQueryOptions())
  const markSeen = useMarkInboxSeen()
  const [open, setOpen] = useState(false)
  const [fresh, setFresh] = useState<Set<string>>(new Set())
  const wrapRef = useRef<HTMLDivElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  const unread = data?.unread ?? 0
  const markSeenRef = useRef(markSeen.mutate)
  markSeenRef.current = markSeen.mutate

  useEffect(() => {
    if (!open) return
    panelRef.current?.focus()
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [open])

  useEffect(() => {
    if (!open || unread === 0) return
    const timer = window.setTimeout(() => markSeenRef.current(), SEEN_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [open, unread])

  function toggle() {
    if (!open) setFresh(unreadKeys(data))
    setOpen(!open)
  }

  function close() {
    setOpen(false)
    buttonRef.current?.focus()
  }

  function onPanelKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      // The inbox closes, not the dialogs or panels under it.
      event.preventDefault()
      event.stopPropagation()
      close()
    }
  }

  function choose(planId: string, cardId: string) {
    setOpen(false)
    onOpenCard(planId, cardId)
  }

  const isNew = (group: Group, item: { cardId: string; at: string; unread: boolean }) =>
    item.unread || fresh.has(keyOf(group, item))
  const empty =
    !!data &&
    data.sentBack.length +
      data.toReview.length +
      data.verified.length +
      data.overseerAnswers.length +
      data.reviewsToAnswer.length ===
      0

  return (
    <div className="inbox" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`icon-button inbox-button${unread > 0 ? ' inbox-button-unread' : ''}`}
        aria-label={m.inboxUnread({ n: unread })}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={m.inbox}
        onClick={toggle}
      >
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <path
            d="M10 3a4.5 4.5 0 0 0-4.5 4.5v3L4 13.5h12l-1.5-3v-3A4.5 4.5 0 0 0 10 3z M8 15.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className="inbox-badge" aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panelRef}
          className="inbox-panel"
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          onKeyDown={onPanelKeyDown}
        >
          <div className="inbox-head">
            <h2 id={headingId} className="inbox-title">
              {m.inbox}
            </h2>
            <button
              type="button"
              className="icon-button modal-close"
              aria-label={common.close}
              onClick={close}
            >
              ×
            </button>
          </div>
          <div className="inbox-body">
            {!data && <p className="muted inbox-empty">{common.loading}</p>}
            {empty && <p className="muted inbox-empty">{m.empty}</p>}
            {data && data.overseerAnswers.length > 0 && (
              <InboxGroup title={up.inboxTitle} tone="sent-back">
                {data.overseerAnswers.map((a) => (
                  <li key={a.id}>
                    <a
                      className={`inbox-item${a.unread ? ' inbox-item-new' : ''}`}
                      data-testid="inbox-answer"
                      href={reviewHref(a.planId, a.checkpoint)}
                    >
                      <span className="inbox-item-top">
                        {a.unread && <span className="inbox-new">{m.unreadMark}</span>}
                        <span className="inbox-plan">{verdicts[a.verdict]}</span>
                      </span>
                      <span className="inbox-item-title">
                        {up[a.verdict === 'sent_back' ? 'sentBack' : 'acknowledged']({
                          body: a.bodyName,
                          checkpoint: names[a.checkpoint],
                          plan: a.planTitle,
                        })}
                      </span>
                      {a.reason && (
                        <span className="inbox-reason">
                          {common.reasonLine({ reason: a.reason })}
                        </span>
                      )}
                      <span className="meta">
                        {a.by} · <time dateTime={a.at}>{formatDateTime(a.at)}</time>
                      </span>
                    </a>
                  </li>
                ))}
              </InboxGroup>
            )}
            {data && data.reviewsToAnswer.length > 0 && (
              <InboxGroup title={rollup.awaiting} tone="to-review">
                {data.reviewsToAnswer.map((r) => (
                  <li key={`${r.bodyId}:${r.reviewId}`}>
                    <a
                      className={`inbox-item${r.unread ? ' inbox-item-new' : ''}`}
                      href={oversightHref}
                    >
                      <span className="inbox-item-top">
                        {r.unread && <span className="inbox-new">{m.unreadMark}</span>}
                        <span className="inbox-plan">{r.schoolName}</span>
                      </span>
                      <span className="inbox-item-title">
                        {names[r.checkpoint]} · {r.planTitle}
                      </span>
                      <span className="meta">{rollup.signed({ date: formatDateTime(r.at) })}</span>
                    </a>
                  </li>
                ))}
              </InboxGroup>
            )}
            {data && data.sentBack.length > 0 && (
              <InboxGroup title={m.sentBack} tone="sent-back">
                {data.sentBack.map((i) => (
                  <InboxEntry
                    key={keyOf('sentBack', i)}
                    item={i}
                    isNew={isNew('sentBack', i)}
                    showPlan={i.planId !== currentPlanId}
                    onChoose={choose}
                  >
                    {i.reason && (
                      <span className="inbox-reason">
                        {common.reasonLine({ reason: i.reason })}
                      </span>
                    )}
                    <span className="meta">
                      {m.sentBackBy({ reviewer: i.reviewer })} ·{' '}
                      <time dateTime={i.at}>{formatDateTime(i.at)}</time>
                    </span>
                  </InboxEntry>
                ))}
              </InboxGroup>
            )}
            {data && data.toReview.length > 0 && (
              <InboxGroup title={m.toReview} tone="to-review">
                {data.toReview.map((i) => (
                  <InboxEntry
                    key={keyOf('toReview', i)}
                    item={i}
                    isNew={isNew('toReview', i)}
                    showPlan={i.planId !== currentPlanId}
                    onChoose={choose}
                  >
                    <span className="meta">
                      {richMessage(common.submittedAt, {
                        at: <time dateTime={i.at}>{formatDateTime(i.at)}</time>,
                      })}
                    </span>
                  </InboxEntry>
                ))}
              </InboxGroup>
            )}
            {data && data.verified.length > 0 && (
              <InboxGroup title={m.verified} tone="verified">
                {data.verified.map((i) => (
                  <InboxEntry
                    key={keyOf('verified', i)}
                    item={i}
                    isNew={isNew('verified', i)}
                    showPlan={i.planId !== currentPlanId}
                    onChoose={choose}
                  >
                    {i.reason && (
                      <span className="inbox-reason inbox-comment">
                        {common.commentLine({ comment: i.reason })}
                      </span>
                    )}
                    <span className="meta">
                      {m.verifiedBy({ reviewer: i.reviewer })} ·{' '}
                      <time dateTime={i.at}>{formatDateTime(i.at)}</time>
                    </span>
                  </InboxEntry>
                ))}
              </InboxGroup>
            )}
          </div>
        </div>
      )}
    </div>
  )
}

function InboxGroup({
  title,
  tone,
  children,
}: {
  title: string
  tone: string
  children: ReactNode
}) {
  const id = useId()
  return (
    <section className={`inbox-group inbox-group-${tone}`} aria-labelledby={id}>
      <h3 id={id} className="inbox-group-title">
        {title}
      </h3>
      <ul className="inbox-list">{children}</ul>
    </section>
  )
}

function InboxEntry({
  item,
  isNew,
  showPlan,
  onChoose,
  children,
}: {
  /** Every group's items carry at least these fields. */
  item: InboxToReview
  isNew: boolean
  showPlan: boolean
  onChoose: (planId: string, cardId: string) => void
  children: ReactNode
}) {
  const m = useMessages(inboxMessages)
  const common = useMessages(commonMessages)
  return (
    <li>
      <button
        type="button"
        className={`inbox-item${isNew ? ' inbox-item-new' : ''}`}
        data-testid="inbox-item"
        data-card-id={item.cardId}
        onClick={() => onChoose(item.planId, item.cardId)}
      >
        <span className="inbox-item-top">
          {isNew && <span className="inbox-new">{m.unreadMark}</span>}
          {item.criterion && (
            <span className="tile-criterion">{common.criterionTag({ code: item.criterion })}</span>
          )}
          {showPlan && <span className="inbox-plan">{item.planTitle}</span>}
        </span>
        <span className="inbox-item-title">{item.title}</span>
        {children}
      </button>
    </li>
  )
}
