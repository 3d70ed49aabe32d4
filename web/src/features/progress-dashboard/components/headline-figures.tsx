import { STATUS_LABELS, formatNumber, formatShare, formatVnd, type Lang } from '@caitien/shared'
import { useI18n, useMessages } from '@/lib/i18n'
import type { MonthView } from '../api/progress-queries'
import {
  FIGURE_KEYS,
  describeChange,
  figureChange,
  figurePolarity,
  figureUnit,
  type FigureKey,
} from '../dashboard-figures'
import { progressMessages } from '../progress-messages'

function figureLabel(key: FigureKey, lang: Lang): string {
  const c = progressMessages[lang]
  switch (key) {
    case 'total':
      return c.figureTotal
    case 'share':
      return c.figureShare
    case 'overdue':
      return c.figureOverdue
    case 'verified-this-month':
      return c.figureVerifiedThisMonth
    case 'budget':
      return c.figureBudget
    default:
      return STATUS_LABELS[lang][key]
  }
}

function figureValue(key: FigureKey, view: MonthView, lang: Lang): string {
  const s = view.summary
  switch (key) {
    case 'total':
      return formatNumber(s.total, lang)
    case 'share':
      return formatShare(s.shareVerified, lang)
    case 'overdue':
      return formatNumber(s.overdue.length, lang)
    case 'verified-this-month':
      return formatNumber(s.moves.verified.length, lang)
    case 'budget':
      return formatVnd(s.budget.verified)
    default:
      return formatNumber(s.byStatus[key], lang)
  }
}

/**
 * The month's headline figures with their change since last month. Each is a button
 * that shows the cards behind it in the list right below (`listId`).
 */
export function HeadlineFigures({
  view,
  selected,
  onSelect,
  listId,
}: {
  view: MonthView
  selected: FigureKey | null
  onSelect: (key: FigureKey | null) => void
  listId: string
}) {
  const { lang } = useI18n()
  const c = useMessages(progressMessages)
  return (
    <>
      {!view.change && <p className="muted dash-hint dash-no-previous">{c.noPrevious}</p>}
      <ul className="dash-figures" aria-label={c.figures}>
        {FIGURE_KEYS.map((key) => {
          const delta = figureChange(key, view.summary, view.change, view.previous)
          const change =
            delta === null
              ? null
              : describeChange(delta, figureUnit(key), figurePolarity(key), lang)
          const on = selected === key
          const status = key === 'share' ? 'verified' : key
          return (
            <li key={key}>
              <button
                type="button"
                className={`dash-figure dash-figure-${status}${on ? ' dash-figure-on' : ''}`}
                data-testid={`figure-${key}`}
                aria-expanded={on}
                aria-controls={on ? listId : undefined}
                onClick={() => onSelect(on ? null : key)}
              >
                <span className="dash-figure-label">{figureLabel(key, lang)}</span>
                <span className="dash-figure-value">{figureValue(key, view, lang)}</span>
                {key === 'budget' && (
                  <span className="dash-figure-sub">
                    {c.ofBudget({ total: formatVnd(view.summary.budget.total) })}
                  </span>
                )}
                {change && (
                  <span className={`dash-change dash-change-${change.tone}`}>
                    <span aria-hidden="true">
                      {change.arrow} {change.amount}
                    </span>
                    <span className="visually-hidden">{change.spoken}</span>
                  </span>
                )}
              </button>
            </li>
          )
        })}
      </ul>
    </>
  )
}
