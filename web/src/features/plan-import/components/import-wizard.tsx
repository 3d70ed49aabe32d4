import { useState } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import {
  useConfirmImport,
  usePreviewImport,
  type ColumnChoices,
  type ImportField,
  type ImportPreview,
  type ImportResult,
} from '../api/import-queries'
import { importMessages } from '../import-messages'
import { choicesOf, chosenUsers } from '../import-rows'
import { browserStore, readSavedChoices, sameChoices, saveChoices } from '../saved-choices'
import { FileStep } from './file-step'
import { PreviewStep } from './preview-step'

type Step = 'file' | 'preview' | 'done'
const STEPS = ['file', 'preview', 'done'] as const satisfies readonly Step[]

/**
 * Plans in (DESIGN §5): choose a file → see every row and the column mapping, nothing
 * saved → confirm. The file stays in memory and is sent again with each request, so the
 * server never keeps an unconfirmed upload.
 */
export function ImportWizard({
  planId,
  onClose,
  onImported,
}: {
  planId: string
  onClose: () => void
  onImported: () => void
}) {
  const c = useMessages(importMessages)
  const common = useMessages(commonMessages)
  const [step, setStep] = useState<Step>('file')
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [pendingChoices, setPendingChoices] = useState<ColumnChoices | null>(null)
  // The server's own reading of the columns, and whether choices from last time replaced it.
  const [autoChoices, setAutoChoices] = useState<ColumnChoices | null>(null)
  const [reused, setReused] = useState(false)
  const [picks, setPicks] = useState<Record<string, string[]>>({})
  const [result, setResult] = useState<ImportResult | null>(null)
  const previewImport = usePreviewImport(planId)
  const confirmImport = useConfirmImport(planId)

  function showPreview(data: ImportPreview, fromLastTime: boolean) {
    setPreview(data)
    setReused(fromLastTime)
    setPicks({})
    setStep('preview')
  }

  function chooseFile(next: File) {
    setFile(next)
    confirmImport.reset()
    previewImport.mutate(
      { file: next, mapping: null },
      {
        onSuccess: (data) => {
          const auto = choicesOf(data.mapping)
          setAutoChoices(auto)
          const saved = readSavedChoices(browserStore(), data.columns, data.fields)
          if (!saved || sameChoices(saved, auto)) return showPreview(data, false)
          previewImport.mutate(
            { file: next, mapping: saved },
            {
              onSuccess: (again) => showPreview(again, true),
              onError: () => showPreview(data, false),
            },
          )
        },
      },
    )
  }

  function readColumnsAfresh() {
    if (!file) return
    previewImport.mutate(
      { file, mapping: null },
      {
        onSuccess: (data) => {
          setPreview(data)
          setReused(false)
        },
      },
    )
  }

  function chooseField(columnIndex: number, field: ImportField | null) {
    if (!file || !preview) return
    const next = { ...(pendingChoices ?? choicesOf(preview.mapping)), [columnIndex]: field }
    setPendingChoices(next)
    previewImport.mutate(
      { file, mapping: next },
      {
        onSuccess: (data) => {
          setPreview(data)
          setPendingChoices(null)
        },
        onError: () => setPendingChoices(null),
      },
    )
  }

  function confirm() {
    if (!file || !preview) return
    confirmImport.mutate(
      {
        file,
        mapping: choicesOf(preview.mapping),
        leads: preview.leads.map((l) => ({ text: l.text, userIds: chosenUsers(l, picks) })),
      },
      {
        onSuccess: (data) => {
          if (autoChoices) {
            saveChoices(browserStore(), preview.columns, choicesOf(preview.mapping), autoChoices)
          }
          setResult(data)
          setStep('done')
          onImported()
        },
      },
    )
  }

  function back() {
    previewImport.reset()
    confirmImport.reset()
    setPreview(null)
    setPendingChoices(null)
    setStep('file')
  }

  const nothingNew = preview !== null && preview.summary.create + preview.summary.update === 0
  const previewError = previewImport.isError
    ? errorMessage(previewImport.error, c.readFailed)
    : null
  const confirmError = confirmImport.isError
    ? errorMessage(confirmImport.error, c.confirmFailed)
    : null

  const footer =
    step === 'preview' ? (
      <div className="wizard-actions">
        <button type="button" className="button" onClick={back}>
          {c.back}
        </button>
        {confirmError && (
          <p className="form-error wizard-error" role="alert">
            {confirmError}
          </p>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={nothingNew || previewImport.isPending || confirmImport.isPending}
          onClick={confirm}
        >
          {confirmImport.isPending ? c.confirming : c.confirm}
        </button>
      </div>
    ) : step === 'done' ? (
      <div className="wizard-actions wizard-actions-end">
        <button type="button" className="button button-primary" onClick={onClose}>
          {c.viewBoard}
        </button>
      </div>
    ) : undefined

  return (
    <Modal
      title={c.title}
      onClose={onClose}
      variant="wide"
      closeLabel={common.close}
      footer={footer}
    >
      <ol className="wizard-steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={STEPS.indexOf(step) > i ? 'wizard-step-done' : undefined}
            aria-current={s === step ? 'step' : undefined}
          >
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {s === 'file' ? c.stepFile : s === 'preview' ? c.stepPreview : c.stepResult}
          </li>
        ))}
      </ol>
      {step === 'file' && (
        <FileStep
          onFile={chooseFile}
          pending={previewImport.isPending}
          fileName={file?.name ?? null}
          error={previewError}
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
        />
      )}
      {step === 'done' && result && (
        <div className="import-result" role="status">
          <span className="import-result-icon" aria-hidden="true">
            ✓
          </span>
          <p className="import-result-line">{c.result(result)}</p>
          {file && <p className="muted">{file.name}</p>}
        </div>
      )}
    </Modal>
  )
}
