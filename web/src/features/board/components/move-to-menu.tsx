import { CARD_STATUSES, STATUS_LABELS, type CardStatus } from '@caitien/shared'
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { KeyboardEvent, SyntheticEvent } from 'react'
import { createPortal } from 'react-dom'
import { useI18n, useMessages } from '@/lib/i18n'
import type { BoardCard } from '../api/board-queries'
import { boardMessages } from '../board-messages'
import { dragGuide } from '../drag-guide'
import { useMoveController } from './move-controller'

/** Keeps clicks, key presses and pointer presses in the menu away from the draggable tile. */
const stop = (event: SyntheticEvent) => event.stopPropagation()

/** The "Chuyển sang…" button and menu on a tile: the keyboard-free, drag-free way to move. */
export function MoveToMenu({ card }: { card: BoardCard }) {
  const { lang } = useI18n()
  const m = useMessages(boardMessages)
  const { me, requestMove, writable } = useMoveController()
  const [open, setOpen] = useState(false)
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const targets = CARD_STATUSES.filter((s) => s !== card.status)
  const guide = open ? dragGuide(card, me, lang) : null

  function close(focusButton: boolean) {
    setOpen(false)
    if (focusButton) buttonRef.current?.focus()
  }

  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return
    const r = buttonRef.current.getBoundingClientRect()
    const width = Math.min(300, window.innerWidth - 16)
    const left = Math.max(8, Math.min(r.right - width, window.innerWidth - width - 8))
    setPlace({ top: r.bottom + 4, left })
  }, [open])

  useEffect(() => {
    if (!open) return
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus()
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false)
    }
    const onScroll = (e: Event) => {
      if (!menuRef.current?.contains(e.target as Node)) close(false)
    }
    document.addEventListener('pointerdown', onDown, true)
    window.addEventListener('scroll', onScroll, true)
    window.addEventListener('resize', onScroll)
    return () => {
      document.removeEventListener('pointerdown', onDown, true)
      window.removeEventListener('scroll', onScroll, true)
      window.removeEventListener('resize', onScroll)
    }
  }, [open])

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    event.stopPropagation()
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ??
        []),
    ]
    const index = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'Tab') {
      close(false)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (items.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      items[(index + step + items.length) % items.length]?.focus()
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus()
    }
  }

  function choose(to: CardStatus) {
    close(true)
    requestMove(card, to, null)
  }

  if (!writable) return null
  return (
    <span className="move-menu" onPointerDown={stop} onClick={stop} onKeyDown={stop}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button tile-menu-button"
        aria-label={m.moveTo}
        title={m.moveTo}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M3 8h9m-3.5-3.5L12 8l-3.5 3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      {open &&
        guide &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            className="menu"
            role="menu"
            aria-label={m.moveTo}
            style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}
            onKeyDown={onMenuKeyDown}
            onPointerDown={stop}
            onClick={stop}
          >
            <div className="menu-heading" aria-hidden="true">
              {m.moveTo}
            </div>
            {targets.map((s) => {
              const refusal = guide.refusals[s]
              const reasonId = `${menuId}-${s}`
              return (
                <div key={s} className="menu-entry">
                  <button
                    type="button"
                    role="menuitem"
                    className={`menu-item status-dot-${s}`}
                    disabled={refusal !== undefined}
                    aria-disabled={refusal !== undefined || undefined}
                    aria-describedby={refusal ? reasonId : undefined}
                    onClick={() => choose(s)}
                  >
                    {STATUS_LABELS[lang][s]}
                  </button>
                  {refusal && (
                    <p id={reasonId} className="menu-reason">
                      {refusal}
                    </p>
                  )}
                </div>
              )
            })}
          </div>,
          document.body,
        )}
    </span>
  )
}
