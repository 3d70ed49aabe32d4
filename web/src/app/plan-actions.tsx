import { UploadIcon } from '@/components/ui/icons'
import { ExportMenu } from '@/features/plan-export/components/export-menu'
import { useMessages } from '@/lib/i18n'
import { pathOf } from './addresses'
import { appMessages } from './app-messages'

/**
 * Plans in and out, beside the plan's title: export for everyone who sees the plan;
 * a new plan, the import and the plan's settings for the principal (the server checks
 * again). An archived plan takes no import.
 */
export function PlanActions({
  planId,
  canManage,
  canWrite,
  onImport,
  onNewPlan,
}: {
  planId: string
  canManage: boolean
  canWrite: boolean
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
      {canManage && canWrite && (
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
      <a
        className="button button-small button-quiet"
        href={pathOf({ kind: 'checkpoints', planId, checkpoint: null })}
      >
        {m.checkpoints}
      </a>
      <ExportMenu planId={planId} />
      {canManage && (
        // A link: the page has its own address (/plans/:planId/settings).
        <a className="button button-small button-quiet" href={`/plans/${planId}/settings`}>
          {m.planSettings}
        </a>
      )}
    </div>
  )
}
