import { useI18n } from '@/lib/i18n'

/** "Tiến độ" in the header, for the monitoring team and the principal. */
export function ProgressButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n()
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
      {t('progress')}
    </button>
  )
}
