import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@caitien/db'
import { createFileStore } from '@caitien/server/testing'
import { checkPassword, passwordRejectionMessage, type PasswordRejection } from '@caitien/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseEnv, testDatabase } from '../support/database.ts'
import { runCli } from '../support/run.ts'

const dir = mkdtempSync(join(tmpdir(), 'caitien-cli-'))
const file = join(dir, 'caitien.sqlite')
/** The CLI's database: this file, or on integration-pg the PostgreSQL database it stands for. */
const database = await testDatabase(file)
const databaseVariables = await databaseEnv(file)

async function cli(...args: string[]) {
  const run = await runCli(args, databaseVariables)
  return { code: run.code, out: run.stdout.trim(), err: run.stderr }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('pnpm cli', () => {
  it('creates an overseeing body over a school and its overseer account', async () => {
    const school = await cli(
      'school:create',
      '--name',
      'Trường MN Sen Hồng',
      '--level',
      'kindergarten',
    )
    const body = await cli(
      'body:create',
      '--kind',
      'commune_office',
      '--name',
      'Phòng Văn hóa - Xã hội xã Sen Hồng',
    )
    expect(body.code).toBe(0)
    expect(body.out).toMatch(/^[0-9a-f-]{36}$/)
    expect((await cli('body:create', '--kind', 'district', '--name', 'x')).code).toBe(2)
    const linked = await cli('body:schools', '--body', body.out, '--school', school.out)
    expect(linked.out).toBe(`${body.out} oversees 1 schools`)
    const user = await cli(
      'body:user',
      '--body',
      body.out,
      '--login',
      'cq.senhong',
      '--name',
      'Lê Văn Quản',
      '--lead',
    )
    expect(user.out).toMatch(
      /^created cq\.senhong \(.+\) with one-time password \w{4}-\w{4}-\w{4}$/,
    )
    const db = createDb(database)
    const member = await db
      .selectFrom('body_member')
      .innerJoin('app_user', 'app_user.id', 'body_member.user_id')
      .select(['body_member.is_lead', 'app_user.must_change_password'])
      .where('app_user.login', '=', 'cq.senhong')
      .executeTakeFirstOrThrow()
    await db.destroy()
    expect(member).toEqual({ is_lead: 1, must_change_password: 1 })
    expect((await cli('body:list')).out).toContain(
      '1 schools\t1 people\tPhòng Văn hóa - Xã hội xã Sen Hồng',
    )
  })

  it('creates a school and a user with roles, who can then log in', async () => {
    const school = await cli('school:create', '--name', 'Trường TH Hoà Bình', '--level', 'primary')
    expect(school.code).toBe(0)
    const schoolId = school.out
    expect(schoolId).toMatch(/^[0-9a-f-]{36}$/)
    const user = await cli(
      'user:create',
      '--login',
      'CoHoa',
      '--name',
      'Nguyễn Thị Hoà',
      '--password',
      'sen-hong-giua-ao-lang',
      '--school',
      schoolId,
      '--roles',
      'staff,monitor',
    )
    expect(user.code).toBe(0)
    const db = createDb(database)
    const roles = await db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select(['app_user.login', 'membership.role'])
      .where('membership.school_id', '=', schoolId)
      .orderBy('role')
      .execute()
    expect(roles).toEqual([
      { login: 'cohoa', role: 'monitor' },
      { login: 'cohoa', role: 'staff' },
    ])
    await db.destroy()

    const { createApp } = await import('@caitien/server')
    const app = createApp({ db: createDb(database), files: createFileStore(join(dir, 'evidence')) })
    const login = await app.request('/api/session/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'cohoa', password: 'sen-hong-giua-ao-lang' }),
    })
    expect(login.status).toBe(200)
  })

  it('resets a password (ending sessions) and generates one when none is given', async () => {
    const sessions = async () => {
      const db = createDb(database)
      const rows = await db
        .selectFrom('auth_session')
        .innerJoin('app_user', 'app_user.id', 'auth_session.user_id')
        .select('auth_session.id')
        .where('app_user.login', '=', 'cohoa')
        .execute()
      await db.destroy()
      return rows.length
    }
    expect(await sessions()).toBe(1)
    const reset = await cli('user:reset-password', '--login', 'cohoa')
    expect(reset.code).toBe(0)
    expect(await sessions()).toBe(0)
    const password = /reset to (\S+);/.exec(reset.out)?.[1]
    expect(password).toBeTruthy()
    expect(checkPassword(password!, { login: 'cohoa' })).toEqual({ ok: true })
    const { createApp } = await import('@caitien/server')
    const app = createApp({ db: createDb(database), files: createFileStore(join(dir, 'evidence')) })
    const post = (pw: string) =>
      app.request('/api/session/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'cohoa', password: pw }),
      })
    expect((await post('sen-hong-giua-ao-lang')).status).toBe(401)
    expect((await post(password!)).status).toBe(200)
  })

  it('refuses bad input with a message and exit code 2, changing nothing', async () => {
    expect(
      await cli('user:reset-password', '--login', 'cohoa', '--password', 'short'),
    ).toMatchObject({
      code: 2,
      err: expect.stringMatching(/password refused \[too_short\]/),
    })
    expect(
      await cli(
        'user:create',
        '--login',
        'x',
        '--name',
        'X',
        '--school',
        'nope',
        '--roles',
        'staff',
      ),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/no school/) })
    expect(
      await cli('user:create', '--login', 'y', '--name', 'Y', '--roles', 'teacher'),
    ).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown role teacher/),
    })
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown command/),
    })
    const notJson = join(dir, 'bad.json')
    writeFileSync(notJson, '{"circulars": []}')
    expect(await cli('framework:load', notJson)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/not a criteria catalogue/),
    })
  })

  it.each<[string, PasswordRejection]>([
    ['12345678', 'too_short'],
    ['        ', 'blank'],
    ['ThuyLinh', 'is_login'],
    ['caitien123', 'demo_password'],
  ])(
    'refuses to create a user with the password %j (%s), creating nothing',
    async (password, reason) => {
      const run = await cli(
        'user:create',
        '--login',
        'thuylinh',
        '--name',
        'Lê Thuỳ Linh',
        '--password',
        password,
      )
      expect(run.code).toBe(2)
      expect(run.err).toContain(
        `password refused [${reason}]: ${passwordRejectionMessage(reason, 'vi')}`,
      )
      const db = createDb(database)
      const user = await db
        .selectFrom('app_user')
        .select('id')
        .where('login', '=', 'thuylinh')
        .executeTakeFirst()
      await db.destroy()
      expect(user).toBeUndefined()
    },
  )

  it('refuses to reset a password to the current one', async () => {
    const create = await cli(
      'user:create',
      '--login',
      'thanhhuong',
      '--name',
      'Đỗ Thanh Hương',
      '--password',
      'nang-vang-tren-song-han',
    )
    expect(create.code).toBe(0)
    const again = await cli(
      'user:reset-password',
      '--login',
      'thanhhuong',
      '--password',
      'nang-vang-tren-song-han',
    )
    expect(again.code).toBe(2)
    expect(again.err).toContain('password refused [same_as_current]')
  })
})
