import {
  CARD_STATUSES,
  CHECKPOINTS,
  COMPLETION_LEVELS,
  SCHOOL_LEVELS,
  STATUS_LABELS,
  attentionLabels,
  checkpointNames,
  completionLevelLabels,
  formatDate,
  reviewVerdictLabels,
  rollupMessages,
  schoolLevelLabels,
  type Checkpoint,
  type RollupQuery,
  type RollupReview,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import {
  myBodiesQueryOptions,
  rollupExportHref,
  rollupQueryOptions,
  useAnswerReview,
  type MyBody,
  type Rollup,
} from '../api/oversight-queries'

export interface RollupLinks {
  board: (planId: string) => string
  progress: (planId: string) => string
  reviews: (planId: string, checkpoint: Checkpoint) => string
  years: (schoolId: string) => string
}

/**
 * An overseeing body's schools, one row each, sorted by name (no rank: DESIGN §8), with
 * filters, the workbook, the answers to signed-off reviews, and links into each school's
 * screens (read-only there: the predicates hide every action and the server refuses).
 */
export function RollupPage({
  links,
  bodyTools,
}: {
  links: RollupLinks
  /** What the app offers for the body shown (a lead's "add an account"), or nothing. */
  bodyTools?: (body: MyBody) => ReactNode
}) {
  const m = useMessages(rollupMessages)
  const common = useMessages(commonMessages)
  const bodies = useQuery(myBodiesQueryOptions())
  const [chosen, setChosen] = useState<string | null>(null)
  if (bodies.isPending) return <p className="page-note">{common.loading}</p>
  if (bodies.isError)
    return (
      <LoadFailed
        message={errorMessage(bodies.error, common.loadFailed)}
        retryLabel={common.retry}
        onRetry={() => void bodies.refetch()}
      />
    )
  const list = bodies.data.bodies
  const body = list.find((b) => b.id === chosen) ?? list[0]
  if (!body) return <p className="page-note">{m.noBody}</p>
  return (
    <div className="rollup-page">
      <header className="history-head">
        <h1 className="history-title">{m.title}</h1>
        {list.length > 1 ? (
          <label className="field rollup-body-choice">
            <span className="field-label">{m.body}</span>
            <select value={body.id} onChange={(e) => setChosen(e.target.value)}>
              {list.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="muted">{body.name}</p>
        )}
        {bodyTools && <div className="rollup-body-tools">{bodyTools(body)}</div>}
      </header>
      <p className="checkpoint-intro">{m.intro}</p>
      <BodyRollup key={body.id} bodyId={body.id} links={links} />
    </div>
  )
}

function BodyRollup({ bodyId, links }: { bodyId: string; links: RollupLinks }) {
  const m = useMessages(rollupMessages)
  const common = useMessages(commonMessages)
  const levels = useMessages(schoolLevelLabels)
  const [query, setQuery] = useState<RollupQuery>({})
  const rollup = useQuery(rollupQueryOptions(bodyId, query))
  const frameworks = rollup.data?.frameworks ?? []

  return (
    <>
      <div className="rollup-filters" role="group" aria-label={m.attention}>
        <label className="field">
          <span className="field-label">{m.level}</span>
          <select
            value={query.level ?? ''}
            onChange={(e) =>
              setQuery({
                ...query,
                level: (e.target.value || undefined) as RollupQuery['level'],
              })
            }
          >
            <option value="">{m.allLevels}</option>
            {SCHOOL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {levels[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{m.framework}</span>
          <select
            value={query.framework ?? ''}
            onChange={(e) => setQuery({ ...query, framework: e.target.value || undefined })}
          >
            <option value="">{m.allFrameworks}</option>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id} title={f.title}>
                {f.code}
              </option>
            ))}
          </select>
        </label>
        <label className="check rollup-attention">
          <input
            type="checkbox"
            checked={query.attention === '1'}
            onChange={(e) => setQuery({ ...query, attention: e.target.checked ? '1' : undefined })}
          />
          <span className="check-text">{m.needsAttention}</span>
        </label>
        <a className="button button-small" href={rollupExportHref(bodyId, query)} download>
          {m.export}
        </a>
      </div>
      {rollup.isPending && <p className="page-note">{common.loading}</p>}
      {rollup.isError && (
        <LoadFailed
          message={errorMessage(rollup.error, common.loadFailed)}
          retryLabel={common.retry}
          onRetry={() => void rollup.refetch()}
        />
      )}
      {rollup.data && <RollupTable bodyId={bodyId} data={rollup.data} links={links} />}
    </>
  )
}

function RollupTable({
  bodyId,
  data,
  links,
}: {
  bodyId: string
  data: Rollup
  links: RollupLinks
}) {
  const m = useMessages(rollupMessages)
  const { lang } = useI18n()
  const attention = useMessages(attentionLabels)
  const levelNames = useMessages(schoolLevelLabels)
  const completion = useMessages(completionLevelLabels)
  return (
    <>
      <p className="muted rollup-count" aria-live="polite">
        {m.count({ shown: data.rows.length, total: data.total })}
      </p>
      {data.rows.length === 0 ? (
        <p className="page-note">{m.none}</p>
      ) : (
        <div className="rollup-scroll">
          <table className="rollup-table">
            <thead>
              <tr>
                <th scope="col">{m.school}</th>
                <th scope="col">{m.total}</th>
                <th scope="col">{m.overdue}</th>
                <th scope="col">{m.semester1}</th>
                <th scope="col">{m.yearEnd}</th>
                <th scope="col">{m.evidence}</th>
                <th scope="col">{m.mandatoryOpen}</th>
                <th scope="col">{m.continuousYears}</th>
                <th scope="col">{m.attention}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.schoolId} data-testid="rollup-row" data-school-id={r.schoolId}>
                  <th scope="row" className="rollup-school">
                    <span className="rollup-school-name">{r.schoolName}</span>
                    <span className="muted rollup-school-meta">
                      {levelNames[r.level as keyof typeof levelNames] ?? r.level}
                      {r.plan ? ` · ${r.plan.title} (${r.plan.schoolYear})` : ` · ${m.noPlan}`}
                    </span>
                    {r.plan && (
                      <span className="rollup-links">
                        <a href={links.board(r.plan.id)}>{m.open_board}</a>
                        <a href={links.progress(r.plan.id)}>{m.open_progress}</a>
                        <a href={links.reviews(r.plan.id, 'semester1')}>{m.open_reviews}</a>
                        <a href={links.years(r.schoolId)}>{m.open_years}</a>
                      </span>
                    )}
                  </th>
                  <td data-label={m.total}>
                    <div>
                      <strong>{r.total}</strong>
                      <span className="rollup-statuses">
                        {CARD_STATUSES.map((s) => (
                          <span
                            key={s}
                            title={STATUS_LABELS[lang][s]}
                            className={`rollup-status rollup-status-${s}`}
                          >
                            {STATUS_LABELS[lang][s]}: {r.byStatus[s]}
                          </span>
                        ))}
                      </span>
                      {r.byLevel && (
                        <span className="rollup-statuses" title={m.byLevel}>
                          {COMPLETION_LEVELS.map((l) => (
                            <span key={l} className="rollup-status">
                              {completion[l]}: {r.byLevel![l]}
                            </span>
                          ))}
                        </span>
                      )}
                    </div>
                  </td>
                  <td data-label={m.overdue} className={r.overdue > 0 ? 'rollup-warn' : undefined}>
                    {r.overdue}
                  </td>
                  {CHECKPOINTS.map((c) => (
                    <td key={c} data-label={m[c]}>
                      <ReviewCell bodyId={bodyId} review={r.reviews[c]} checkpoint={c} />
                    </td>
                  ))}
                  <td data-label={m.evidence}>
                    {r.evidence.verified} / {r.evidence.expected}
                  </td>
                  <td data-label={m.mandatoryOpen}>{r.mandatoryOpen}</td>
                  <td data-label={m.continuousYears}>{r.continuousYears}</td>
                  <td data-label={m.attention}>
                    {r.attention.length > 0 && (
                      <ul className="rollup-attention-list">
                        {r.attention.map((a) => (
                          <li key={a}>{attention[a]}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

function ReviewCell({
  bodyId,
  review,
  checkpoint,
}: {
  bodyId: string
  review: RollupReview
  checkpoint: Checkpoint
}) {
  const m = useMessages(rollupMessages)
  const verdicts = useMessages(reviewVerdictLabels)
  const names = useMessages(checkpointNames)
  const answer = useAnswerReview(bodyId)
  const [sendingBack, setSendingBack] = useState(false)
  const [reason, setReason] = useState('')
  let text: ReactNode
  if (review.state === 'none') text = <span className="muted">{m.notOpened}</span>
  else if (review.state === 'open') text = m.open({ date: formatDate(review.openedAt!) })
  else text = m.signed({ date: formatDate(review.signedAt!) })
  const awaiting = review.state === 'signed' && review.answer === null && review.reviewId
  const send = (verdict: 'acknowledged' | 'sent_back') =>
    answer.mutate(
      {
        reviewId: review.reviewId!,
        answer: verdict === 'sent_back' ? { verdict, reason } : { verdict },
      },
      { onSuccess: () => setSendingBack(false) },
    )
  return (
    <div className="rollup-review" data-checkpoint={checkpoint}>
      <span>{text}</span>
      {review.answer && (
        <span
          className={`rollup-answer rollup-answer-${review.answer.verdict}`}
          title={review.answer.reason ?? undefined}
        >
          {m.answered({
            verdict: verdicts[review.answer.verdict],
            date: formatDate(review.answer.at),
          })}
        </span>
      )}
      {awaiting && !sendingBack && (
        <span className="rollup-answer-actions">
          <span className="rollup-awaiting">{m.awaiting}</span>
          <button
            type="button"
            className="button button-small"
            disabled={answer.isPending}
            onClick={() => send('acknowledged')}
          >
            {m.acknowledge}
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={answer.isPending}
            onClick={() => setSendingBack(true)}
          >
            {m.sendBack}
          </button>
        </span>
      )}
      {awaiting && sendingBack && (
        <form
          className="rollup-send-back"
          onSubmit={(e) => {
            e.preventDefault()
            send('sent_back')
          }}
        >
          <label className="field">
            <span className="field-label">
              {m.sendBackReason} ({names[checkpoint]})
            </span>
            <textarea
              value={reason}
              rows={3}
              required
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <span className="rollup-answer-actions">
            <button
              type="submit"
              className="button button-small button-primary"
              disabled={answer.isPending || reason.trim() === ''}
            >
              {m.sendBackConfirm}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => setSendingBack(false)}
            >
              {m.cancel}
            </button>
          </span>
        </form>
      )}
      {answer.isError && (
        <p className="form-error" role="alert">
          {errorMessage(answer.error, m.answerFailed)}
        </p>
      )}
    </div>
  )
}
