import { useId, useState } from 'react'
import { useI18n } from '@/lib/i18n'
import type { BoardMember } from '../api/board-queries'
import { UNASSIGNED, hasActiveFilters, type BoardFilters } from '../board-filters'

export interface StandardOption {
  standard: string
  name: string | null
}

export function BoardToolbar({
  filters,
  onChange,
  standards,
  criteria,
  members,
  groupByStandard,
  onGroupByStandard,
  shown,
  total,
}: {
  filters: BoardFilters
  onChange: (next: BoardFilters) => void
  standards: StandardOption[]
  criteria: string[]
  members: BoardMember[]
  groupByStandard: boolean
  onGroupByStandard: (on: boolean) => void
  shown: number
  total: number
}) {
  const { t } = useI18n()
  const id = useId()
  const [expanded, setExpanded] = useState(false)
  const active = hasActiveFilters(filters)
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch })

  return (
    <div className={`toolbar${expanded ? ' toolbar-expanded' : ''}`}>
      <div className="toolbar-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {t('search')}
        </label>
        <svg className="search-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M10.5 10.5 14 14"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
        <input
          id={`${id}-search`}
          type="search"
          placeholder={t('searchPlaceholder')}
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        <button
          type="button"
          className="button toolbar-more"
          aria-expanded={expanded}
          aria-controls={`${id}-filters`}
          onClick={() => setExpanded((v) => !v)}
        >
          {t('filters')}
          {active && <span className="dot" aria-hidden="true" />}
        </button>
      </div>
      <div className="toolbar-filters" id={`${id}-filters`}>
        <label className="select-field">
          <span className="visually-hidden">{t('standard')}</span>
          <select
            value={filters.standard ?? ''}
            onChange={(e) => set({ standard: e.target.value || null, criterion: null })}
          >
            <option value="">{t('allStandards')}</option>
            {standards.map((s) => (
              <option key={s.standard} value={s.standard}>
                {t('standard')} {s.standard}
                {s.name ? `: ${s.name}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          <span className="visually-hidden">{t('criterion')}</span>
          <select
            value={filters.criterion ?? ''}
            onChange={(e) => set({ criterion: e.target.value || null })}
          >
            <option value="">{t('allCriteria')}</option>
            {criteria.map((c) => (
              <option key={c} value={c}>
                {t('criterion')} {c}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          <span className="visually-hidden">{t('assignee')}</span>
          <select
            value={filters.assigneeId ?? ''}
            onChange={(e) => set({ assigneeId: e.target.value || null })}
          >
            <option value="">{t('allAssignees')}</option>
            <option value={UNASSIGNED}>{t('unassigned')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="chip"
          aria-pressed={filters.mine}
          onClick={() => set({ mine: !filters.mine })}
        >
          {t('mine')}
        </button>
        <button
          type="button"
          className="chip chip-danger"
          aria-pressed={filters.overdue}
          onClick={() => set({ overdue: !filters.overdue })}
        >
          {t('overdue')}
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        <label className="switch">
          <input
            type="checkbox"
            checked={groupByStandard}
            onChange={(e) => onGroupByStandard(e.target.checked)}
          />
          <span className="switch-track" aria-hidden="true" />
          <span>{t('groupByStandard')}</span>
        </label>
        {active && (
          <span className="toolbar-summary">
            <span aria-live="polite">
              {t('shown')} {shown} {t('of')} {total} {t('cards')}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                onChange({
                  standard: null,
                  criterion: null,
                  assigneeId: null,
                  mine: false,
                  overdue: false,
                  search: '',
                })
              }
            >
              {t('clearFilters')}
            </button>
          </span>
        )}
      </div>
    </div>
  )
}
