import {
  formatDate,
  formatMonth,
  planDeletionRefusal,
  planWriteRefusal,
  schoolYearChoices,
  type PlanSettingsPreviewQuery,
  type PlanState,
  type UpdatePlanInput,
} from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import {
  planSettingsPreviewQueryOptions,
  useArchivePlan,
  useDeletePlan,
  useUpdatePlan,
  type PlanSettingsPreview,
} from '../api/plan-queries'
import { plansMessages } from '../plans-messages'
import { DeletedPlans } from './deleted-plans'

/** The plan as the settings page shows it (an entry of the plan list). */
export interface SettingsPlan {
  id: string
  title: string
  schoolYear: string
  frameworkId: string | null
  state: PlanState
  archivedAt: string | null
  cardCount: number
  school: { id: string; name: string }
}

export interface SettingsFramework {
  id: string
  code: string
  title: string
}

type Changed = () => Promise<void> | void

/**
 * A plan's settings (`/plans/:planId/settings`), for the principal: rename it, move it to
 * another school year or framework after a preview of what changes (due months and overdue
 * flags, criterion names), archive it (read-only) or unarchive it, delete it (with its name
 * typed when it has actions), and restore deleted plans. Others read what it says.
 */
export function PlanSettingsPage({
  plan,
  frameworks,
  canManage,
  boardHref,
  onBack,
  onChanged,
  onRestored,
  extra,
}: {
  plan: SettingsPlan
  frameworks: readonly SettingsFramework[]
  canManage: boolean
  /** Where the plan's board is: the back link's address. */
  boardHref: string
  onBack: () => void
  /** The plan changed (settings, state, deletion): refresh what shows it. */
  onChanged: Changed
  /** A deleted plan was restored from the list here. */
  onRestored: (planId: string) => Promise<void> | void
  /** More sections of the plan's settings, composed by the app (the plan's council). */
  extra?: ReactNode
}) {
  const m = useMessages(plansMessages)
  const [deleted, setDeleted] = useState<string | null>(null)
  // Kept here: the form below starts afresh from the saved settings.
  const [saved, setSaved] = useState<string | null>(null)
  return (
    <div className="settings-page">
      <a
        className="settings-back"
        href={boardHref}
        onClick={(e) => {
          e.preventDefault()
          onBack()
        }}
      >
        ← {m.back}
      </a>
      <h1 className="settings-title">
        {m.settingsTitle}
        <span className="settings-plan">{plan.title}</span>
      </h1>
      <p className="muted">
        {plan.school.name} · {plan.schoolYear}
      </p>
      {!canManage && <p className="settings-note">{m.principalOnly}</p>}
      {deleted ? (
        <p className="form-success" role="status">
          {deleted}
        </p>
      ) : (
        <>
          <GeneralSection
            key={`${plan.title}|${plan.schoolYear}|${plan.frameworkId}`}
            plan={plan}
            frameworks={frameworks}
            canManage={canManage}
            onChanged={onChanged}
            saved={saved}
            onSaved={setSaved}
          />
          {extra}
          {canManage && <ArchiveSection plan={plan} onChanged={onChanged} />}
          {canManage && (
            <DeleteSection
              plan={plan}
              onDeleted={async (until) => {
                setDeleted(m.deletedDone({ title: plan.title, date: formatDate(until) }))
                await onChanged()
              }}
            />
          )}
        </>
      )}
      {canManage && (
        <DeletedPlans
          always
          onRestored={async (id) => {
            if (id === plan.id) setDeleted(null)
            await onRestored(id)
          }}
        />
      )}
    </div>
  )
}

