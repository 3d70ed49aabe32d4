import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import { commonMessages } from '@/lib/common-messages'
import { useMessages } from '@/lib/i18n'
import type { BoardMember } from '../api/board-queries'
import { EMPTY_FILTERS, UNASSIGNED, hasActiveFilters, type BoardFilters } from '../board-filters'
import { boardMessages } from '../board-messages'
import type { StandardOption } from '../board-view'

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
  tools,
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
  /** The app's own buttons for the board (the principal's "add an action"), at the end. */
  tools?: ReactNode
}) {
  const m = useMessages(boardMessages)
  const common = useMessages(commonMessages)
  const id = useId()
  const [expanded, setExpanded] = useState(false)
  const active = hasActiveFilters(filters)
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch })

  return (
    <div className={`toolbar${expanded ? ' toolbar-expanded' : ''}`}>
      <div className="toolbar-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {common.search}
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
          placeholder={m.searchPlaceholder}
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
          {m.filters}
          {active && <span className="dot" aria-hidden="true" />}
        </button>
      </div>
      <div className="toolbar-filters" id={`${id}-filters`}>
        <label className="select-field">
          <span className="visually-hidden">{m.standard}</span>
          <select
            value={filters.standard ?? ''}
            onChange={(e) => set({ standard: e.target.value || null, criterion: null })}
          >
            <option value="">{m.allStandards}</option>
            {standards.map((s) => (
              <option key={s.standard} value={s.standard}>
                {m.standardName({ code: s.standard, name: s.name })}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          <span className="visually-hidden">{m.criterion}</span>
          <select
            value={filters.criterion ?? ''}
            onChange={(e) => set({ criterion: e.target.value || null })}
          >
            <option value="">{m.allCriteria}</option>
            {criteria.map((c) => (
              <option key={c} value={c}>
                {m.criterionName({ code: c })}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          <span className="visually-hidden">{m.assignee}</span>
          <select
            value={filters.assigneeId ?? ''}
            onChange={(e) => set({ assigneeId: e.target.value || null })}
          >
            <option value="">{m.allAssignees}</option>
            <option value={UNASSIGNED}>{m.unassigned}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
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
          {m.mine}
        </button>
        <button
          type="button"
          className="chip chip-danger"
          aria-pressed={filters.overdue}
          onClick={() => set({ overdue: !filters.overdue })}
        >
          {m.overdue}
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        <label className="switch">
          <input
            type="checkbox"
            checked={groupByStandard}
            onChange={(e) => onGroupByStandard(e.target.checked)}
          />
          <span className="switch-track" aria-hidden="true" />
          <span>{m.groupByStandard}</span>
        </label>
        {active && (
          <span className="toolbar-summary">
            <span aria-live="polite">{m.shown({ shown, total })}</span>
            <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>
              {m.clearFilters}
            </button>
          </span>
        )}
      </div>
      {tools && <div className="toolbar-tools">{tools}</div>}
    </div>
  )
}
