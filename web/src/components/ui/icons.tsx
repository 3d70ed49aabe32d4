/** A 14 px line icon in the text's colour, hidden from screen readers (its button says it). */
function LineIcon({ d }: { d: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** An arrow up from a line: import, upload. */
export function UploadIcon() {
  return <LineIcon d="M8 10V2m-3.5 3.5L8 2l3.5 3.5M3 13h10" />
}

/** An arrow down to a line: export, download. */
export function DownloadIcon() {
  return <LineIcon d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10" />
}
