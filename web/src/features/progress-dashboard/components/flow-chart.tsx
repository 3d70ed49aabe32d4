import { CARD_STATUSES, STATUS_LABELS, formatMonth, type CardStatus } from '@caitien/shared'
import {
  CategoryScale,
  Chart,
  Filler,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js'
import { useEffect, useRef } from 'react'
import { useI18n, useMessages } from '@/lib/i18n'
import type { ProgressMonth } from '../api/progress-queries'
import { progressMessages } from '../progress-messages'

// Only what a stacked area chart needs: the rest of Chart.js stays out of the chunk.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Filler,
  Tooltip,
)

/** Done at the bottom, waiting on top: the usual order of a cumulative-flow diagram. */
const STACK_ORDER: CardStatus[] = [...CARD_STATUSES].reverse()

/** The board's column accents (styles.css), so a status has one colour everywhere. */
function statusColour(status: CardStatus): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--c-${status}`)
  return value.trim() || '#64748b'
}

/** '#14894a' → 'rgba(20, 137, 74, 0.55)': Chart.js parses colours itself. */
function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) return hex
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

/**
 * The school year's cumulative flow: actions per status at each month's end (the
 * current month so far). A click on a month picks it; a hidden table gives the same
 * numbers to screen readers.
 */
export function FlowChart({
  months,
  selected,
  onSelectMonth,
}: {
  months: readonly ProgressMonth[]
  selected: string
  onSelectMonth: (month: string) => void
}) {
  const { lang } = useI18n()
  const c = useMessages(progressMessages)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const onSelectRef = useRef(onSelectMonth)
  onSelectRef.current = onSelectMonth

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const labels = months.map((m) => formatMonth(m.month))
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    const chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels,
        datasets: STACK_ORDER.map((status, i) => {
          const colour = statusColour(status)
          return {
            label: STATUS_LABELS[lang][status],
            data: months.map((m) => m.byStatus[status]),
            borderColor: colour,
            backgroundColor: withAlpha(colour, 0.55),
            fill: i === 0 ? 'origin' : '-1',
            // Straight segments: a curve would invent counts between two month ends.
            tension: 0,
            borderWidth: 1.5,
            pointRadius: months.map((m) => (m.month === selected ? 4 : 2)),
            pointHoverRadius: 5,
            pointBackgroundColor: colour,
          }
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 250 },
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: {
          tooltip: {
            // Top of the stack first, as the areas read from top to bottom.
            itemSort: (a, b) => b.datasetIndex - a.datasetIndex,
          },
        },
        onClick: (event, _elements, instance) => {
          if (!event.native) return
          const [hit] = instance.getElementsAtEventForMode(
            event.native,
            'index',
            { intersect: false },
            false,
          )
          const month = hit ? months[hit.index] : undefined
          if (month) onSelectRef.current(month.month)
        },
      },
    })
    return () => chart.destroy()
  }, [months, selected, lang])

  return (
    <figure className="dash-chart">
      <div className="dash-chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={c.chartSummary} />
      </div>
      <ul className="dash-legend" aria-hidden="true">
        {CARD_STATUSES.map((s) => (
          <li key={s} className={`status-pill-${s}`}>
            <span className="dash-legend-swatch" />
            {STATUS_LABELS[lang][s]}
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{c.chartTable}</caption>
        <thead>
          <tr>
            <th scope="col">{c.month}</th>
            {CARD_STATUSES.map((s) => (
              <th key={s} scope="col">
                {STATUS_LABELS[lang][s]}
              </th>
            ))}
            <th scope="col">{c.total}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month)}</th>
              {CARD_STATUSES.map((s) => (
                <td key={s}>{m.byStatus[s]}</td>
              ))}
              <td>{m.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
