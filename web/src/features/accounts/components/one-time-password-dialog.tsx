import { useState } from 'react'
import { Modal } from '@/components/ui/modal'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import { accountsMessages } from '../accounts-messages'

export interface OneTimePassword {
  login: string
  displayName?: string
  oneTimePassword: string
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * One-time passwords, shown once: the server keeps only their hashes. Each with a copy
 * button, and all at once for a list.
 */
export function OneTimePasswordDialog({
  passwords,
  onClose,
}: {
  passwords: readonly OneTimePassword[]
  onClose: () => void
}) {
  const m = useMessages(accountsMessages)
  const common = useMessages(commonMessages)
  const [copied, setCopied] = useState<string | null>(null)
  const copy = (key: string, text: string) =>
    void copyText(text).then((ok) => setCopied(ok ? key : null))
  const all = passwords
    .map((p) => [p.displayName, p.login, p.oneTimePassword].filter(Boolean).join('\t'))
    .join('\n')

  return (
    <Modal
      title={m.otpTitle}
      onClose={onClose}
      closeLabel={common.close}
      footer={
        <div className="form-actions">
          {passwords.length > 1 && (
            <button type="button" className="button" onClick={() => copy('*', all)}>
              {copied === '*' ? m.copied : m.copyAll}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={onClose}>
            {m.done}
          </button>
        </div>
      }
    >
      <p className="acc-otp-hint">{m.otpHint}</p>
      <ul className="acc-otp-list" data-testid="one-time-passwords">
        {passwords.map((p) => (
          <li key={p.login} className="acc-otp-item">
            <div className="acc-otp-who">
              {p.displayName && <span className="acc-otp-name">{p.displayName}</span>}
              <span className="muted">
                {m.otpLogin}: <code>{p.login}</code>
              </span>
            </div>
            <code className="acc-otp-password" data-login={p.login}>
              {p.oneTimePassword}
            </code>
            <button
              type="button"
              className="button button-small"
              onClick={() => copy(p.login, p.oneTimePassword)}
            >
              {copied === p.login ? m.copied : m.copy}
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  )
}
