/** A dialog on its way (its code loads on first use): a spinner over the page. */
export function LoadingBackdrop({ label }: { label: string }) {
  return (
    <div className="modal-backdrop modal-backdrop-box" role="status" aria-label={label}>
      <span className="spinner spinner-large" aria-hidden="true" />
    </div>
  )
}
