/** A read that failed, said in place, with a button to try again. */
export function LoadFailed(props: { message: string; retryLabel: string; onRetry: () => void }) {
  return (
    <div className="page-note">
      <p className="form-error" role="alert">
        {props.message}
      </p>
      <button type="button" className="button" onClick={props.onRetry}>
        {props.retryLabel}
      </button>
    </div>
  )
}
