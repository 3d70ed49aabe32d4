import { randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import {
  SCHOOL_ROLES,
  BODY_KINDS,
  isBodyKind,
  checkPassword,
  isMonth,
  isSchoolRole,
  monthEndInstant,
  passwordRejectionMessage,
  type PasswordRejection,
  type SchoolRole,
} from '@caitien/shared'
import { databaseLocation, describeDatabase, readEnv } from './env.ts'
import { DEMO_PASSWORD } from './demo/seed-demo.ts'
import { seedDistrict } from './demo/seed-district.ts'
import { MAX_IMPORT_BYTES, mb } from './plans/import/import-limits.ts'
import { parsePlanInWorker } from './plans/import/parse-in-worker.ts'
import { PlanParseError } from './plans/import/parse-plan.ts'

/**
 * The modules of the database commands, loaded by those alone: `plan:parse` (which must
 * answer a hostile file within seconds) starts about two seconds sooner without them.
 */
async function databaseModules() {
  const [boot, backups, snapshots, frameworks, accounts, fileStore, sweep, bodies] =
    await Promise.all([
      import('./boot.ts'),
      import('./backup.ts'),
      import('./snapshots/snapshot-service.ts'),
      import('./frameworks/framework-catalog.ts'),
      import('./schools/accounts.ts'),
      import('./evidence/file-store.ts'),
      import('./evidence/sweep-files.ts'),
      import('./oversight/bodies.ts'),
    ])
  return {
    ...bodies,
    ...boot,
    ...backups,
    ...snapshots,
    ...frameworks,
    ...accounts,
    ...fileStore,
    ...sweep,
  }
}

const HELP = `caitien admin command line

Usage: pnpm cli <command> [options]      (database: CAITIEN_DATABASE_URL, else CAITIEN_DATABASE_FILE, default ./data/caitien.sqlite)

  school:create --name NAME [--level primary|secondary|kindergarten|other]
  school:list
  user:create --login LOGIN --name "Full name" [--password P] [--school ID --roles staff,monitor,principal] [--admin]
  user:grant --login LOGIN --school ID --roles staff,monitor,principal
  user:revoke --login LOGIN --school ID [--roles staff,monitor,principal]   (all roles by default)
  user:list [--school ID]
  user:reset-password --login LOGIN [--password P]   (ends the user's open sessions)
  framework:load FILE.json                           (a criteria catalogue of the shipped shape)
  framework:list
  snapshot:take --plan PLAN_ID --month YYYY-MM       (the month-end snapshot of an ended month, once)
  snapshot:list --plan PLAN_ID
  backup --to DIR                                    (online: the database and evidence files, while the app runs)
  restore --from DIR [--force]                       (with the app stopped)
  evidence:sweep [--retention-days N]                (removes files no evidence holds; the app does it daily)
  plan:parse FILE.docx|FILE.xlsx|FILE.csv            (prints the plan's rows as JSON; no database)
  body:create --kind commune_office|provincial_department --name NAME   (an overseeing body; prints its id)
  body:list
  body:schools --body ID --school ID[,ID…]           (the schools the body oversees, the whole list)
  body:user --body ID --login LOGIN --name "Full name" [--password P] [--lead]   (an overseer account)
  demo:district [--commune-schools 20] [--province-schools 300]   (a commune and a province of demo schools, for the roll-up)
`

class UsageError extends Error {}

function need(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`missing --${name}`)
  return value
}

function parseRoles(text: string | undefined): SchoolRole[] {
  if (!text) return []
  const roles = text.split(',').map((r) => r.trim())
  const bad = roles.filter((r) => !isSchoolRole(r))
  if (bad.length)
    throw new UsageError(`unknown role ${bad.join(', ')} (roles: ${SCHOOL_ROLES.join(', ')})`)
  return roles as SchoolRole[]
}

/** The password policy of shared/src/password-policy.ts, worded for the admin. */
function acceptablePassword(password: string, login: string): string {
  const check = checkPassword(password, { login })
  if (!check.ok) refusePassword(check.reason)
  return password
}

