import { LANGS } from '@caitien/shared'
import { useI18n, useMessages } from '@/lib/i18n'
import { appMessages } from './app-messages'

export function LanguageSwitch() {
  const { lang, setLang } = useI18n()
  const m = useMessages(appMessages)
  return (
    <div className="lang-switch" role="group" aria-label={m.language}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          aria-label={l === 'vi' ? 'Tiếng Việt' : 'English'}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
