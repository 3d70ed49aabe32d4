import { describe, expect, it } from 'vitest'
import { groupForPicker } from './link-picker'

const card = (id: string, criterion: string | null, title = `Thẻ ${id}`) => ({
  id,
  standard: criterion?.split('.')[0] ?? null,
  criterion,
  title,
})

const items = [
  {
    id: 'e1',
    code: '[H1-1.5-01]',
    title: 'Biên bản họp tổ',
    file: { name: 'Biên bản.pdf' },
    card: card('a', '1.5'),
    linkedCardIds: [],
  },
  {
    id: 'e2',
    code: '[H1-1.5-02]',
    title: 'Danh sách lớp',
    file: null,
    card: card('a', '1.5'),
    linkedCardIds: ['open'],
  },
  {
    id: 'e3',
    code: '[H3-3.3-01]',
    title: 'Kế hoạch tư vấn',
    file: null,
    card: card('b', '3.3', 'Tư vấn học đường'),
    linkedCardIds: [],
  },
  {
    id: 'e4',
    code: '[H2-2.1-01]',
    title: 'Sổ theo dõi',
    file: null,
    card: card('open', '2.1'),
    linkedCardIds: [],
  },
]

describe('groupForPicker', () => {
  it('groups items by their card in the given order and marks those already on the open card', () => {
    const groups = groupForPicker(items, 'open', new Set(), '')
    expect(groups.map((g) => g.card.id)).toEqual(['a', 'b', 'open'])
    expect(groups[0]!.items.map((i) => [i.item.id, i.present])).toEqual([
      ['e1', false],
      ['e2', true],
    ])
    expect(groups[2]!.items[0]!.present).toBe(true)
  })

  it('counts an item the open card lists as present even before the plan list catches up', () => {
    const groups = groupForPicker(items, 'open', new Set(['e3']), '')
    expect(groups[1]!.items[0]!.present).toBe(true)
  })

  it('searches code, title, file name and the card criterion and title without diacritics', () => {
    const ids = (q: string) =>
      groupForPicker(items, 'open', new Set(), q).flatMap((g) => g.items.map((i) => i.item.id))
    expect(ids('bien ban')).toEqual(['e1'])
    expect(ids('H3-3.3')).toEqual(['e3'])
    expect(ids('1.5')).toEqual(['e1', 'e2'])
    expect(ids('tu van hoc duong')).toEqual(['e3'])
    expect(ids('khong co')).toEqual([])
  })
})
