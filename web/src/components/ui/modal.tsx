import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent, ReactNode, RefObject } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Open modals, innermost last: only the innermost answers Escape. */
const openModals: object[] = []

/**
 * A modal dialog: focus moves in, Tab stays in, Escape closes, focus returns to
 * where it came from. `variant` picks a centred box, a side panel or a large centred
 * sheet (full-screen on a phone); `footer` stays in view below the scrolling body.
 */
export function Modal({
  title,
  onClose,
  children,
  variant = 'box',
  closeLabel,
  initialFocus,
  footer,
}: {
  title: ReactNode
  onClose: () => void
  children: ReactNode
  variant?: 'box' | 'panel' | 'wide'
  closeLabel: string
  initialFocus?: RefObject<HTMLElement | null>
  footer?: ReactNode
}) {
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    // Escape closes the topmost modal even when focus has fallen to the page body
    // (for example after the focused button became disabled).
    const token = {}
    openModals.push(token)
    const onDocumentKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || openModals[openModals.length - 1] !== token) return
      if (ref.current?.contains(event.target as Node)) return
      event.preventDefault()
      onCloseRef.current()
    }
    document.addEventListener('keydown', onDocumentKeyDown)
    return () => {
      document.removeEventListener('keydown', onDocumentKeyDown)
      openModals.splice(openModals.indexOf(token), 1)
    }
  }, [])

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const target = initialFocus?.current ?? ref.current
    target?.focus()
    const body = document.body
    const overflow = body.style.overflow
    body.style.overflow = 'hidden'
    return () => {
      body.style.overflow = overflow
      if (previous && document.contains(previous)) previous.focus()
    }
    // Runs once per opening; initialFocus is read at that moment only.
  }, [])

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onCloseRef.current()
      return
    }
    if (event.key !== 'Tab' || !ref.current) return
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null,
    )
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (
      event.shiftKey &&
      (document.activeElement === first || document.activeElement === ref.current)
    ) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div
      className={`modal-backdrop modal-backdrop-${variant}`}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current()
      }}
    >
      <div
        ref={ref}
        className={`modal modal-${variant}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="modal-head">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          <button
            type="button"
            className="icon-button modal-close"
            aria-label={closeLabel}
            onClick={() => onCloseRef.current()}
          >
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
        {footer && <div className="modal-foot">{footer}</div>}
      </div>
    </div>
  )
}
