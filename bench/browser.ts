import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { playwright } from './deps.ts'

/** The JS a first visit must load before the app runs: the entry and its modulepreloads. */
export function initialBundle(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!)
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!)
  const size = (ref: string) => {
    const bytes = readFileSync(join(dist, ref.replace(/^\//, '')))
    return { file: ref, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  }
  const js = refs.map(size)
  const styles = css.map(size)
  const lazy = existsSync(join(dist, 'assets'))
    ? statSyncAll(join(dist, 'assets')).filter(
        (f) => f.endsWith('.js') && !refs.some((r) => r.endsWith(f)),
      )
    : []
  return {
    files: js,
    jsRaw: js.reduce((n, f) => n + f.raw, 0),
    jsGzip: js.reduce((n, f) => n + f.gzip, 0),
    css: styles,
    cssGzip: styles.reduce((n, f) => n + f.gzip, 0),
    lazyChunks: lazy.map((f) => size(`/assets/${f}`)),
  }
}

function statSyncAll(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
}

export interface BoardLoad {
  planCards: number
  /** ms from navigation start until every tile is in the DOM (checked each animation frame). */
  allTilesMs: number | null
  /** ms until the frame after that one had run: the tiles have been laid out and painted. */
  paintedMs: number | null
  lastTileChangeMs: number
  tiles: number
  /** Tiles with a layout box (not display:none) at that moment. */
  laidOut: number
  firstContentfulPaintMs: number | null
  longTasksDuringLoad: { count: number; longestMs: number; totalMs: number }
  domNodes: number
}

export interface DragFigures {
  /** Long tasks (≥ 50 ms, the browser's threshold) from the first key press to settle. */
  longTasks: number[]
  longestTaskMs: number
  /** Slowest key press: input delay + handlers + the next paint (Event Timing, ≥ 16 ms). */
  slowestKeyMs: number
  /** ms from the drop key to the tile standing in the target column. */
  dropToMovedMs: number | null
  moved: boolean
}

const INIT = `
(() => {
  const b = (window.__bench = { longtasks: [], events: [], tilesAt: null, paintedAt: null, tiles: 0, laidOut: 0, lastChange: 0 });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }) })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.events.push({ name: e.name, start: e.startTime, duration: e.duration }) })
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  const target = Number(localStorage.getItem('bench_target') || '0');
  const check = () => {
    const tiles = document.querySelectorAll('[data-testid="card-tile"]');
    if (target > 0 && tiles.length >= target) {
      b.tilesAt = performance.now();
      b.lastChange = b.tilesAt;
      b.tiles = tiles.length;
      let laid = 0;
      for (const t of tiles) if (t.getClientRects().length > 0) laid++;
      b.laidOut = laid;
      requestAnimationFrame(() => setTimeout(() => { b.paintedAt = performance.now() }, 0));
      return;
    }
    if (tiles.length !== b.tiles) b.lastChange = performance.now();
    b.tiles = tiles.length;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
`

interface BenchWindow {
  __bench: {
    longtasks: { start: number; duration: number }[]
    events: { name: string; start: number; duration: number }[]
    tilesAt: number | null
    paintedAt: number | null
    tiles: number
    laidOut: number
    lastChange: number
  }
}

export async function measureBrowser(options: {
  baseUrl: string
  login: string
  password: string
  plans: { id: string; cards: number }[]
  log: (line: string) => void
}) {
  const browser = await playwright().chromium.launch({
    executablePath: '/usr/bin/chromium',
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
  try {
    const context = await browser.newContext({
      baseURL: options.baseUrl,
      viewport: { width: 1440, height: 900 },
      locale: 'vi-VN',
    })
    const login = await context.request.post('/api/session/login', {
      data: { login: options.login, password: options.password },
    })
    if (login.status() !== 200) throw new Error(`browser login: ${login.status()}`)
    const boards: Record<
      number,
      { load: BoardLoad; drag: DragFigures | null; boardRequests: unknown[] }
    > = {}
    for (const plan of options.plans) {
      const page = await context.newPage()
      const boardRequests: { status: number; ifNoneMatch: boolean; bytes: number | null }[] = []
      page.on('response', (res) => {
        if (!/\/api\/plans\/[^/]+\/board$/.test(new URL(res.url()).pathname)) return
        const ifNoneMatch = res.request().headers()['if-none-match'] !== undefined
        void res
          .body()
          .then((b) => b.length)
          .catch(() => null)
          .then((bytes) => boardRequests.push({ status: res.status(), ifNoneMatch, bytes }))
      })
      await page.addInitScript(
        ({ planId, target }) => {
          localStorage.setItem('caitien_plan', planId)
          localStorage.setItem('bench_target', String(target))
        },
        { planId: plan.id, target: plan.cards },
      )
      await page.addInitScript(INIT)
      const timeout = plan.cards > 1000 ? 90_000 : 30_000
      await page.goto('/')
      const load = await waitForBoard(page, plan.cards, timeout)
      options.log(
        `  browser: ${plan.cards}-card board, ${load.tiles} tiles in the DOM at ${load.allTilesMs ?? load.lastTileChangeMs} ms`,
      )
      let drag: DragFigures | null = null
      if (load.tiles > 0) {
        drag = await keyboardDrag(page).catch((err: Error) => {
          options.log(`  browser: drag failed: ${err.message}`)
          return null
        })
      }
      // A second look at the board (what a user returning to the tab triggers): does the
      // app ask with If-None-Match?
      await page.evaluate(() => window.dispatchEvent(new Event('focus')))
      await page.waitForTimeout(500)
      boards[plan.cards] = { load, drag, boardRequests: [...boardRequests] }
      await page.close()
    }
    return boards
  } finally {
    await browser.close()
  }
}

async function waitForBoard(page: Page, cards: number, timeout: number): Promise<BoardLoad> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    // Every tile in the DOM, or (a virtualised or paged board) the tile count steady for 1.5 s.
    const done = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench
      if (b.tilesAt !== null) return b.paintedAt !== null
      return b.tiles > 0 && performance.now() - b.lastChange > 1500
    })
    if (done) break
    await page.waitForTimeout(50)
  }
  return page.evaluate((planCards) => {
    // (no named helper functions in here: tsx would wrap them in a __name the page lacks)
    const b = (window as unknown as BenchWindow).__bench
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    const until = b.paintedAt ?? performance.now()
    const during = b.longtasks.filter((t) => t.start < until)
    return {
      planCards,
      allTilesMs: b.tilesAt === null ? null : Math.round(b.tilesAt),
      paintedMs: b.paintedAt === null ? null : Math.round(b.paintedAt),
      /** Last change of the tile count (a virtualised board stops short of every card). */
      lastTileChangeMs: Math.round(b.lastChange),
      tiles: document.querySelectorAll('[data-testid="card-tile"]').length,
      laidOut: b.laidOut,
      firstContentfulPaintMs: fcp ? Math.round(fcp.startTime) : null,
      longTasksDuringLoad: {
        count: during.length,
        longestMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
        totalMs: Math.round(during.reduce((n, t) => n + t.duration, 0)),
      },
      domNodes: document.getElementsByTagName('*').length,
    }
  }, cards)
}

async function keyboardDrag(page: Page): Promise<DragFigures> {
  await page.waitForTimeout(1000) // let the board settle: the drag is measured alone
  const tile = page.locator('[data-testid="column-planned"] [data-testid="card-tile"]').first()
  const cardId = await tile.getAttribute('data-card-id', { timeout: 5000 })
  await tile.focus()
  const start = await page.evaluate(() => performance.now())
  await page.keyboard.press('Space')
  await page.waitForTimeout(200)
  await page.keyboard.press('ArrowRight')
  await page.waitForTimeout(200)
  const dropAt = Date.now()
  await page.keyboard.press('Space')
  let moved = false
  try {
    await page
      .locator(`[data-testid="column-in_progress"] [data-card-id="${cardId}"]`)
      .waitFor({ timeout: 5000 })
    moved = true
  } catch {
    moved = false
  }
  const dropToMovedMs = moved ? Date.now() - dropAt : null
  await page.waitForTimeout(500)
  const figures = await page.evaluate((from) => {
    const b = (window as unknown as BenchWindow).__bench
    const tasks = b.longtasks.filter((t) => t.start >= from).map((t) => Math.round(t.duration))
    const keys = b.events.filter((e) => e.start >= from && e.name.startsWith('key'))
    return {
      longTasks: tasks,
      longestTaskMs: Math.max(0, ...tasks),
      slowestKeyMs: Math.round(Math.max(0, ...keys.map((e) => e.duration))),
    }
  }, start)
  return { ...figures, dropToMovedMs, moved }
}
