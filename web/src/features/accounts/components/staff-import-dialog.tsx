import { ROLE_LABELS } from '@caitien/shared'
import { useId, useState } from 'react'
import { Modal } from '@/components/ui/modal'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'
import {
  useImportStaffList,
  usePreviewStaffList,
  type StaffImportResult,
} from '../api/accounts-queries'

/**
 * A staff list, as the plan import does it: choose the file, see every row with its errors
 * (nothing is saved), then add the rows without errors. The file is sent again to confirm,
 * and read again by the server.
 */
export function StaffImportDialog({
  schoolId,
  onClose,
  onImported,
}: {
  schoolId: string
  onClose: () => void
  onImported: (result: StaffImportResult) => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const { lang } = useI18n()
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const preview = usePreviewStaffList(schoolId)
  const confirm = useImportStaffList(schoolId)
  const data = preview.data

  return (
    <Modal
      title={m.importTitle}
      onClose={onClose}
      closeLabel={common.close}
      variant="wide"
      footer={
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {common.cancel}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!file || !data || data.ready === 0 || confirm.isPending}
            onClick={() => file && confirm.mutate(file, { onSuccess: onImported })}
          >
            {confirm.isPending ? m.importing : m.confirmImport({ n: data?.ready ?? 0 })}
          </button>
        </div>
      }
    >
      <p className="muted">{m.importHint}</p>
      <label className="field" htmlFor={`${id}-file`}>
        <span className="field-label">{m.chooseFile}</span>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null
            setFile(chosen)
            confirm.reset()
            if (chosen) preview.mutate(chosen)
            else preview.reset()
          }}
        />
      </label>
      {preview.isPending && <p className="muted">{m.previewing}</p>}
      {preview.isError && (
        <p className="form-error" role="alert">
          {errorMessage(preview.error, common.networkError)}
        </p>
      )}
      {confirm.isError && (
        <p className="form-error" role="alert">
          {errorMessage(confirm.error, common.networkError)}
        </p>
      )}
      {data && (
        <>
          <p className="acc-summary" role="status">
            {data.ready > 0
              ? m.previewSummary({ ready: data.ready, bad: data.withProblems })
              : m.nothingToImport}
          </p>
          <div className="acc-table-wrap">
            <table className="acc-table" data-testid="staff-preview">
              <thead>
                <tr>
                  <th>{m.rowCol}</th>
                  <th>{m.colName}</th>
                  <th>{m.colState}</th>
                  <th>{m.colLogin}</th>
                  <th>{m.colPosition}</th>
                  <th>{m.colRoles}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.row} className={r.problems.length ? 'acc-row-bad' : undefined}>
                    <td>{r.row}</td>
                    <td>{r.displayName || common.none}</td>
                    <td>
                      {r.problems.length === 0 ? (
                        <span className="acc-ok">{m.rowOk}</span>
                      ) : (
                        <ul className="acc-problems">
                          {r.problems.map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <code>{r.login || common.none}</code>
                      {r.email && <div className="muted">{r.email}</div>}
                    </td>
                    <td>{[r.position, r.department].filter(Boolean).join(', ') || common.none}</td>
                    <td>{r.roles.map((role) => ROLE_LABELS[lang][role]).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  )
}
