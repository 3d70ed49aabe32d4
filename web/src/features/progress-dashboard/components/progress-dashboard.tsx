import { formatDateTime, formatMonth } from '@caitien/shared'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { Modal } from '@/components/ui/modal'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { LoadFailed } from '@/components/ui/load-failed'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { richMessage } from '@/lib/rich-message'
import {
  monthViewQueryOptions,
  reportUrl,
  snapshotsQueryOptions,
  useTakeSnapshot,
  yearProgressQueryOptions,
  type MonthView,
} from '../api/progress-queries'
import { cardsBehind, monthChoices, type FigureKey } from '../dashboard-figures'
import { progressMessages } from '../progress-messages'
import { CardList, type BoardLookup, type DashboardCard, type DashboardMember } from './card-list'
import { FlowChart } from './flow-chart'
import { HeadlineFigures } from './headline-figures'
import { MonthChanges } from './month-changes'
import { PrintReport, type ReportPlan } from './print-report'
import { RemarksSection } from './remarks-section'
import { StandardsTable } from './standards-table'

/**
 * "Tiến độ hằng tháng" (DESIGN §4): a month's figures with their change since the month
 * before and the cards behind each, the school year's cumulative flow, progress per
 * standard and criterion, the overdue list, the month's moves, the monitoring team's
 * remarks and the report. The board's cards and people come from the app, which also
 * opens a card's detail.
 */
export function ProgressDashboard({
  planId,
  plan,
  cards,
  members,
  canRemark,
  canSnapshot,
  month: picked,
  onMonthChange,
  onOpenCard,
  onClose,
}: {
  planId: string
  plan: ReportPlan
  cards: readonly DashboardCard[]
  members: readonly DashboardMember[]
  /** The monitoring team writes the month's remarks. */
  canRemark: boolean
  /** The principal may freeze the figures on demand. */
  canSnapshot: boolean
  /** The month asked for (the address holds it); null or unknown: the dashboard's choice. */
  month: string | null
  onMonthChange: (month: string) => void
  onOpenCard: (cardId: string) => void
  onClose: () => void
}) {
  const c = useMessages(progressMessages)
  const common = useMessages(commonMessages)
  const year = useQuery(yearProgressQueryOptions(planId))
  const choices = year.data
    ? monthChoices(
        year.data.months.map((m) => m.month),
        year.data.currentMonth,
      )
    : null
  const month = picked && choices?.months.includes(picked) ? picked : (choices?.initial ?? null)

  return (
    <Modal title={c.title} onClose={onClose} variant="wide" closeLabel={common.close}>
      <div className="dash" data-testid="progress-dashboard">
        {year.isPending && <p className="muted">{common.loading}</p>}
        {year.isError && (
          <LoadFailed
            message={common.loadFailed}
            retryLabel={common.retry}
            onRetry={() => void year.refetch()}
          />
        )}
        {year.data && choices && month && (
          <MonthPanel
            planId={planId}
            plan={plan}
            month={month}
            months={choices.months}
            onMonthChange={onMonthChange}
            yearMonths={year.data.months}
            cards={cards}
            members={members}
            canRemark={canRemark}
            canSnapshot={canSnapshot}
            onOpenCard={onOpenCard}
          />
        )}
      </div>
    </Modal>
  )
}

