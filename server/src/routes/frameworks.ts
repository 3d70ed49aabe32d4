import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { listFrameworks } from '../frameworks/framework-catalog.ts'

export const frameworkRoutes = new Hono<AppEnv>().get('/', async (c) =>
  c.json({ frameworks: await listFrameworks(c.get('db')) }, 200),
)
