import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'

type ToastTone = 'error' | 'info'
interface Toast {
  id: number
  message: string
  tone: ToastTone
}

interface ToastValue {
  showToast: (message: string, tone?: ToastTone) => void
}

const ToastContext = createContext<ToastValue | null>(null)
const TOAST_MS = 6000

export function ToastProvider({
  children,
  closeLabel,
}: {
  children: ReactNode
  closeLabel: string
}) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id))
  }, [])

  const showToast = useCallback(
    (message: string, tone: ToastTone = 'error') => {
      const id = nextId.current++
      // The same message twice in a row replaces the first rather than stacking.
      setToasts((list) => [...list.filter((t) => t.message !== message), { id, message, tone }])
      window.setTimeout(() => dismiss(id), TOAST_MS)
    },
    [dismiss],
  )

  const value = useMemo(() => ({ showToast }), [showToast])
  return (
    <ToastContext value={value}>
      {children}
      <div className="toasts">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <span role="alert">{t.message}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={closeLabel}
              onClick={() => dismiss(t.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  )
}

export function useToast(): ToastValue {
  const value = useContext(ToastContext)
  if (!value) throw new Error('useToast outside ToastProvider')
  return value
}
