import { execFile } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './app-process.ts'

const run = promisify(execFile)

/** Where Debian's postgresql package puts the server binaries (initdb is not on PATH there). */
const BIN_DIRS = [
  '/usr/local/bin',
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
].concat(['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/14/bin', '/usr/bin'])

function binary(name: string): string {
  for (const dir of BIN_DIRS) if (existsSync(join(dir, name))) return join(dir, name)
  throw new Error(
    `${name} not found: install PostgreSQL's server (Debian/Ubuntu: apt-get install postgresql)`,
  )
}

const isRoot = process.getuid?.() === 0

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
async function asOwner(name: string, args: string[]) {
  const bin = binary(name)
  if (!isRoot) return run(bin, args)
  const quoted = [bin, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ')
  return run('su', ['postgres', '-s', '/bin/sh', '-c', quoted])
}

export interface PgCluster {
  /** postgres://caitien@127.0.0.1:PORT/ (append a database name). */
  baseUrl: string
  stop: () => Promise<void>
}

/**
 * A throwaway PostgreSQL cluster for the tests: a fresh data directory under the system's
 * temporary folder, a free port on loopback, trust authentication for the `caitien` role,
 * durability off (fsync, synchronous commit: the data is gone when the run ends anyway), and
 * the C.UTF-8 collation, so text sorts by code point as it does in SQLite.
 */
export async function startPgCluster(): Promise<PgCluster> {
  await removeAbandonedClusters()
  const dir = mkdtempSync(join(tmpdir(), 'caitien-pg-'))
  // Whose it is: a run that was killed leaves its cluster, which the next run removes.
  writeFileSync(join(dir, 'owner'), String(process.pid))
  const data = join(dir, 'data')
  if (isRoot) {
    chmodSync(dir, 0o755)
    chownSync(dir, ...(await postgresIds()))
  }
  await asOwner('initdb', [
    '-D',
    data,
    '-U',
    'caitien',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ])
  const port = await freePort()
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    `-c listen_addresses=127.0.0.1`,
    `-c fsync=off`,
    `-c synchronous_commit=off`,
    `-c full_page_writes=off`,
    `-c max_connections=400`,
    `-c shared_buffers=64MB`,
  ].join(' ')
  await asOwner('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'])
  return {
    baseUrl: `postgres://caitien@127.0.0.1:${port}/`,
    stop: async () => {
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresIds(): Promise<[number, number]> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim())
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
  return [uid, gid]
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Clusters of test runs that were killed before they could stop them: stopped and removed. */
async function removeAbandonedClusters() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('caitien-pg-')) continue
    const dir = join(tmpdir(), name)
    let owner = 0
    try {
      owner = Number(readFileSync(join(dir, 'owner'), 'utf8'))
    } catch {
      continue // not one of ours, or still being made
    }
    if (!owner || alive(owner)) continue
    await asOwner('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']).catch(
      () => undefined,
    )
    rmSync(dir, { recursive: true, force: true })
  }
}
