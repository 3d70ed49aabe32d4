import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { DownloadIcon } from '@/components/ui/icons'
import { client } from '@/lib/api-client'
import { useMessages } from '@/lib/i18n'
import { exportMessages } from '../export-messages'

const plans = client.api.plans[':planId']

/** The plan's downloads: the plan as a table, the Biểu 2 form, the evidence list. */
function downloads(planId: string, m: (typeof exportMessages)['vi']) {
  const param = { planId }
  const evidence = plans.export['evidence-list']
  return [
    { label: m.exportXlsx, href: plans.export.$url({ param, query: { format: 'xlsx' } }).href },
    { label: m.exportCsv, href: plans.export.$url({ param, query: { format: 'csv' } }).href },
    { label: m.bieu2, href: plans.export['bieu-2.docx'].$url({ param }).href },
    {
      label: m.evidenceListDocx,
      href: evidence.$url({ param, query: { format: 'docx' } }).href,
    },
    {
      label: m.evidenceListXlsx,
      href: evidence.$url({ param, query: { format: 'xlsx' } }).href,
    },
  ]
}

/** "Xuất": the plan, its Biểu 2 form and its evidence list, as downloads (plain links, no script). */
export function ExportMenu({ planId }: { planId: string }) {
  const m = useMessages(exportMessages)
  const [open, setOpen] = useState(false)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    wrapRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [open])

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(wrapRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      // The menu closes, not the page's dialogs or panels.
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
      buttonRef.current?.focus()
    } else if (event.key === 'Tab') {
      setOpen(false)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      items[(index + step + items.length) % items.length]?.focus()
    }
  }

  return (
    <div className="export-menu" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <DownloadIcon />
        {m.exportPlan}
      </button>
      {open && (
        <div
          id={menuId}
          className="menu export-menu-list"
          role="menu"
          aria-label={m.exportPlan}
          onKeyDown={onMenuKeyDown}
        >
          {downloads(planId, m).map((d) => (
            <a
              key={d.href}
              role="menuitem"
              className="menu-item export-menu-item"
              href={d.href}
              download
              onClick={() => setOpen(false)}
            >
              {d.label}
            </a>
          ))}
        </div>
      )}
    </div>
  )
}
