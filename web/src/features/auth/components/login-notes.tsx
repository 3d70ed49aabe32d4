import { useQuery } from '@tanstack/react-query'
import { useMessages } from '@/lib/i18n'
import { authMessages } from '../auth-messages'
import { demoQueryOptions } from '../api/session-queries'

/** Under the login form: "this is a demo" (on a demo server only), and who resets a password. */
export function LoginNotes() {
  const m = useMessages(authMessages)
  const demo = useQuery(demoQueryOptions())
  return (
    <div className="login-notes">
      {demo.data?.demo && demo.data.password && (
        <p className="login-demo" data-testid="demo-notice">
          {m.demoNotice({ password: demo.data.password })}
        </p>
      )}
      <details className="login-forgot">
        <summary>{m.forgotTitle}</summary>
        <p>{m.forgotText}</p>
      </details>
    </div>
  )
}
