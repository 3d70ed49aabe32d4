import { describe, expect, it } from 'vitest'
import { readSavedChoices, saveChoices, sameChoices } from './saved-choices'

function memoryStore() {
  const data = new Map<string, string>()
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  }
}

const COLUMNS = ['TT', 'Tiêu chí', 'Công việc', 'Ghi chú']
const FIELDS = ['criterion', 'tasks', 'notes'] as const
const AUTO = { '0': null, '1': 'criterion', '2': 'tasks', '3': 'notes' }

describe('saved column choices', () => {
  it('reads back the choices confirmed for the same headings', () => {
    const store = memoryStore()
    const chosen = { ...AUTO, '3': null }
    saveChoices(store, COLUMNS, chosen, AUTO)
    expect(readSavedChoices(store, COLUMNS, FIELDS)).toEqual(chosen)
    expect(readSavedChoices(store, [...COLUMNS, 'Kinh phí'], FIELDS)).toBeNull()
  })

  it('forgets the entry when the choices are the server’s own again', () => {
    const store = memoryStore()
    saveChoices(store, COLUMNS, { ...AUTO, '3': null }, AUTO)
    saveChoices(store, COLUMNS, AUTO, AUTO)
    expect(readSavedChoices(store, COLUMNS, FIELDS)).toBeNull()
  })

  it('ignores an entry naming a field the server no longer knows', () => {
    const store = memoryStore()
    saveChoices(store, COLUMNS, { ...AUTO, '3': 'remarks' }, AUTO)
    expect(readSavedChoices(store, COLUMNS, FIELDS)).toBeNull()
  })

  it('compares choices with a missing key as null', () => {
    expect(sameChoices({ '0': null, '1': 'tasks' }, { '1': 'tasks' })).toBe(true)
    expect(sameChoices({ '1': 'tasks' }, { '1': 'notes' })).toBe(false)
  })
})
