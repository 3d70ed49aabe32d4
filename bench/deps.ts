import { createRequire } from 'node:module'
import type * as Hono from 'hono'
import type * as NodeServer from '@hono/node-server'
import type BetterSqlite3Type from 'better-sqlite3'
import type PgType from 'pg'
import type * as Playwright from 'playwright-core'

/**
 * The bench is plain scripts, not a workspace package: it loads third-party packages from
 * the workspace package that already depends on them, so nothing new is installed.
 * Types come from the same folders (bench/tsconfig.json "paths").
 */
const fromServer = createRequire(new URL('../server/package.json', import.meta.url))
const fromDb = createRequire(new URL('../db/package.json', import.meta.url))
const fromTest = createRequire(new URL('../test/package.json', import.meta.url))

export const hono = fromServer('hono') as typeof Hono
export const nodeServer = fromServer('@hono/node-server') as typeof NodeServer
export const BetterSqlite3 = fromDb('better-sqlite3') as typeof BetterSqlite3Type
export const pg = fromDb('pg') as typeof PgType
export const playwright = (): typeof Playwright => fromTest('playwright-core') as typeof Playwright
