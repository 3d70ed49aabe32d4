import { defineMessages } from '@caitien/shared'
import { useMessages } from '@/lib/i18n'

/**
 * The button's own word: the queue's catalogue (review-messages.ts) loads with the queue's
 * lazy chunk, and the button is in the header from the start.
 */
const buttonMessages = defineMessages({ label: 'Chờ xác nhận' }, { label: 'To review' })

/**
 * "Chờ xác nhận (N)" in the header, for the monitoring team and the principal. The app
 * says what N counts (for a monitor: what waits for them in every plan they review).
 */
export function ReviewQueueButton({ count, onOpen }: { count: number | null; onOpen: () => void }) {
  const m = useMessages(buttonMessages)
  const waiting = (count ?? 0) > 0
  return (
    <button
      type="button"
      className={`button button-small review-queue-button${waiting ? ' review-queue-button-on' : ''}`}
      aria-haspopup="dialog"
      onClick={onOpen}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M3 8.5l3 3 7-7"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {m.label}
      {count !== null && (
        // Read as "Chờ xác nhận (3)"; seen as a pill.
        <>
          {' '}
          <span className="visually-hidden">(</span>
          <span className="count-pill">{count}</span>
          <span className="visually-hidden">)</span>
        </>
      )}
    </button>
  )
}
