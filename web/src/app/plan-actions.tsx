import { UploadIcon } from '@/components/ui/icons'
import { ExportMenu } from '@/features/plan-export/components/export-menu'
import { useMessages } from '@/lib/i18n'
import { appMessages } from './app-messages'

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
  const m = useMessages(appMessages)
  return (
    <div className="header-actions" role="group" aria-label={m.planActions}>
      {canManage && (
        <button type="button" className="button button-small button-quiet" onClick={onNewPlan}>
          <span aria-hidden="true">+</span>
          {m.newPlan}
        </button>
      )}
      {canManage && (
        <button type="button" className="button button-small" onClick={onImport}>
          <UploadIcon />
          {m.importPlan}
        </button>
      )}
      {canManage && (
        <a
          className="button button-small button-quiet"
          href={`/plans/${encodeURIComponent(planId)}/history`}
        >
          {m.planHistory}
        </a>
      )}
      <ExportMenu planId={planId} />
    </div>
  )
}
