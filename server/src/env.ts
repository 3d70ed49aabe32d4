import { isAbsolute, resolve } from 'node:path'
import type { DatabaseLocation } from '@caitien/db'
import { z } from 'zod'
import { parseTrustedProxies } from './auth/client-address.ts'

/** The only place that reads process.env (STYLE B6). */
const envSchema = z.object({
  CAITIEN_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CAITIEN_HOST: z.string().default('0.0.0.0'),
  CAITIEN_DATABASE_FILE: z.string().default('./data/caitien.sqlite'),
  /**
   * A PostgreSQL database (postgres://user:password@host:port/name) instead of the SQLite
   * file: several server processes can share it (docs/decisions/028).
   */
  CAITIEN_DATABASE_URL: z
    .string()
    .optional()
    .refine((url) => url === undefined || url === '' || /^postgres(ql)?:\/\//i.test(url), {
      message: 'must start with postgres:// or postgresql://',
    })
    .transform((url) => (url === '' ? undefined : url)),
  CAITIEN_WEB_DIST: z.string().optional(),
  /** Evidence files, stored by content hash; keep it out of any served folder. */
  CAITIEN_EVIDENCE_DIR: z.string().default('./data/evidence'),
  CAITIEN_EVIDENCE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** Evidence storage per school, each content counted once (evidence/evidence.repository.ts). */
  CAITIEN_SCHOOL_QUOTA_MB: z.coerce.number().positive().default(2048),
  /** Days a deleted item's file is kept before the sweep removes it (evidence/sweep-files.ts). */
  CAITIEN_EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(30),
  /** Set when served over HTTPS so the session cookie is marked Secure. */
  CAITIEN_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Behind a reverse proxy: its addresses or CIDR ranges, comma-separated. Only requests
   * from them have their X-Forwarded-For believed (login throttling). Empty: nobody.
   */
  CAITIEN_TRUST_PROXY: z
    .string()
    .default('')
    .superRefine((text, ctx) => {
      try {
        parseTrustedProxies(text)
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message })
      }
    }),
  /** Skip the demo school on first start (production schools). */
  CAITIEN_NO_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * A public demo (`pnpm start` sets it): the demo accounts keep the password caitien123 and
   * the login page says so. Without it, logging in with the demo password asks for a new one.
   */
  CAITIEN_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Test-only: a fixed "now" for the demo seed and clocks (ISO instant). */
  CAITIEN_NOW: z.iso.datetime().optional(),
})

export type Env = z.infer<typeof envSchema>

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  // pnpm runs package scripts inside the package folder; relative paths mean the folder
  // the user typed the command in (INIT_CWD), so ./data/ is the project's, not server/'s.
  const base = source.INIT_CWD ?? process.cwd()
  const file = parsed.data.CAITIEN_DATABASE_FILE
  const evidence = parsed.data.CAITIEN_EVIDENCE_DIR
  return {
    ...parsed.data,
    CAITIEN_DATABASE_FILE: file === ':memory:' || isAbsolute(file) ? file : resolve(base, file),
    CAITIEN_EVIDENCE_DIR: isAbsolute(evidence) ? evidence : resolve(base, evidence),
  }
}

/** The database the server, the CLI and the jobs open: PostgreSQL when a URL is set. */
export function databaseLocation(env: Env): DatabaseLocation {
  return env.CAITIEN_DATABASE_URL
    ? { url: env.CAITIEN_DATABASE_URL }
    : { file: env.CAITIEN_DATABASE_FILE }
}

/** The database for a log line: the file, or the PostgreSQL address without its password. */
export function describeDatabase(location: DatabaseLocation): string {
  if (location.url === undefined) return location.file
  const url = new URL(location.url)
  if (url.password) url.password = '***'
  return url.toString()
}
