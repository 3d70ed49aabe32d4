import type { TimeframeChoice } from '@caitien/shared'
import { useId, useState } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import {
  useConfirmImport,
  useCreatePlanForImport,
  usePreviewImport,
  useReadPlanFile,
  type ColumnChoices,
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type PlanFileReading,
} from '../api/import-queries'
import { importMessages } from '../import-messages'
import { choicesOf, chosenUsers } from '../import-rows'
import { browserStore, readSavedChoices, sameChoices, saveChoices } from '../saved-choices'
import { FileStep } from './file-step'
import { NewPlanStep, type NewPlanValues } from './new-plan-step'
import { PreviewStep } from './preview-step'
import { TargetChoice, type ImportTarget, type TargetPlan } from './target-choice'

type Step = 'file' | 'new-plan' | 'preview' | 'done'

/**
 * Plans in (DESIGN §5): choose where the rows go (a new plan first) and the file → for a
 * new plan, its title, school year and framework as the file states them → see every row,
 * the column mapping and how the file compares with the plan, nothing saved → confirm.
 * The file stays in memory and is sent again with each request, so the server never keeps
 * an unconfirmed upload. The plan imported into is named on every step.
 */
export function ImportWizard({
  planId,
  initialTarget,
  plans,
  schoolId,
  onClose,
  onImported,
  onPlanCreated,
  historyHref,
}: {
  /** The plan in view, if any: listed, not chosen. */
  planId: string | null
  /** The target chosen before the wizard opened (a plan just made for the import). */
  initialTarget?: ImportTarget
  /** The school's plans the rows can go into. */
  plans: readonly TargetPlan[]
  schoolId: string
  onClose: () => void
  onImported: (planId: string) => void
  onPlanCreated: (planId: string) => Promise<void> | void
  /** Where a plan's history (and the undo) lives. */
  historyHref: (planId: string) => string
}) {
  const c = useMessages(importMessages)
  const common = useMessages(commonMessages)
  const newPlanForm = useId()
  const [step, setStep] = useState<Step>('file')
  const [target, setTarget] = useState<ImportTarget>(initialTarget ?? { kind: 'new' })
  const [madeNew, setMadeNew] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [reading, setReading] = useState<PlanFileReading | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [timeframes, setTimeframes] = useState<TimeframeChoice | null>(null)
  const [pendingChoices, setPendingChoices] = useState<ColumnChoices | null>(null)
  // The server's own reading of the columns, and whether choices from last time replaced it.
  const [autoChoices, setAutoChoices] = useState<ColumnChoices | null>(null)
  const [reused, setReused] = useState(false)
  const [picks, setPicks] = useState<Record<string, string[]>>({})
  const [result, setResult] = useState<ImportResult | null>(null)
  const readFile = useReadPlanFile()
  const createPlan = useCreatePlanForImport()
  const previewImport = usePreviewImport()
  const confirmImport = useConfirmImport()
  const targetId = target.kind === 'plan' ? target.id : null

  function showPreview(data: ImportPreview, fromLastTime: boolean) {
    setPreview(data)
    setReused(fromLastTime)
    setPicks({})
    setStep('preview')
  }

  function startPreview(into: string, next: File) {
    setTimeframes(null)
    previewImport.mutate(
      { planId: into, file: next, mapping: null, timeframes: null },
      {
        onSuccess: (data) => {
          const auto = choicesOf(data.mapping)
          setAutoChoices(auto)
          const saved = readSavedChoices(browserStore(), data.columns, data.fields)
          if (!saved || sameChoices(saved, auto)) return showPreview(data, false)
          previewImport.mutate(
            { planId: into, file: next, mapping: saved, timeframes: null },
            {
              onSuccess: (again) => showPreview(again, true),
              onError: () => showPreview(data, false),
            },
          )
        },
      },
    )
  }

  function chooseFile(next: File) {
    setFile(next)
    confirmImport.reset()
    if (targetId) return startPreview(targetId, next)
    readFile.mutate(
      { schoolId, file: next },
      {
        onSuccess: (data) => {
          setReading(data)
          setStep('new-plan')
        },
      },
    )
  }

  function makePlan(values: NewPlanValues) {
    if (!file) return
    // Made already (its preview failed): read the file into it again, make no second plan.
    if (madeNew && targetId) return startPreview(targetId, file)
    createPlan.mutate(
      { schoolId, ...values },
      {
        onSuccess: (data) => {
          const made = { kind: 'plan' as const, id: data.plan.id, ...values }
          setTarget(made)
          setMadeNew(true)
          // The plan list learns of the new plan while its preview is read.
          void onPlanCreated(made.id)
          startPreview(made.id, file)
        },
      },
    )
  }

  /** Reads the file again into the plan with other choices (columns, months). */
  function again(
    changes: { mapping?: ColumnChoices; timeframes?: TimeframeChoice; acceptProse?: number[] },
    done?: (data: ImportPreview) => void,
    failed?: () => void,
  ) {
    if (!file || !preview || !targetId) return
    previewImport.mutate(
      {
        planId: targetId,
        file,
        mapping: changes.mapping ?? pendingChoices ?? choicesOf(preview.mapping),
        timeframes: changes.timeframes ?? timeframes,
        acceptProse: changes.acceptProse ?? acceptedProse(preview),
      },
      {
        onSuccess: (data) => {
          setPreview(data)
          done?.(data)
        },
        onError: () => failed?.(),
      },
    )
  }

  function readColumnsAfresh() {
    if (!file || !targetId) return
    previewImport.mutate(
      { planId: targetId, file, mapping: null, timeframes },
      {
        onSuccess: (data) => {
          setPreview(data)
          setReused(false)
        },
      },
    )
  }

  function chooseField(columnIndex: number, field: ImportField | null) {
    if (!preview) return
    const next = { ...(pendingChoices ?? choicesOf(preview.mapping)), [columnIndex]: field }
    setPendingChoices(next)
    again(
      { mapping: next },
      () => setPendingChoices(null),
      () => setPendingChoices(null),
    )
  }

  function chooseTimeframes(choice: TimeframeChoice) {
    setTimeframes(choice)
    again({ timeframes: choice })
  }

  function confirm() {
    if (!file || !preview || !targetId) return
    confirmImport.mutate(
      {
        planId: targetId,
        file,
        mapping: choicesOf(preview.mapping),
        timeframes,
        leads: preview.leads.map((l) => ({ text: l.text, userIds: chosenUsers(l, picks) })),
        acceptProse: acceptedProse(preview),
      },
      {
        onSuccess: (data) => {
          if (autoChoices) {
            saveChoices(browserStore(), preview.columns, choicesOf(preview.mapping), autoChoices)
          }
          setResult(data)
          setStep('done')
          onImported(targetId)
        },
      },
    )
  }

  function back() {
    previewImport.reset()
    confirmImport.reset()
    readFile.reset()
    createPlan.reset()
    setPreview(null)
    setReading(null)
    setPendingChoices(null)
    setTimeframes(null)
    setStep('file')
  }

  const empty = preview !== null && preview.rows.length === 0
  const nothingNew =
    preview !== null && !empty && preview.summary.create + preview.summary.update === 0
  const mustChoose = preview !== null && preview.comparison.shiftOffered && timeframes === null
  const readError = readFile.isError ? errorMessage(readFile.error, c.readFailed) : null
  const previewError = previewImport.isError
    ? errorMessage(previewImport.error, c.readFailed)
    : null
  const confirmError = confirmImport.isError
    ? errorMessage(confirmImport.error, c.confirmFailed)
    : null

  const steps: Step[] =
    target.kind === 'new' || madeNew
      ? ['file', 'new-plan', 'preview', 'done']
      : ['file', 'preview', 'done']
  const stepName: Record<Step, string> = {
    file: c.stepFile,
    'new-plan': c.stepNewPlan,
    preview: c.stepPreview,
    done: c.stepResult,
  }
  const title = target.kind === 'plan' ? c.titleInto({ plan: target.title }) : c.titleIntoNew

  const footer =
    step === 'preview' ? (
      <div className="wizard-actions">
        {!madeNew && (
          <button type="button" className="button" onClick={back}>
            {c.back}
          </button>
        )}
        {confirmError && (
          <p className="form-error wizard-error" role="alert">
            {confirmError}
          </p>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={
            empty || nothingNew || mustChoose || previewImport.isPending || confirmImport.isPending
          }
          onClick={confirm}
        >
          {confirmImport.isPending ? c.confirming : c.confirm}
        </button>
      </div>
    ) : step === 'new-plan' ? (
      <div className="wizard-actions">
        <button type="button" className="button" onClick={back}>
          {c.back}
        </button>
        <button
          type="submit"
          form={newPlanForm}
          className="button button-primary"
          disabled={createPlan.isPending || previewImport.isPending}
        >
          {createPlan.isPending || previewImport.isPending ? c.creatingPlan : c.createPlan}
        </button>
      </div>
    ) : step === 'done' ? (
      <div className="wizard-actions wizard-actions-end">
        {targetId && (
          <a className="button" href={historyHref(targetId)}>
            {c.openHistory}
          </a>
        )}
        <button type="button" className="button button-primary" onClick={onClose}>
          {c.viewBoard}
        </button>
      </div>
    ) : undefined

  return (
    <Modal title={title} onClose={onClose} variant="wide" closeLabel={common.close} footer={footer}>
      <ol className="wizard-steps">
        {steps.map((s, i) => (
          <li
            key={s}
            className={steps.indexOf(step) > i ? 'wizard-step-done' : undefined}
            aria-current={s === step ? 'step' : undefined}
          >
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {stepName[s]}
          </li>
        ))}
      </ol>
      {step === 'file' && (
        <>
          <TargetChoice
            target={target}
            plans={plans}
            planInView={planId}
            onChange={setTarget}
            disabled={previewImport.isPending || readFile.isPending}
          />
          <FileStep
            onFile={chooseFile}
            pending={previewImport.isPending || readFile.isPending}
            fileName={file?.name ?? null}
            error={readError ?? previewError}
          />
        </>
      )}
      {step === 'new-plan' && reading && (
        <NewPlanStep
          reading={reading}
          formId={newPlanForm}
          onSubmit={makePlan}
          error={
            createPlan.isError ? errorMessage(createPlan.error, c.createPlanFailed) : previewError
          }
        />
      )}
      {step === 'preview' && preview && (
        <PreviewStep
          preview={preview}
          choices={pendingChoices ?? choicesOf(preview.mapping)}
          onChoose={chooseField}
          reused={reused}
          onReadAfresh={readColumnsAfresh}
          updating={previewImport.isPending}
          updateError={previewError}
          nothingNew={nothingNew}
          picks={picks}
          onPick={(text, userIds) => setPicks((p) => ({ ...p, [text]: userIds }))}
          timeframes={timeframes}
          onChooseTimeframes={chooseTimeframes}
          onAcceptProse={(sourceRow, accept) =>
            again({
              acceptProse: preview.proposed
                .filter((p) => (p.sourceRow === sourceRow ? accept : p.accepted))
                .map((p) => p.sourceRow),
            })
          }
        />
      )}
      {step === 'done' && result && (
        <div className="import-result" role="status">
          <span className="import-result-icon" aria-hidden="true">
            ✓
          </span>
          <p className="import-result-line">{c.result(result)}</p>
          {file && <p className="muted">{file.name}</p>}
          <p className="muted">{c.undoLater}</p>
        </div>
      )}
    </Modal>
  )
}

/** The rows found in the text that the preview shows as accepted: what confirming imports. */
const acceptedProse = (preview: ImportPreview) =>
  preview.proposed.filter((p) => p.accepted).map((p) => p.sourceRow)
