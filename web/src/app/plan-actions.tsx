import { ExportMenu } from '@/features/plan-export/components/export-menu'
import { useI18n } from '@/lib/i18n'

/**
 * Plans in and out, beside the plan's title: export for everyone who sees the plan;
 * a new plan and the import for the principal (the server checks again).
 */
export function PlanActions({
  planId,
  canManage,
  onImport,
  onNewPlan,
}: {
  planId: string
  canManage: boolean
  onImport: () => void
  onNewPlan: () => void
}) {
  const { t } = useI18n()
  return (
    <div className="header-actions" role="group" aria-label={t('planActions')}>
      {canManage && (
        <button type="button" className="button button-small button-quiet" onClick={onNewPlan}>
          <span aria-hidden="true">+</span>
          {t('newPlan')}
        </button>
      )}
      {canManage && (
        <button type="button" className="button button-small" onClick={onImport}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M8 10V2m-3.5 3.5L8 2l3.5 3.5M3 13h10"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {t('importPlan')}
        </button>
      )}
      <ExportMenu planId={planId} />
    </div>
  )
}
