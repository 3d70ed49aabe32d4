import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startServerProcess } from '../support/app-process.ts'

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url))
export const ARTIFACTS = fileURLToPath(new URL('../.artifacts', import.meta.url))

/**
 * The production server as a user runs it (`pnpm start`): built web app, tsx, a fresh
 * SQLite file, the demo school created on first start.
 */
export async function startAppServer() {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('web/dist is missing: run "pnpm --filter @caitien/web build" first')
  }
  const dir = mkdtempSync(join(tmpdir(), 'caitien-e2e-'))
  const server = await startServerProcess({
    CAITIEN_DATABASE_FILE: join(dir, 'caitien.sqlite'),
    CAITIEN_EVIDENCE_DIR: join(dir, 'evidence'),
    CAITIEN_WEB_DIST: webDist,
  })
  return {
    ...server,
    dir,
    stop: async () => {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CAITIEN_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export const DEMO_PASSWORD = 'caitien123'

/** Opens the app in a new context and logs in through the login form. */
export async function loginAs(
  browser: Browser,
  baseURL: string,
  login: string,
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto('/')
  await page.getByLabel('Tên đăng nhập').fill(login)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.locator('[data-testid="column-planned"]').waitFor()
  return { context, page }
}

interface BoardCardInfo {
  id: string
  criterion: string | null
  status: string
  version: number
}

/** The demo plan's cards as the API sees them, through the page's own session. */
export async function boardCards(page: Page): Promise<BoardCardInfo[]> {
  const plans = (await (await page.request.get('/api/plans')).json()) as { plans: { id: string }[] }
  const board = (await (
    await page.request.get(`/api/plans/${plans.plans[0]!.id}/board`)
  ).json()) as {
    cards: BoardCardInfo[]
  }
  return board.cards
}

export function tile(page: Page, cardId: string) {
  return page.locator(`[data-testid="card-tile"][data-card-id="${cardId}"]`)
}

export function column(page: Page, status: string) {
  return page.locator(`[data-testid="column-${status}"]`)
}

/** A real mouse drag: press, move in steps (dnd-kit needs movement), release. */
export async function mouseDrag(
  page: Page,
  from: ReturnType<typeof tile>,
  to: ReturnType<typeof column>,
) {
  await from.scrollIntoViewIfNeeded()
  const a = (await from.boundingBox())!
  const b = (await to.boundingBox())!
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 4 })
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 200), { steps: 20 })
  await page.waitForTimeout(150)
  await page.mouse.up()
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true })
  return join(ARTIFACTS, name)
}

/**
 * The app server and the Chromium a spec file drives: started before its tests, stopped
 * after them. `loginAs` opens a logged-in page (desktop size unless told otherwise).
 */
export function useAppAndBrowser() {
  let app: Awaited<ReturnType<typeof startAppServer>> | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
  const started = () => {
    if (!app || !browser) throw new Error('the app server and the browser start in beforeAll')
    return { app, browser }
  }
  return {
    get app() {
      return started().app
    },
    /** The browser itself, for contexts a story sets up by hand. */
    get browser() {
      return started().browser
    },
    loginAs: (login: string, viewport?: { width: number; height: number }) =>
      loginAs(started().browser, started().app.url, login, viewport),
  }
}
