import { defineMessages } from '@caitien/shared'
import { useMessages } from '@/lib/i18n'

/**
 * The button's own word: the dashboard's catalogue (progress-messages.ts) loads with the
 * dashboard's lazy chunk, and the button is in the header from the start.
 */
const buttonMessages = defineMessages({ label: 'Tiến độ' }, { label: 'Progress' })

/** "Tiến độ" in the header, for the monitoring team and the principal. */
export function ProgressButton({ onOpen }: { onOpen: () => void }) {
  const m = useMessages(buttonMessages)
  return (
    <button
      type="button"
      className="button button-small"
      aria-haspopup="dialog"
      data-testid="progress-button"
      onClick={onOpen}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M2.5 13.5h11M4 11V8m3 3V5m3 6V7m3 4V3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
        />
      </svg>
      {m.label}
    </button>
  )
}