function MonthPanel({
  planId,
  plan,
  month,
  months,
  onMonthChange,
  yearMonths,
  cards,
  members,
  canRemark,
  canSnapshot,
  onOpenCard,
}: {
  planId: string
  plan: ReportPlan
  month: string
  months: readonly string[]
  onMonthChange: (month: string) => void
  yearMonths: Parameters<typeof FlowChart>[0]['months']
  cards: readonly DashboardCard[]
  members: readonly DashboardMember[]
  canRemark: boolean
  canSnapshot: boolean
  onOpenCard: (cardId: string) => void
}) {
  const c = useMessages(progressMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const query = useQuery({
    ...monthViewQueryOptions(planId, month),
    placeholderData: keepPreviousData,
  })
  const [figure, setFigure] = useState<FigureKey | null>(null)
  const [printing, setPrinting] = useState(false)

  const lookup = useMemo<BoardLookup>(
    () => ({
      cards: new Map(cards.map((card) => [card.id, card])),
      members: new Map(members.map((m) => [m.id, m.displayName])),
    }),
    [cards, members],
  )
  const view = query.data
  const summaryCards = useMemo(
    () => new Map((view?.summary.cards ?? []).map((card) => [card.id, card])),
    [view],
  )
  const stale = query.isPlaceholderData

  return (
    <>
      <div className="dash-top">
        <div className="dash-month select-field">
          <label className="field-label" htmlFor={`${id}-month`}>
            {c.month}
          </label>
          <select id={`${id}-month`} value={month} onChange={(e) => onMonthChange(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m)}
              </option>
            ))}
          </select>
        </div>
        {view && !stale && <SourceBadges view={view} />}
        {(query.isFetching || stale) && (
          <span className="spinner" role="status" aria-label={common.loading} />
        )}
        <div className="dash-actions" role="group" aria-label={c.report}>
          <a className="button button-small" href={reportUrl(planId, month, 'docx')} download>
            {c.downloadDocx}
          </a>
          <a className="button button-small" href={reportUrl(planId, month, 'xlsx')} download>
            {c.downloadXlsx}
          </a>
          <button
            type="button"
            className="button button-small"
            disabled={!view || stale}
            onClick={() => setPrinting(true)}
          >
            {c.printView}
          </button>
          {canSnapshot && <SnapshotButton planId={planId} />}
        </div>
      </div>
      <SnapshotsOfMonth planId={planId} month={month} />

      {query.isPending && <p className="muted">{common.loading}</p>}
      {query.isError && !view && (
        <LoadFailed
          message={common.loadFailed}
          retryLabel={common.retry}
          onRetry={() => void query.refetch()}
        />
      )}
      {view && (
        <div className={`dash-content${stale ? ' dash-content-stale' : ''}`} aria-busy={stale}>
          <section className="dash-section">
            <h3 className="visually-hidden">{c.figures}</h3>
            <HeadlineFigures
              view={view}
              selected={figure}
              onSelect={setFigure}
              listId={`${id}-figure-cards`}
            />
            {figure ? (
              <div className="dash-figure-cards">
                <div className="dash-figure-cards-head">
                  <span className="section-title">
                    {c.cardsBehind}{' '}
                    <span className="section-count">
                      {cardsBehind(view.summary, figure).length}
                    </span>
                  </span>
                  <button type="button" className="link-button" onClick={() => setFigure(null)}>
                    {c.hideCards}
                  </button>
                </div>
                <CardList
                  id={`${id}-figure-cards`}
                  label={c.cardsBehind}
                  ids={cardsBehind(view.summary, figure)}
                  summaryCards={summaryCards}
                  lookup={lookup}
                  onOpenCard={onOpenCard}
                  showBudget={figure === 'budget'}
                  testId="figure-cards"
                  itemTestId="figure-card"
                />
              </div>
            ) : (
              <p className="muted dash-hint">{c.cardsBehindHint}</p>
            )}
          </section>

          <Section title={c.chart} hint={c.chartHint}>
            <FlowChart months={yearMonths} selected={month} onSelectMonth={onMonthChange} />
          </Section>

          <Section title={c.byStandard}>
            <StandardsTable summary={view.summary} names={view.names} />
          </Section>

          <div className="dash-columns">
            <Section title={c.overdueList} count={view.summary.overdue.length}>
              {view.summary.overdue.length === 0 ? (
                <p className="muted">{c.noOverdue}</p>
              ) : (
                <CardList
                  ids={cardsBehind(view.summary, 'overdue')}
                  summaryCards={summaryCards}
                  lookup={lookup}
                  onOpenCard={onOpenCard}
                  testId="overdue-cards"
                  itemTestId="overdue-card"
                />
              )}
            </Section>
            <Section title={c.changes}>
              <MonthChanges
                summary={view.summary}
                summaryCards={summaryCards}
                lookup={lookup}
                onOpenCard={onOpenCard}
              />
            </Section>
          </div>

          <Section title={c.remarks}>
            <RemarksSection
              key={`${month}:${view.remarks?.updatedAt ?? ''}`}
              planId={planId}
              month={month}
              remarks={view.remarks}
              canEdit={canRemark}
            />
          </Section>
        </div>
      )}
      {printing && view && (
        <PrintReport view={view} plan={plan} lookup={lookup} onClose={() => setPrinting(false)} />
      )}
    </>
  )
}

