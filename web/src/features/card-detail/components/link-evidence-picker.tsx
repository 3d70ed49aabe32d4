import { formatFileSize, type Lang } from '@caitien/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { Modal } from '@/components/ui/modal'
import { useToast } from '@/components/ui/toast'
import { errorMessage } from '@/lib/api-error'
import { commonMessages } from '@/lib/common-messages'
import { useI18n, useMessages } from '@/lib/i18n'
import {
  planEvidenceQueryOptions,
  useLinkEvidence,
  type CardDetail,
  type PlanEvidenceItem,
} from '../api/card-queries'
import { cardMessages } from '../card-messages'
import { evidenceIcon } from '../evidence-kind'
import { groupForPicker } from '../link-picker'
import { EvidenceKindIcon } from './evidence-row'

/**
 * Picks an item of another card of the plan and links it to this card (one document,
 * several criteria: it keeps its code). Items already here are shown, disabled.
 */
export function LinkEvidencePicker({
  card,
  onClose,
  onChanged,
}: {
  card: CardDetail
  onClose: () => void
  onChanged: () => void
}) {
  const { lang } = useI18n()
  const m = useMessages(cardMessages)
  const common = useMessages(commonMessages)
  const { showToast } = useToast()
  const ids = useId()
  const search = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLDivElement>(null)
  const [query, setQuery] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [choosing, setChoosing] = useState<string | null>(null)
  // Always fresh when opened: another card may have gained items since.
  const items = useQuery({ ...planEvidenceQueryOptions(card.planId), staleTime: 0 })
  const link = useLinkEvidence(card, onChanged)

  const onCard = useMemo(() => new Set(card.evidence.map((e) => e.id)), [card.evidence])
  const groups = useMemo(
    () => groupForPicker(items.data?.items ?? [], card.id, onCard, query),
    [items.data, card.id, onCard, query],
  )
  const shown = groups.reduce((n, g) => n + g.items.length, 0)
  const empty = (items.data?.items.length ?? 0) === 0

  function choose(item: PlanEvidenceItem) {
    if (link.isPending) return
    setError(null)
    setChoosing(item.id)
    link.mutate(item.id, {
      onSuccess: () => {
        showToast(m.linkDone({ item: item.code ?? item.title }), 'info')
        onClose()
      },
      onError: (err) => setError(errorMessage(err, m.linkFailed)),
      onSettled: () => setChoosing(null),
    })
  }

  /** Up and down move between the search box and the items that can be chosen. */
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const stops = [
      search.current,
      ...(list.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
    ].filter((el): el is HTMLInputElement | HTMLButtonElement => !!el)
    const at = stops.indexOf(document.activeElement as HTMLButtonElement)
    if (at === -1) return
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)]
    if (!next) return
    event.preventDefault()
    next.focus()
  }

  return (
    <Modal title={m.linkExisting} onClose={onClose} closeLabel={common.close} initialFocus={search}>
      <div className="link-picker" onKeyDown={onKeyDown}>
        <p className="link-picker-hint">{m.linkExistingHint}</p>
        <div className="link-picker-top">
          <label className="field link-picker-search">
            <span className="field-label">{common.search}</span>
            <input
              ref={search}
              type="search"
              value={query}
              placeholder={m.linkSearch}
              aria-controls={`${ids}-list`}
              aria-describedby={`${ids}-count`}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <p id={`${ids}-count`} className="visually-hidden" role="status" aria-live="polite">
            {items.data ? m.pickerCount({ n: shown }) : ''}
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div id={`${ids}-list`} ref={list} className="link-picker-list" aria-busy={items.isPending}>
          {items.isPending && <p className="muted">{common.loading}</p>}
          {items.isError && (
            <p className="form-error" role="alert">
              {errorMessage(items.error, common.loadFailed)}
            </p>
          )}
          {items.data && empty && <p className="muted">{m.linkNone}</p>}
          {items.data && !empty && shown === 0 && <p className="muted">{m.linkNoMatch}</p>}
          {groups.map((group) => (
            <section
              key={group.card.id}
              className="link-picker-group"
              aria-labelledby={`${ids}-${group.card.id}`}
            >
              <h3 id={`${ids}-${group.card.id}`} className="link-picker-card">
                <span className={`tile-criterion std-${group.card.standard ?? 'none'}`}>
                  {group.card.criterion
                    ? common.criterionTag({ code: group.card.criterion })
                    : m.linkNoCriterion}
                </span>
                <span className="link-picker-card-title" title={group.card.title}>
                  {group.card.title}
                </span>
              </h3>
              <ul className="link-picker-items">
                {group.items.map(({ item, present }) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="link-picker-item"
                      data-testid="link-picker-item"
                      data-evidence-id={item.id}
                      disabled={present}
                      aria-busy={choosing === item.id}
                      onClick={() => choose(item)}
                    >
                      <EvidenceKindIcon icon={evidenceIcon(item.kind, item.file?.mimeType)} />
                      <span className="link-picker-item-main">
                        <span className="link-picker-item-top">
                          {item.code && <span className="evidence-code">{item.code}</span>}
                          <span className="link-picker-item-title">{item.title}</span>
                        </span>
                        <span className="meta">
                          {itemMeta(item, lang, m.evidenceNote)}
                          {item.linkedCardIds.length > 0 && (
                            <> · {m.sharedWith({ n: item.linkedCardIds.length })}</>
                          )}
                        </span>
                      </span>
                      <span
                        className={
                          present ? 'link-picker-tag link-picker-tag-here' : 'link-picker-tag'
                        }
                      >
                        {present
                          ? m.linkAlreadyHere
                          : choosing === item.id
                            ? m.linking
                            : m.linkChoose}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </Modal>
  )
}

/** The file's name and size, the link's address, or "Ghi chú" for a note. */
function itemMeta(item: PlanEvidenceItem, lang: Lang, noteLabel: string): string {
  if (item.file) {
    const size = formatFileSize(item.file.size, lang)
    return item.file.name === item.title ? size : `${item.file.name} · ${size}`
  }
  if (item.url) return item.url.replace(/^https?:\/\//, '')
  return noteLabel
}