function refusePassword(reason: PasswordRejection): never {
  throw new UsageError(
    `password refused [${reason}]: ${passwordRejectionMessage(reason, 'vi')} (${passwordRejectionMessage(reason, 'en')})`,
  )
}

/** 12 random characters; drawn again in the unlikely case the policy refuses them. */
function generated(login: string): string {
  for (;;) {
    const password = randomBytes(9).toString('base64url')
    if (checkPassword(password, { login }).ok) return password
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP)
    return command ? 0 : 2
  }
  const { values, positionals } = parseOptions(rest)
  return run(command, values, positionals)
}

function parseOptions(rest: string[]) {
  try {
    return parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        level: { type: 'string' },
        login: { type: 'string' },
        password: { type: 'string' },
        school: { type: 'string' },
        roles: { type: 'string' },
        admin: { type: 'boolean' },
        plan: { type: 'string' },
        month: { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        force: { type: 'boolean' },
        'retention-days': { type: 'string' },
        kind: { type: 'string' },
        body: { type: 'string' },
        lead: { type: 'boolean' },
        'commune-schools': { type: 'string' },
        'province-schools': { type: 'string' },
      },
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

async function run(
  command: string,
  values: ReturnType<typeof parseOptions>['values'],
  positionals: string[],
): Promise<number> {
  // Commands that only read a file come first: they must not open, create or migrate a database.
  if (command === 'plan:parse') return parsePlan(positionals[0])
  const {
    openDatabase,
    backup,
    restore,
    listSnapshots,
    takeMonthEndSnapshot,
    findSnapshotPlan,
    loadFrameworks,
    listFrameworks,
    parseCatalog,
    createSchool,
    listSchools,
    createUser,
    grantRoles,
    revokeRoles,
    listAccounts,
    resetPassword,
    createFileStore,
    sweepEvidenceFiles,
    createBody,
    listAllBodies,
    setBodySchools,
    createOverseer,
  } = await databaseModules()
  switch (command) {
    case 'backup': {
      const env = readEnv()
      const result = await backup({
        database: databaseLocation(env),
        evidenceDir: env.CAITIEN_EVIDENCE_DIR,
        to: need(values.to, 'to'),
      }).catch((err: Error) => {
        throw new UsageError(err.message)
      })
      console.log(`backed up ${result.database} and ${result.files} evidence files`)
      return 0
    }
    case 'restore': {
      const env = readEnv()
      const result = await restore({
        from: need(values.from, 'from'),
        database: databaseLocation(env),
        evidenceDir: env.CAITIEN_EVIDENCE_DIR,
        force: values.force ?? false,
      }).catch((err: Error) => {
        throw new UsageError(err.message)
      })
      console.log(
        `restored ${describeDatabase(databaseLocation(env))} and ${result.files} evidence files`,
      )
      return 0
    }
  }
  const env = readEnv()
  const now = new Date()
  const { db } = await openDatabase({ database: databaseLocation(env), demo: false, now })
  const iso = now.toISOString()
  try {
    switch (command) {
      case 'school:create': {
        const id = await createSchool(db, {
          name: need(values.name, 'name'),
          schoolLevel: values.level ?? 'other',
          now: iso,
        })
        console.log(id)
        return 0
      }
      case 'body:create': {
        const kind = need(values.kind, 'kind')
        if (!isBodyKind(kind))
          throw new UsageError(`unknown kind ${kind} (${BODY_KINDS.join(', ')})`)
        console.log(await createBody(db, { kind, name: need(values.name, 'name'), now: iso }))
        return 0
      }
      case 'body:list': {
        for (const b of await listAllBodies(db)) {
          console.log(
            `${b.id}\t${b.kind}\t${b.schoolCount} schools\t${b.memberCount} people\t${b.name}`,
          )
        }
        return 0
      }
      case 'body:schools': {
        const bodyId = need(values.body, 'body')
        const schoolIds = need(values.school, 'school')
          .split(',')
          .map((s) => s.trim())
        const result = await setBodySchools(db, { bodyId, schoolIds, now: iso })
        if (!result.ok) throw new UsageError('an id is not a school')
        console.log(`${bodyId} oversees ${result.count} schools`)
        return 0
      }
      case 'body:user': {
        const login = need(values.login, 'login').toLowerCase()
        const result = await createOverseer(db, {
          bodyId: need(values.body, 'body'),
          login,
          displayName: need(values.name, 'name'),
          isLead: values.lead ?? false,
          password: values.password ? acceptablePassword(values.password, login) : undefined,
          now: iso,
        })
        if (!result.ok && result.reason === 'no_body')
          throw new UsageError(`no body ${values.body}`)
        if (!result.ok) throw new UsageError(`login ${login} is taken`)
        console.log(
          `created ${login} (${result.user.id})${values.password ? '' : ` with one-time password ${result.user.oneTimePassword}`}`,
        )
        return 0
      }
      case 'demo:district': {
        const count = (text: string | undefined, fallback: number, name: string) => {
          const n = text === undefined ? fallback : Number(text)
          if (!Number.isInteger(n) || n < 1 || n > 5000)
            throw new UsageError(`--${name} must be a whole number from 1 to 5000`)
          return n
        }
        const started = performance.now()
        const district = await seedDistrict(db, {
          now,
          communeSchools: count(values['commune-schools'], 20, 'commune-schools'),
          provinceSchools: count(values['province-schools'], 300, 'province-schools'),
        })
        const seconds = ((performance.now() - started) / 1000).toFixed(1)
        const { commune, province, principals } = district
        console.log(
          [
            `district demo created in ${seconds} s; every account's password is "${DEMO_PASSWORD}"`,
            `  ${commune.overseer.padEnd(12)} ${commune.name}: ${commune.schools} schools`,
            `  ${province.overseer.padEnd(12)} ${province.name}: ${province.schools} schools`,
            `  principals: ${principals[0]} … ${principals.at(-1)} (also tNNN-giamsat, tNNN-giaovien)`,
          ].join('\n'),
        )
        return 0
      }
      case 'school:list': {
        for (const r of await listSchools(db)) console.log(`${r.id}\t${r.school_level}\t${r.name}`)
        return 0
      }
      case 'user:create': {
        const login = need(values.login, 'login')
        const password = values.password
          ? acceptablePassword(values.password, login)
          : generated(login)
        const roles = parseRoles(values.roles)
        if (roles.length && !values.school) throw new UsageError('--roles needs --school')
        const result = await createUser(db, {
          login,
          displayName: need(values.name, 'name'),
          password,
          isAdmin: values.admin,
          school: values.school ? { id: values.school, roles } : undefined,
          now: iso,
        })
        if (!result.ok && result.reason === 'no_school')
          throw new UsageError(`no school ${values.school}`)
        if (!result.ok) throw new UsageError(`login ${login} is taken`)
        const id = result.id
        console.log(
          `created ${login} (${id})${values.password ? '' : ` with password ${password}`}`,
        )
        return 0
      }
      case 'user:grant': {
        const login = need(values.login, 'login').toLowerCase()
        const schoolId = need(values.school, 'school')
        const roles = parseRoles(need(values.roles, 'roles'))
        const result = await grantRoles(db, { login, schoolId, roles, now: iso })
        if (!result.ok) throw new UsageError(`no user ${login}`)
        console.log(`${login}: ${roles.join(', ')} in ${schoolId}`)
        return 0
      }
      case 'user:revoke': {
        const login = need(values.login, 'login').toLowerCase()
        const schoolId = need(values.school, 'school')
        const roles = values.roles ? parseRoles(values.roles) : [...SCHOOL_ROLES]
        const result = await revokeRoles(db, { login, schoolId, roles })
        if (!result.ok) throw new UsageError(`no user ${login}`)
        if (result.removed.length === 0)
          throw new UsageError(`${login} has none of ${roles.join(', ')} in ${schoolId}`)
        console.log(`${login}: no longer ${result.removed.join(', ')} in ${schoolId}`)
        return 0
      }
      case 'user:list': {
        for (const r of await listAccounts(db, values.school)) {
          console.log(
            [
              r.login,
              r.display_name,
              r.is_admin ? 'admin' : '',
              r.school_id ?? '',
              r.role ?? '',
            ].join('\t'),
          )
        }
        return 0
      }
      case 'user:reset-password': {
        const login = need(values.login, 'login')
        const password = values.password
          ? acceptablePassword(values.password, login)
          : generated(login)
        const result = await resetPassword(db, { login, password, now })
        if (!result.ok && result.reason === 'no_user') throw new UsageError(`no user ${login}`)
        if (!result.ok) refusePassword(result.reason)
        console.log(
          `password of ${login} reset${values.password ? '' : ` to ${password}`}; open sessions ended`,
        )
        return 0
      }
      case 'framework:load': {
        const file = positionals[0]
        if (!file) throw new UsageError('framework:load needs a JSON file')
        let json: unknown
        try {
          json = JSON.parse(readFileSync(file, 'utf8'))
        } catch (err) {
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`)
        }
        let frameworks
        try {
          frameworks = parseCatalog(json)
        } catch (err) {
          throw new UsageError((err as Error).message)
        }
        const added = await loadFrameworks(db, frameworks, iso)
        console.log(
          added.length
            ? `loaded ${added.join(', ')}`
            : 'nothing new: every framework in the file is already loaded',
        )
        return 0
      }
      case 'framework:list': {
        const frameworks = (await listFrameworks(db)).sort((a, b) => (a.id < b.id ? -1 : 1))
        for (const r of frameworks) console.log(`${r.id}\t${r.schoolLevel}\t${r.title}`)
        return 0
      }
      case 'snapshot:take': {
        const plan = await findSnapshotPlan(db, need(values.plan, 'plan'))
        if (!plan) throw new UsageError(`no plan ${values.plan}`)
        const month = need(values.month, 'month')
        if (!isMonth(month)) throw new UsageError('--month must look like 2026-10')
        if (monthEndInstant(month) > iso) throw new UsageError(`${month} has not ended yet`)
        const taken = await takeMonthEndSnapshot(db, plan, month, now)
        console.log(
          taken ? `snapshot of ${month} taken` : `the snapshot of ${month} already exists`,
        )
        return 0
      }
      case 'snapshot:list': {
        const planId = need(values.plan, 'plan')
        for (const s of await listSnapshots(db, planId)) {
          const share = `${Math.round(s.shareVerified * 100)}%`
          console.log(
            [
              s.month,
              s.kind,
              s.takenAt,
              `${s.total} cards`,
              `${share} verified`,
              `${s.overdue} overdue`,
            ].join('\t'),
          )
        }
        return 0
      }
      case 'evidence:sweep': {
        const text = values['retention-days']
        const days = text === undefined ? env.CAITIEN_EVIDENCE_RETENTION_DAYS : Number(text)
        if (!Number.isInteger(days) || days < 1)
          throw new UsageError('--retention-days must be a whole number of days, at least 1')
        const files = createFileStore(env.CAITIEN_EVIDENCE_DIR)
        const r = await sweepEvidenceFiles(db, files, { now, retentionDays: days })
        console.log(
          `removed ${r.removed} unreferenced evidence files and ${r.partials} partial uploads; kept ${r.kept} files`,
        )
        return 0
      }
      default:
        throw new UsageError(`unknown command ${command}`)
    }
  } finally {
    await db.destroy()
  }
}

async function parsePlan(file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('plan:parse needs a .docx, .xlsx or .csv file')
  let bytes: Uint8Array
  try {
    if (statSync(file).size > MAX_IMPORT_BYTES)
      throw new Error(`over the ${mb(MAX_IMPORT_BYTES)} limit of an upload`)
    bytes = readFileSync(file)
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`)
  }
  try {
    // The same bounded reading as an upload: a hostile file exits 2, it does not hang the shell.
    console.log(JSON.stringify(await parsePlanInWorker(bytes, basename(file)), null, 2))
    return 0
  } catch (err) {
    if (!(err instanceof PlanParseError)) throw err
    console.error(`error: ${file}: ${err.message} [${err.code}]`)
    return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n\n${HELP}`)
      process.exit(2)
    }
    console.error(err)
    process.exit(1)
  },
)