/**
 * A titled part of the dashboard. Deliberately not a named region: inside the dialog the
 * only thing labelled with "Tháng" is the month picker, so the label leads to one field.
 */
function Section({
  title,
  hint,
  count,
  children,
}: {
  title: string
  hint?: string
  count?: number
  children: ReactNode
}) {
  return (
    <section className="dash-section">
      <h3 className="dash-section-title">
        {title}
        {count !== undefined && <span className="section-count">{count}</span>}
      </h3>
      {hint && <p className="muted dash-hint">{hint}</p>}
      {children}
    </section>
  )
}

/** Where the figures come from, and whether the frozen ones agree with the activity log. */
function SourceBadges({ view }: { view: MonthView }) {
  const c = useMessages(progressMessages)
  const label =
    view.source === 'snapshot'
      ? c.sourceSnapshot
      : view.source === 'log'
        ? c.sourceLog
        : c.sourceLive
  const hint =
    view.source === 'snapshot'
      ? c.sourceSnapshotHint({ at: view.takenAt ? formatDateTime(view.takenAt) : '' })
      : view.source === 'log'
        ? c.sourceLogHint
        : c.sourceLiveHint
  return (
    <div className="dash-badges">
      <span
        className={`dash-badge dash-badge-${view.source}`}
        data-testid="figures-source"
        title={hint}
      >
        {label}
      </span>
      {view.check &&
        (view.check.agrees ? (
          <span className="dash-check dash-check-ok" data-testid="figures-check">
            {c.checkAgrees}
          </span>
        ) : (
          <details className="dash-check dash-check-bad" data-testid="figures-check">
            <summary>
              <span aria-hidden="true">⚠ </span>
              {c.checkDiffers({ n: view.check.differences.length })}
            </summary>
            <p>{c.checkDiffersHint}</p>
            <ul>
              {view.check.differences.slice(0, 20).map((d) => (
                <li key={d}>
                  <code>{d}</code>
                </li>
              ))}
            </ul>
          </details>
        ))}
    </div>
  )
}

/** "Chốt số liệu ngay": freezes today's figures; a toast confirms. */
function SnapshotButton({ planId }: { planId: string }) {
  const c = useMessages(progressMessages)
  const { showToast } = useToast()
  const take = useTakeSnapshot(planId)
  return (
    <button
      type="button"
      className="button button-small button-primary"
      disabled={take.isPending}
      onClick={() =>
        take.mutate(undefined, {
          onSuccess: (data) =>
            showToast(
              c.snapshotTaken({
                month: formatMonth(data.snapshot.month),
                at: formatDateTime(new Date().toISOString()),
              }),
              'info',
            ),
          onError: (error) => showToast(errorMessage(error, c.snapshotFailed)),
        })
      }
    >
      {take.isPending ? c.takingSnapshot : c.takeSnapshot}
    </button>
  )
}

/** The on-demand snapshots of the month, if any: a trace of "Chốt số liệu ngay". */
function SnapshotsOfMonth({ planId, month }: { planId: string; month: string }) {
  const c = useMessages(progressMessages)
  const { data } = useQuery(snapshotsQueryOptions(planId))
  const taken = (data?.snapshots ?? []).filter((s) => s.month === month && s.kind === 'on_demand')
  const last = taken[taken.length - 1]
  if (!last) return null
  return (
    <p className="meta dash-on-demand" data-testid="on-demand-snapshots">
      {richMessage(c.snapshotsOnDemand, {
        n: String(taken.length),
        last: <time dateTime={last.takenAt}>{formatDateTime(last.takenAt)}</time>,
      })}
    </p>
  )
}
