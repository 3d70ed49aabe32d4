import { describe, expect, it } from 'vitest'
import { canManagePeople, canManageSchools } from './permissions.ts'
import { checkDeactivation, checkRoleChange, parseRoles, readStaffTable } from './people.ts'
import { staffRowProblemText } from './people-messages.ts'

const rows = (...grid: string[][]) => grid.map((cells, i) => ({ row: i + 1, cells }))

describe('who manages people and schools', () => {
  it.each([
    [{ roles: ['principal'] as const }, true],
    [{ roles: ['staff', 'monitor'] as const }, false],
    [{ roles: [] as const, isAdmin: true }, true],
    [{ roles: [] as const }, false],
  ])('canManagePeople(%o) is %s', (who, expected) => {
    expect(canManagePeople(who)).toBe(expected)
  })
  it('lets only the administrator manage schools', () => {
    expect(canManageSchools({ isAdmin: true })).toBe(true)
    expect(canManageSchools({ isAdmin: false })).toBe(false)
  })
})

describe('the last principal', () => {
  it('keeps the role when nobody else holds it', () => {
    expect(
      checkRoleChange({ current: ['principal'], next: ['staff'], otherActivePrincipals: 0 }),
    ).toEqual({ ok: false, reason: 'last_principal' })
    expect(
      checkRoleChange({ current: ['principal'], next: ['staff'], otherActivePrincipals: 1 }),
    ).toEqual({ ok: true })
    expect(
      checkRoleChange({ current: ['staff'], next: ['monitor'], otherActivePrincipals: 0 }),
    ).toEqual({ ok: true })
  })
  it('is not deactivated, and nobody deactivates themselves', () => {
    const person = { id: 'p', roles: ['principal'] as const }
    expect(checkDeactivation({ actorId: 'a', person, otherActivePrincipals: 0 })).toEqual({
      ok: false,
      reason: 'last_principal',
    })
    expect(checkDeactivation({ actorId: 'p', person, otherActivePrincipals: 3 })).toEqual({
      ok: false,
      reason: 'self',
    })
    expect(checkDeactivation({ actorId: 'a', person, otherActivePrincipals: 1 })).toEqual({
      ok: true,
    })
  })
})

describe('reading a staff list', () => {
  it('finds the heading row under a title, and reads each person', () => {
    const read = readStaffTable(
      rows(
        ['DANH SÁCH GIÁO VIÊN'],
        [
          'STT',
          'HỌ VÀ TÊN',
          'Tên đăng nhập',
          'Email',
          'SĐT',
          'Chức vụ',
          'Tổ chuyên môn',
          'Vai trò',
        ],
        [
          '1',
          'Lê  Thị Mai',
          'Co.Mai',
          'mai@t.vn',
          '+84 912 000 111',
          'Tổ trưởng',
          'Toán',
          'Phó hiệu trưởng',
        ],
        ['2', 'Hà Văn Nam', '', 'nam@t.vn', '', '', '', ''],
        ['', '', '', '', '', '', '', ''],
      ),
    )
    expect(read.ok && read.rows).toEqual([
      {
        row: 3,
        displayName: 'Lê Thị Mai',
        login: 'co.mai',
        email: 'mai@t.vn',
        phone: '+84 912 000 111',
        position: 'Tổ trưởng',
        department: 'Toán',
        roles: ['principal'],
        problems: [],
      },
      expect.objectContaining({ row: 4, login: 'nam@t.vn', roles: ['staff'], problems: [] }),
    ])
  })

  it('gives each bad row its problems, in words', () => {
    const read = readStaffTable(
      rows(
        ['Họ tên', 'Tài khoản', 'Email', 'Vai trò'],
        ['', 'a.b', '', 'bảo vệ'],
        ['X', 'có dấu', 'x@', ''],
        ['Y', 'a.b', '', '=cmd()'],
      ),
    )
    if (!read.ok) throw new Error('not read')
    const say = (i: number) => read.rows[i]!.problems.map((p) => staffRowProblemText(p, 'en'))
    expect(say(0)).toEqual([
      'The name is missing.',
      'Unknown role "bao ve": use staff, monitor, principal or vice-principal.',
    ])
    expect(say(1)).toEqual([
      'The e-mail "x@" does not look like name@school.edu.vn.',
      'The login "có dấu" may hold only letters a-z, digits and . _ - @ + (2-100 characters).',
    ])
    expect(say(2)).toEqual([
      'The "Roles" column starts like a formula (=, +, -, @): enter plain text.',
      'The login "a.b" repeats row 2.',
      'Unknown role "=cmd()": use staff, monitor, principal or vice-principal.',
    ])
  })

  it('says when there is no heading row or nobody under it', () => {
    expect(readStaffTable(rows(['a', 'b'], ['1', '2']))).toEqual({ ok: false, reason: 'no_header' })
    expect(readStaffTable(rows(['Họ và tên', 'Email']))).toEqual({ ok: false, reason: 'no_rows' })
  })

  it('reads role words with or without diacritics', () => {
    expect(parseRoles('Tổ giám sát; Giáo viên')).toEqual({
      roles: ['staff', 'monitor'],
      unknown: [],
    })
    expect(parseRoles('')).toEqual({ roles: ['staff'], unknown: [] })
    expect(parseRoles('hieu truong va to giam sat')).toEqual({
      roles: ['monitor', 'principal'],
      unknown: [],
    })
  })
})
