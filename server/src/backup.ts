import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { backupDatabaseFile, checkDatabaseFile } from '@caitien/db'

async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return []
  const out: string[] = []
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) {
      // Uploads in flight live in tmp/: not evidence yet.
      if (relative(root, path) === 'tmp') continue
      out.push(...(await listFiles(path)))
    } else if (entry.isFile()) out.push(path)
  }
  return out
}

/** Copies files that the destination lacks (content-addressed files never change). */
async function copyNewFiles(from: string, to: string): Promise<number> {
  let copied = 0
  for (const file of await listFiles(from)) {
    const target = join(to, relative(from, file))
    if (existsSync(target) && (await stat(target)).size === (await stat(file)).size) continue
    await mkdir(join(target, '..'), { recursive: true })
    await copyFile(file, target)
    copied++
  }
  return copied
}

/**
 * An online backup: the database first (a consistent copy while writes go on), then the
 * evidence files. An evidence file is in place before its database row is written, so
 * every file the copied database names is there to be copied.
 */
export async function backup(options: { databaseFile: string; evidenceDir: string; to: string }) {
  if (existsSync(join(options.to, 'caitien.sqlite'))) {
    throw new Error(`${options.to} already holds a backup; choose an empty folder`)
  }
  await mkdir(options.to, { recursive: true })
  await backupDatabaseFile(options.databaseFile, join(options.to, 'caitien.sqlite'))
  const files = await copyNewFiles(options.evidenceDir, join(options.to, 'evidence'))
  return { database: join(options.to, 'caitien.sqlite'), files }
}

/**
 * Puts a backup in place, with the server stopped: checks the backup's database, then
 * replaces the database file (and its WAL) and adds the evidence files.
 */
export async function restore(options: {
  from: string
  databaseFile: string
  evidenceDir: string
  force: boolean
}) {
  const source = join(options.from, 'caitien.sqlite')
  if (!existsSync(source)) throw new Error(`${options.from} holds no caitien.sqlite`)
  const check = checkDatabaseFile(source)
  if (check !== 'ok') throw new Error(`the backup's database is damaged: ${check}`)
  if (existsSync(options.databaseFile) && !options.force) {
    throw new Error(
      `${options.databaseFile} exists; stop the server and pass --force to replace it`,
    )
  }
  await mkdir(join(options.databaseFile, '..'), { recursive: true })
  for (const suffix of ['-wal', '-shm']) await rm(options.databaseFile + suffix, { force: true })
  await copyFile(source, options.databaseFile)
  const files = await copyNewFiles(join(options.from, 'evidence'), options.evidenceDir)
  return { files }
}
