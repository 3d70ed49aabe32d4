import { formatDateTime } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { LoadFailed } from '@/components/ui/load-failed'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { importsQueryOptions, useUndoImport, type PlanImport } from '../api/history-queries'
import { planHistoryMessages, undoKeptReasons } from '../plan-history-messages'
import { planFieldLabels } from '@caitien/shared'

/**
 * A plan's history (/plans/:planId/history): the files imported into it, each with who,
 * when, what it did, and the principal's undo; then the plan's recent events.
 */
export function PlanHistoryPage({
  planId,
  boardHref = '/',
}: {
  planId: string
  /** Where "back to the board" goes. */
  boardHref?: string
}) {
  const m = useMessages(planHistoryMessages)
  const common = useMessages(commonMessages)
  const history = useQuery(importsQueryOptions(planId))

  let body: ReactNode
  if (history.isPending) body = <p className="page-note">{common.loading}</p>
  else if (history.isError)
    body = (
      <LoadFailed
        message={errorMessage(history.error, common.loadFailed)}
        retryLabel={common.retry}
        onRetry={() => void history.refetch()}
      />
    )
  else {
    const { plan, imports, canUndo } = history.data
    body = (
      <>
        <header className="history-head">
          <h1 className="history-title">{m.title}</h1>
          <p className="muted">{m.planLine({ title: plan.title, year: plan.schoolYear })}</p>
        </header>
        <section className="history-section" aria-labelledby="history-imports">
          <h2 id="history-imports" className="section-title">
            {m.importsTitle}
            <span className="section-count">{imports.length}</span>
          </h2>
          {imports.length === 0 ? (
            <p className="muted">{m.noImports}</p>
          ) : (
            <ul className="history-imports">
              {imports.map((record) => (
                <ImportItem key={record.id} planId={planId} record={record} canUndo={canUndo} />
              ))}
            </ul>
          )}
        </section>
        <section className="history-section" aria-labelledby="history-events">
          <h2 id="history-events" className="section-title">
            {m.eventsTitle}
          </h2>
          <Events imports={imports} />
        </section>
      </>
    )
  }

  return (
    <div className="app history-page">
      <nav className="history-nav">
        <a href={boardHref} className="link-button">
          {m.backToBoard}
        </a>
      </nav>
      <main className="history-main">{body}</main>
    </div>
  )
}

function ImportItem({
  planId,
  record,
  canUndo,
}: {
  planId: string
  record: PlanImport
  canUndo: boolean
}) {
  const m = useMessages(planHistoryMessages)
  const reasons = useMessages(undoKeptReasons)
  const names = useMessages(planFieldLabels)
  const undo = useUndoImport(planId)
  const [asking, setAsking] = useState(false)
  const who = record.actor?.displayName ?? m.someone
  const { undone } = record
  return (
    <li className={`history-import${undone ? ' history-import-undone' : ''}`}>
      <div className="history-import-file">{record.fileName}</div>
      <div className="muted">
        {m.importedBy({ at: formatDateTime(record.at), who })} · {m.counts(record.counts)}
      </div>
      {record.timeframes === 'shift' && <div className="muted">{m.shifted}</div>}
      <div className="muted history-hash">{m.hash({ hash: record.fileHash.slice(0, 12) })}</div>
      {undone ? (
        <div className="history-undone" role="status">
          <p>
            {m.undoneBy({
              at: formatDateTime(undone.at),
              who: undone.by?.displayName ?? m.someone,
            })}{' '}
            {m.undoneCounts({ removed: undone.removed, restored: undone.restored })}
          </p>
          {undone.kept.length > 0 && (
            <>
              <p>{m.keptTitle({ n: undone.kept.length })}</p>
              <ul className="history-kept">
                {undone.kept.map((k) => (
                  <li key={`${k.cardId}-${k.reason}`}>
                    <strong>{m.keptCard({ criterion: k.criterion, title: k.title })}</strong>
                    {' — '}
                    {reasons[k.reason]}
                    {k.fields.length > 0 && ` (${k.fields.map((f) => names[f]).join(', ')})`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        canUndo &&
        (asking ? (
          <div className="history-undo-ask" role="group" aria-label={m.undo}>
            <p>{m.undoAsk}</p>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setAsking(false)}>
                {m.undoCancel}
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={undo.isPending}
                onClick={() => undo.mutate(record.id, { onSuccess: () => setAsking(false) })}
              >
                {undo.isPending ? m.undoing : m.undoConfirm}
              </button>
            </div>
            {undo.isError && (
              <p className="form-error" role="alert">
                {errorMessage(undo.error, m.undoFailed)}
              </p>
            )}
          </div>
        ) : (
          <button type="button" className="button button-small" onClick={() => setAsking(true)}>
            {m.undo}
          </button>
        ))
      )}
    </li>
  )
}

/** Imports and undos, newest first. */
function Events({ imports }: { imports: readonly PlanImport[] }) {
  const m = useMessages(planHistoryMessages)
  const events = imports
    .flatMap((i) => [
      {
        key: `${i.id}-in`,
        at: i.at,
        text: m.eventImported({ file: i.fileName, who: i.actor?.displayName ?? m.someone }),
      },
      ...(i.undone
        ? [
            {
              key: `${i.id}-undo`,
              at: i.undone.at,
              text: m.eventUndone({
                file: i.fileName,
                who: i.undone.by?.displayName ?? m.someone,
              }),
            },
          ]
        : []),
    ])
    .sort((a, b) => b.at.localeCompare(a.at))
  if (events.length === 0) return <p className="muted">{m.noEvents}</p>
  return (
    <ol className="history-events">
      {events.map((e) => (
        <li key={e.key}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time> {e.text}
        </li>
      ))}
    </ol>
  )
}
