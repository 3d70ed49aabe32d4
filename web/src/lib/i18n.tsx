import type { Catalogue, Lang, MessageTable } from '@caitien/shared'
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'

const STORAGE_KEY = 'caitien_lang'
const COOKIE = 'caitien_lang'

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'vi') return stored
  } catch {
    // storage may be blocked; the cookie still carries the choice
  }
  return document.cookie.split('; ').includes(`${COOKIE}=en`) ? 'en' : 'vi'
}

/** The server words its messages by this cookie, so it must follow every switch. */
function writeLang(lang: Lang) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // ignore: see readStoredLang
  }
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`
  document.documentElement.lang = lang
}

interface I18nValue {
  lang: Lang
  setLang: (lang: Lang) => void
}

const I18nContext = createContext<I18nValue | null>(null)

/**
 * The UI language: Vietnamese by default, remembered in localStorage and in the cookie the
 * server reads. The words themselves are in each feature's catalogue (`defineMessages`),
 * read with `useMessages`.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang()
    writeLang(initial)
    return initial
  })
  useEffect(() => writeLang(lang), [lang])
  const setLang = useCallback((next: Lang) => setLangState(next), [])
  const value = useMemo<I18nValue>(() => ({ lang, setLang }), [lang, setLang])
  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

/** The current language's table of a catalogue: `const m = useMessages(boardMessages)`. */
export function useMessages<T extends MessageTable>(catalogue: Catalogue<T>): T {
  return catalogue[useI18n().lang]
}