function GeneralSection({
  plan,
  frameworks,
  canManage,
  onChanged,
  saved,
  onSaved,
}: {
  plan: SettingsPlan
  frameworks: readonly SettingsFramework[]
  canManage: boolean
  onChanged: Changed
  saved: string | null
  onSaved: (message: string | null) => void
}) {
  const m = useMessages(plansMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const [title, setTitle] = useState(plan.title)
  const [schoolYear, setSchoolYear] = useState(plan.schoolYear)
  const [frameworkId, setFrameworkId] = useState(plan.frameworkId ?? '')
  const [asked, setAsked] = useState<PlanSettingsPreviewQuery | null>(null)
  const update = useUpdatePlan(plan.id, onChanged)
  const readOnly = !canManage || planWriteRefusal(plan) !== null

  const query: PlanSettingsPreviewQuery = {
    schoolYear: schoolYear !== plan.schoolYear ? schoolYear : undefined,
    frameworkId: frameworkId && frameworkId !== plan.frameworkId ? frameworkId : undefined,
  }
  const needsPreview = query.schoolYear !== undefined || query.frameworkId !== undefined
  const previewed =
    asked !== null &&
    asked.schoolYear === query.schoolYear &&
    asked.frameworkId === query.frameworkId
  const preview = useQuery({
    ...planSettingsPreviewQueryOptions(plan.id, asked ?? {}),
    enabled: previewed && needsPreview,
  })
  const changes: UpdatePlanInput = {
    ...(title.trim() && title.trim() !== plan.title ? { title: title.trim() } : {}),
    ...(query.schoolYear ? { schoolYear: query.schoolYear } : {}),
    ...(query.frameworkId ? { frameworkId: query.frameworkId } : {}),
  }
  const anyChange = Object.keys(changes).length > 0
  const canSave = anyChange && (!needsPreview || preview.isSuccess) && !readOnly

  return (
    <section className="settings-section" aria-labelledby={`${id}-general`}>
      <h2 id={`${id}-general`} className="settings-section-title">
        {m.general}
      </h2>
      {canManage && planWriteRefusal(plan) && <p className="settings-note">{m.archivedNote}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!canSave) return
          onSaved(null)
          // Not mutate's own onSuccess: the saved settings remount this form before it runs.
          update
            .mutateAsync(changes)
            .then((data) =>
              onSaved(data.changedCards ? m.savedCards({ n: data.changedCards }) : m.saved),
            )
            .catch(() => undefined) // shown from update.error
        }}
      >
        <label className="field" htmlFor={`${id}-title`}>
          <span className="field-label">{m.planTitle}</span>
          <input
            id={`${id}-title`}
            required
            maxLength={300}
            value={title}
            disabled={readOnly}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <div className="settings-row">
          <label className="field" htmlFor={`${id}-year`}>
            <span className="field-label">{m.schoolYear}</span>
            <select
              id={`${id}-year`}
              className="field-select"
              value={schoolYear}
              disabled={readOnly}
              onChange={(e) => setSchoolYear(e.target.value)}
            >
              {schoolYearChoices(new Date(), plan.schoolYear, 2).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-framework`}>
            <span className="field-label">{m.framework}</span>
            <select
              id={`${id}-framework`}
              className="field-select"
              value={frameworkId}
              disabled={readOnly}
              onChange={(e) => setFrameworkId(e.target.value)}
            >
              {!plan.frameworkId && <option value="">{m.noFramework}</option>}
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {m.frameworkOption({ code: f.code, title: f.title })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {query.schoolYear && (
          <p className="warning-note" role="note">
            {m.yearWarning}
          </p>
        )}
        {query.frameworkId && (
          <p className="warning-note" role="note">
            {m.frameworkWarning}
          </p>
        )}
        {needsPreview && previewed && preview.isPending && <p className="muted">{m.previewing}</p>}
        {needsPreview && previewed && preview.isError && (
          <p className="form-error" role="alert">
            {errorMessage(preview.error, common.loadFailed)}
          </p>
        )}
        {needsPreview && previewed && preview.data && <PreviewList preview={preview.data} />}
        {needsPreview && !previewed && anyChange && <p className="muted">{m.previewFirst}</p>}
        {update.isError && (
          <p className="form-error" role="alert">
            {errorMessage(update.error, m.saveFailed)}
          </p>
        )}
        {saved && !anyChange && (
          <p className="form-success" role="status">
            {saved}
          </p>
        )}
        {!readOnly && (
          <div className="form-actions">
            {needsPreview && (
              <button
                type="button"
                className="button"
                disabled={previewed && preview.isPending}
                onClick={() => setAsked(query)}
              >
                {m.preview}
              </button>
            )}
            <button
              type="submit"
              className="button button-primary"
              disabled={!canSave || update.isPending}
            >
              {update.isPending ? common.saving : m.saveSettings}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}

/** What a change of year or framework does: due months, overdue flags, criterion names. */
function PreviewList({ preview }: { preview: PlanSettingsPreview }) {
  const m = useMessages(plansMessages)
  const common = useMessages(commonMessages)
  const month = (v: string | null) => (v ? formatMonth(v) : m.noDue)
  return (
    <div className="settings-preview" aria-live="polite">
      <h3 className="section-title">{m.previewTitle}</h3>
      {preview.schoolYear && (
        <>
          <p>
            {preview.cards.length === 0
              ? m.noCardChanges
              : m.cardChanges({ n: preview.cards.length })}
            {preview.overdue.becomes > 0 && (
              <>
                {' · '}
                <strong className="overdue-text">
                  {m.becomesOverdue({ n: preview.overdue.becomes })}
                </strong>
              </>
            )}
            {preview.overdue.clears > 0 && <> · {m.clearsOverdue({ n: preview.overdue.clears })}</>}
          </p>
          {preview.cards.length > 0 && (
            <ul className="preview-list">
              {preview.cards.map((c) => (
                <li key={c.id}>
                  <span className="preview-card">
                    {c.criterion && (
                      <span className="tile-criterion">
                        {common.criterionTag({ code: c.criterion })}
                      </span>
                    )}{' '}
                    {c.title || c.timeframe}
                  </span>
                  <span className="meta">
                    {c.timeframe} ·{' '}
                    {m.dueChange({ before: month(c.dueBefore), after: month(c.dueAfter) })}
                    {c.overdueAfter && !c.overdueBefore && (
                      <span className="overdue-badge">{m.overdue}</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {preview.framework && (
        <>
          <h4 className="preview-subtitle">{m.criteriaChanges}</h4>
          {preview.criteria.length === 0 ? (
            <p>{m.noCriteriaChanges}</p>
          ) : (
            <ul className="preview-list">
              {preview.criteria.map((c) => (
                <li key={c.code}>
                  <span className="preview-card">{common.criterionTag({ code: c.code })}</span>
                  <span className="meta">
                    <del>{c.before ?? m.notInOld}</del> → <ins>{c.after ?? m.notInFramework}</ins>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}

function ArchiveSection({ plan, onChanged }: { plan: SettingsPlan; onChanged: Changed }) {
  const m = useMessages(plansMessages)
  const id = useId()
  const archive = useArchivePlan(plan.id, onChanged)
  const archived = plan.state === 'archived'
  return (
    <section className="settings-section" aria-labelledby={`${id}-archive`}>
      <h2 id={`${id}-archive`} className="settings-section-title">
        {m.archiveTitle}
      </h2>
      <p className="muted">{m.archiveText}</p>
      {archived && plan.archivedAt && (
        <p className="settings-note">{m.archivedSince({ date: formatDate(plan.archivedAt) })}</p>
      )}
      {archive.isError && (
        <p className="form-error" role="alert">
          {errorMessage(archive.error, m.archiveFailed)}
        </p>
      )}
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button"
          disabled={archive.isPending}
          onClick={() => archive.mutate(!archived)}
        >
          {archived ? m.unarchive : m.archive}
        </button>
      </div>
    </section>
  )
}

function DeleteSection({
  plan,
  onDeleted,
}: {
  plan: SettingsPlan
  onDeleted: (purgeAt: string) => Promise<void>
}) {
  const m = useMessages(plansMessages)
  const id = useId()
  const [typed, setTyped] = useState('')
  const remove = useDeletePlan(plan.id)
  // The same rule the server applies: an empty plan goes; one with actions needs its name.
  const refusal = planDeletionRefusal(plan, typed)
  return (
    <section className="settings-section settings-danger" aria-labelledby={`${id}-delete`}>
      <h2 id={`${id}-delete`} className="settings-section-title">
        {m.deleteTitle}
      </h2>
      <p className="muted">
        {plan.cardCount > 0 ? m.deleteText({ n: plan.cardCount }) : m.deleteEmpty}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (refusal) return
          remove.mutate(
            { confirmTitle: plan.cardCount > 0 ? typed : null },
            { onSuccess: (data) => void onDeleted(data.purgeAt) },
          )
        }}
      >
        {plan.cardCount > 0 && (
          <label className="field" htmlFor={`${id}-confirm`}>
            <span className="field-label">{m.typeToConfirm({ title: plan.title })}</span>
            <input
              id={`${id}-confirm`}
              autoComplete="off"
              spellCheck={false}
              maxLength={300}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
        )}
        {remove.isError && (
          <p className="form-error" role="alert">
            {errorMessage(remove.error, m.deleteFailed)}
          </p>
        )}
        <div className="form-actions form-actions-start">
          <button
            type="submit"
            className="button button-danger"
            disabled={refusal !== null || remove.isPending}
          >
            {remove.isPending ? m.deleting : m.deletePlan}
          </button>
        </div>
      </form>
    </section>
  )
}
