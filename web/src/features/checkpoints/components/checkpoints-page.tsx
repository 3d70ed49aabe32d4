import {
  CHECKPOINT_TEXT_FIELDS,
  COMPLETION_LEVELS,
  STATUS_LABELS,
  BIEU_2,
  canEditCheckpoint,
  canRunCheckpoint,
  checkpointEditRefusal,
  checkpointNames,
  completionLevelLabels,
  formatDate,
  formatDateTime,
  formatMonth,
  type Actor,
  type Checkpoint,
  type CheckpointTextField,
  type CompletionLevel,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'
import { DownloadIcon } from '@/components/ui/icons'
import { LoadFailed } from '@/components/ui/load-failed'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import {
  checkpointListQueryOptions,
  checkpointQueryOptions,
  checkpointReportHref,
  useCheckpointCommands,
  type CheckpointList,
  type PlanCouncil,
  type Review,
  type ReviewRow,
} from '../api/checkpoint-queries'
import { checkpointUiMessages } from '../checkpoint-messages'
import { SaveWithNote } from '@/components/ui/form-actions'

/** Table VI's headings, as the form prints them (tt57-bieu-2.ts). */
const HEADINGS = Object.fromEntries(
  BIEU_2.followUp.columns.map((c) => [c.field, c.heading]),
) as Record<CheckpointTextField | 'moment', string>

/**
 * A plan's checkpoint reviews (/plans/:planId/checkpoints[/semester1|yearEnd]): the two
 * checkpoints with their state; the chosen one's rows with their Mức độ thực hiện, table VI's
 * texts, sign-off and reopening. Who may do what is shared's rule (canRunCheckpoint,
 * canEditCheckpoint); the server checks again.
 */
export function CheckpointsPage({
  plan,
  me,
  checkpoint,
  hrefOf,
  boardHref,
  yearsHref,
  writable,
}: {
  plan: { id: string; title: string; schoolYear: string }
  me: Actor
  checkpoint: Checkpoint | null
  hrefOf: (checkpoint: Checkpoint) => string
  boardHref: string
  yearsHref: string | null
  /** False for an archived plan: everything reads only. */
  writable: boolean
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  const { lang } = useI18n()
  const list = useQuery(checkpointListQueryOptions(plan.id))

  let body: ReactNode
  if (list.isPending) body = <p className="page-note">{common.loading}</p>
  else if (list.isError)
    body = (
      <LoadFailed
        message={errorMessage(list.error, common.loadFailed)}
        retryLabel={common.retry}
        onRetry={() => void list.refetch()}
      />
    )
  else {
    const { council, checkpoints } = list.data
    const bodyName = council.name[lang]
    body = (
      <>
        <header className="history-head">
          <h1 className="history-title">{m.title}</h1>
          <p className="muted">{m.planLine({ title: plan.title, year: plan.schoolYear })}</p>
          <p className="muted">{m.bodyLine({ body: bodyName, n: council.members.length })}</p>
        </header>
        <p className="checkpoint-intro">{m.intro({ body: bodyName })}</p>
        <nav className="checkpoint-list" aria-label={m.title}>
          {checkpoints.map((c) => (
            <CheckpointLink
              key={c.checkpoint}
              summary={c}
              href={hrefOf(c.checkpoint)}
              current={c.checkpoint === checkpoint}
            />
          ))}
        </nav>
        {checkpoint && (
          <ReviewSection
            key={checkpoint}
            planId={plan.id}
            checkpoint={checkpoint}
            council={council}
            me={me}
            writable={writable}
            due={checkpoints.find((c) => c.checkpoint === checkpoint)?.due ?? true}
          />
        )}
      </>
    )
  }

  return (
    <div className="app history-page">
      <nav className="history-nav checkpoint-nav">
        <a href={boardHref} className="link-button">
          {m.backToBoard}
        </a>
        {yearsHref && (
          <a href={yearsHref} className="link-button">
            {m.yearsLink}
          </a>
        )}
      </nav>
      <main className="history-main checkpoint-main">{body}</main>
    </div>
  )
}

function CheckpointLink({
  summary,
  href,
  current,
}: {
  summary: CheckpointList['checkpoints'][number]
  href: string
  current: boolean
}) {
  const m = useMessages(checkpointUiMessages)
  const names = useMessages(checkpointNames)
  const levels = useMessages(completionLevelLabels)
  const state = { not_opened: m.notOpened, open: m.open, signed: m.signed }[summary.state]
  return (
    <a
      href={href}
      className={`checkpoint-link${current ? ' checkpoint-link-current' : ''}`}
      aria-current={current ? 'page' : undefined}
    >
      <span className="checkpoint-link-name">{names[summary.checkpoint]}</span>
      <span className="muted">{m.month({ month: formatMonth(summary.month) })}</span>
      <span className={`checkpoint-state checkpoint-state-${summary.state}`}>{state}</span>
      {summary.counts && (
        <span className="checkpoint-counts">
          {COMPLETION_LEVELS.map((l) => (
            <span key={l} className={`level-chip level-${l}`}>
              {levels[l]}: {summary.counts![l]}
            </span>
          ))}
        </span>
      )}
    </a>
  )
}

function ReviewSection({
  planId,
  checkpoint,
  council,
  me,
  writable,
  due,
}: {
  planId: string
  checkpoint: Checkpoint
  council: PlanCouncil
  me: Actor
  writable: boolean
  /** Its month has come (the server's clock): opening needs no confirmation. */
  due: boolean
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  const names = useMessages(checkpointNames)
  const { lang } = useI18n()
  const query = useQuery(checkpointQueryOptions(planId, checkpoint))
  const commands = useCheckpointCommands(planId, checkpoint)
  const runs = writable && canRunCheckpoint(me, council)
  const edits = writable && canEditCheckpoint(me, council)
  const headingId = useId()

  if (query.isPending) return <p className="page-note">{common.loading}</p>
  if (query.isError)
    return (
      <LoadFailed
        message={errorMessage(query.error, common.loadFailed)}
        retryLabel={common.retry}
        onRetry={() => void query.refetch()}
      />
    )
  const { review, month } = query.data
  const bodyName = council.name[lang]

  return (
    <section className="checkpoint-review" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {names[checkpoint]} · {m.month({ month: formatMonth(month) })}
      </h2>
      {!review ? (
        <OpenPanel
          month={month}
          early={!due}
          runs={runs}
          bodyName={bodyName}
          onOpen={(confirmEarly) => commands.open.mutate({ confirmEarly })}
          pending={commands.open.isPending}
          error={commands.open.error}
        />
      ) : (
        <OpenedReview review={review} runs={runs} edits={edits} commands={commands} />
      )}
    </section>
  )
}

function OpenPanel({
  month,
  early,
  runs,
  bodyName,
  onOpen,
  pending,
  error,
}: {
  month: string
  early: boolean
  runs: boolean
  bodyName: string
  onOpen: (confirmEarly: boolean) => void
  pending: boolean
  error: Error | null
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  return (
    <div className="checkpoint-open">
      <p>{m.opensWith}</p>
      {early && <p className="settings-note">{m.notDueYet({ month: formatMonth(month) })}</p>}
      {runs ? (
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={() => onOpen(early)}
        >
          {early ? m.openEarly : m.openReview}
        </button>
      ) : (
        <p className="muted">{m.onlyRunners({ body: bodyName })}</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error, common.loadFailed)}
        </p>
      )}
    </div>
  )
}

function OpenedReview({
  review,
  runs,
  edits,
  commands,
}: {
  review: Review
  runs: boolean
  edits: boolean
  commands: ReturnType<typeof useCheckpointCommands>
}) {
  const m = useMessages(checkpointUiMessages)
  const levels = useMessages(completionLevelLabels)
  const locked = checkpointEditRefusal(review) !== null
  const editable = edits && !locked
  return (
    <>
      <p className="muted">
        {review.source === 'log'
          ? m.sourceLog({ month: formatMonth(review.month) })
          : m.sourceBoard({ date: formatDate(review.openedAt) })}{' '}
        {m.openedBy({
          name: review.openedBy?.name ?? m.someone,
          at: formatDateTime(review.openedAt),
        })}
      </p>
      {review.signedAt && (
        <p className="checkpoint-signed" role="status">
          {m.signedBy({
            name: review.signedBy?.name ?? m.someone,
            at: formatDateTime(review.signedAt),
          })}
        </p>
      )}
      <p className="checkpoint-counts">
        {COMPLETION_LEVELS.map((l) => (
          <span key={l} className={`level-chip level-${l}`}>
            {levels[l]}: {review.counts[l]}
          </span>
        ))}
      </p>
      <p className="checkpoint-report">
        <a
          className="button button-small"
          href={checkpointReportHref(review.planId, review.checkpoint)}
          download
        >
          <DownloadIcon />
          {review.signedAt ? m.downloadReport : m.downloadDraft}
        </a>
        {!review.signedAt && <span className="muted">{m.draftNote}</span>}
      </p>
      <h3 className="checkpoint-subtitle">{m.rowsTitle}</h3>
      {review.rows.length === 0 ? (
        <p className="muted">{m.empty}</p>
      ) : (
        <RowsTable rows={review.rows} editable={editable} commands={commands} />
      )}
      <h3 className="checkpoint-subtitle">{m.tableTitle}</h3>
      <TextsForm
        key={`${review.signedAt ?? ''}|${CHECKPOINT_TEXT_FIELDS.map((f) => review[f]).join('|')}`}
        review={review}
        editable={editable}
        commands={commands}
      />
      {locked && <p className="muted">{m.lockedNote}</p>}
      {runs && <SignOff review={review} commands={commands} />}
      <Log review={review} />
    </>
  )
}

function RowsTable({
  rows,
  editable,
  commands,
}: {
  rows: ReviewRow[]
  editable: boolean
  commands: ReturnType<typeof useCheckpointCommands>
}) {
  const m = useMessages(checkpointUiMessages)
  const levels = useMessages(completionLevelLabels)
  const { lang } = useI18n()
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <table className="checkpoint-rows">
      <thead>
        <tr>
          <th scope="col">{m.index}</th>
          <th scope="col">{m.criterion}</th>
          <th scope="col">{m.action}</th>
          <th scope="col">{m.columnAt}</th>
          <th scope="col">{m.derived}</th>
          <th scope="col">{m.chosen}</th>
          <th scope="col">{m.reason}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.cardId} className={row.level !== row.derivedLevel ? 'row-changed' : ''}>
            <td data-label={m.index}>{i + 1}</td>
            <td data-label={m.criterion}>{row.criterion ?? '—'}</td>
            <td data-label={m.action} className="checkpoint-row-title">
              {row.title || '—'}
            </td>
            <td data-label={m.columnAt}>{STATUS_LABELS[lang][row.statusAt]}</td>
            <td data-label={m.derived}>
              <span className={`level-chip level-${row.derivedLevel}`}>
                {levels[row.derivedLevel]}
              </span>
            </td>
            <td data-label={m.chosen}>
              {editing === row.cardId ? (
                <LevelForm row={row} commands={commands} onDone={() => setEditing(null)} />
              ) : (
                <span className="checkpoint-chosen">
                  <span className={`level-chip level-${row.level}`}>{levels[row.level]}</span>
                  {editable && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing(row.cardId)}
                      aria-label={`${m.change}: ${row.title}`}
                    >
                      {m.change}
                    </button>
                  )}
                </span>
              )}
            </td>
            <td data-label={m.reason} className="checkpoint-reason">
              {row.reason ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function LevelForm({
  row,
  commands,
  onDone,
}: {
  row: ReviewRow
  commands: ReturnType<typeof useCheckpointCommands>
  onDone: () => void
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  const levels = useMessages(completionLevelLabels)
  const [level, setLevel] = useState<CompletionLevel>(row.level)
  const [reason, setReason] = useState(row.reason ?? '')
  const id = useId()
  return (
    <form
      className="checkpoint-level-form"
      onSubmit={(e) => {
        e.preventDefault()
        commands.setLevel.mutate({ cardId: row.cardId, level, reason }, { onSuccess: onDone })
      }}
    >
      <label htmlFor={`${id}-level`}>{m.levelLabel}</label>
      <select
        id={`${id}-level`}
        value={level}
        onChange={(e) => setLevel(e.target.value as CompletionLevel)}
      >
        {COMPLETION_LEVELS.map((l) => (
          <option key={l} value={l}>
            {levels[l]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{m.reasonLabel}</label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {commands.setLevel.error && (
        <p className="form-error" role="alert">
          {errorMessage(commands.setLevel.error, common.loadFailed)}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={commands.setLevel.isPending}
        >
          {m.save}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          {m.cancel}
        </button>
      </div>
    </form>
  )
}

function TextsForm({
  review,
  editable,
  commands,
}: {
  review: Review
  editable: boolean
  commands: ReturnType<typeof useCheckpointCommands>
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  const [texts, setTexts] = useState(() =>
    Object.fromEntries(CHECKPOINT_TEXT_FIELDS.map((f) => [f, review[f]])),
  )
  // The form is new after a save (its key is the texts): "saved" is the command's own state.
  const [dirty, setDirty] = useState(false)
  const saved = commands.updateTexts.isSuccess && !dirty
  const id = useId()
  return (
    <form
      className="checkpoint-texts"
      onSubmit={(e) => {
        e.preventDefault()
        setDirty(false)
        commands.updateTexts.mutate(texts)
      }}
    >
      {CHECKPOINT_TEXT_FIELDS.map((field) => (
        <div key={field} className="checkpoint-text">
          <label htmlFor={`${id}-${field}`}>{HEADINGS[field]}</label>
          <textarea
            id={`${id}-${field}`}
            rows={field === 'assessor' ? 2 : 3}
            maxLength={field === 'assessor' ? 500 : 5000}
            readOnly={!editable}
            value={texts[field] ?? ''}
            onChange={(e) => {
              setDirty(true)
              setTexts({ ...texts, [field]: e.target.value })
            }}
          />
        </div>
      ))}
      {editable && (
        <SaveWithNote
          error={
            commands.updateTexts.error
              ? errorMessage(commands.updateTexts.error, common.loadFailed)
              : null
          }
          pending={commands.updateTexts.isPending}
          label={m.saveTexts}
          savedNote={saved ? m.textsSaved : null}
          primary={false}
        />
      )}
    </form>
  )
}

function SignOff({
  review,
  commands,
}: {
  review: Review
  commands: ReturnType<typeof useCheckpointCommands>
}) {
  const m = useMessages(checkpointUiMessages)
  const common = useMessages(commonMessages)
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const id = useId()
  const error = review.signedAt ? commands.reopen.error : commands.sign.error
  return (
    <div className="checkpoint-signoff">
      {!asking ? (
        <button
          type="button"
          className={`button${review.signedAt ? '' : ' button-primary'}`}
          onClick={() => setAsking(true)}
        >
          {review.signedAt ? m.reopen : m.sign}
        </button>
      ) : review.signedAt ? (
        <form
          className="checkpoint-level-form"
          onSubmit={(e) => {
            e.preventDefault()
            commands.reopen.mutate({ reason }, { onSuccess: () => setAsking(false) })
          }}
        >
          <label htmlFor={`${id}-reopen`}>{m.reopenReason}</label>
          <textarea
            id={`${id}-reopen`}
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-small button-primary">
              {m.reopenYes}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => setAsking(false)}
            >
              {m.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="checkpoint-level-form">
          <p>{m.signConfirm}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-small button-primary"
              disabled={commands.sign.isPending}
              onClick={() => commands.sign.mutate(undefined, { onSuccess: () => setAsking(false) })}
            >
              {m.signYes}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => setAsking(false)}
            >
              {m.cancel}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error, common.loadFailed)}
        </p>
      )}
    </div>
  )
}

function Log({ review }: { review: Review }) {
  const m = useMessages(checkpointUiMessages)
  const levels = useMessages(completionLevelLabels)
  const titleOf = (cardId: string) => review.rows.find((r) => r.cardId === cardId)?.title ?? ''
  const say = (e: Review['log'][number]): string => {
    const who = e.actor?.name ?? m.someone
    switch (e.action) {
      case 'opened':
        return m.logOpened({ who, n: e.detail.rows })
      case 'level_changed':
        return m.logLevel({
          who,
          row: titleOf(e.detail.cardId),
          before: levels[e.detail.before],
          after: levels[e.detail.after],
        })
      case 'fields_changed':
        return m.logFields({
          who,
          fields: e.detail.changes.map((c) => HEADINGS[c.field]).join(', '),
        })
      case 'signed':
        return m.logSigned({ who })
      case 'reopened':
        return m.logReopened({ who })
    }
  }
  return (
    <section className="history-section">
      <h3 className="checkpoint-subtitle">{m.logTitle}</h3>
      <ol className="history-events">
        {[...review.log].reverse().map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {say(e)}
            {e.reason && <q className="checkpoint-log-reason">{e.reason}</q>}
          </li>
        ))}
      </ol>
    </section>
  )
}
