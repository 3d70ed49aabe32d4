import { useSyncExternalStore } from 'react'

/*
 * Is the page being printed? True from the browser's "beforeprint" to its "afterprint",
 * and while print media applies (print preview, a test's emulated print). The board shows
 * every card then: a column's "show more" and the tiles' lazy rendering are for screens.
 */

let printing = false

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia('print')
  const before = () => {
    printing = true
    onChange()
  }
  const after = () => {
    printing = false
    onChange()
  }
  window.addEventListener('beforeprint', before)
  window.addEventListener('afterprint', after)
  media.addEventListener('change', onChange)
  return () => {
    window.removeEventListener('beforeprint', before)
    window.removeEventListener('afterprint', after)
    media.removeEventListener('change', onChange)
  }
}

const snapshot = () => printing || window.matchMedia('print').matches

export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false)
}
