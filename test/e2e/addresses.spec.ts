import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createDb } from '@caitien/db'
import { insertTestPlan, insertTestSchool } from '@caitien/server/testing'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, column, screenshotPath, tile, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()

const pathOf = (page: Page) => {
  const url = new URL(page.url())
  return url.pathname + url.search
}

interface DemoBoard {
  plan: { id: string; title: string; school: { name: string } }
  cards: {
    id: string
    title: string
    status: string
    criterion: string | null
    assigneeIds: string[]
  }[]
}

async function demoBoard(page: Page): Promise<DemoBoard> {
  const { landing } = (await (await page.request.get('/api/plans')).json()) as { landing: string }
  return (await (await page.request.get(`/api/plans/${landing}/board`)).json()) as DemoBoard
}

/** The card panel (a side panel dialog) showing this card's title. */
function cardPanel(page: Page, title: string) {
  return page.locator('.modal-panel').filter({ hasText: title })
}

describe('addresses', () => {
  it('story (c): a card link pasted into a new browser asks for the login, then opens that card', async () => {
    const staff = await e2e.loginAs('giaovien')
    const board = await demoBoard(staff.page)
    const card = board.cards.find((c) => c.status === 'in_progress')!
    // The board's own address, and the card's once opened from its tile.
    await expect.poll(() => pathOf(staff.page)).toBe(`/plans/${board.plan.id}`)
    await tile(staff.page, card.id).click()
    await cardPanel(staff.page, card.title).waitFor()
    const link = new URL(staff.page.url())
    expect(link.pathname).toBe(`/plans/${board.plan.id}/cards/${card.id}`)
    await staff.context.close()

    // A new browser (no cookies): the login page, remembering where to go.
    const browser = (await e2e.loginAs('giaovien2')).context.browser()!
    const fresh = await browser.newContext({
      baseURL: e2e.app.url,
      viewport: { width: 1440, height: 900 },
      locale: 'vi-VN',
    })
    const page = await fresh.newPage()
    await page.goto(link.href)
    await page.getByLabel('Tên đăng nhập').waitFor()
    expect(pathOf(page)).toBe(
      `/login?next=${encodeURIComponent(`/plans/${board.plan.id}/cards/${card.id}`)}`,
    )
    await page.getByLabel('Tên đăng nhập').fill('giaovien')
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await cardPanel(page, card.title).waitFor()
    expect(pathOf(page)).toBe(`/plans/${board.plan.id}/cards/${card.id}`)
    // Reload keeps the card open.
    await page.reload()
    await cardPanel(page, card.title).waitFor()
    await fresh.close()
  })

  it('refuses a next that leaves the app, and lands on the plan instead', async () => {
    const { context } = await e2e.loginAs('giaovien')
    const browser = context.browser()!
    await context.close()
    const fresh = await browser.newContext({ baseURL: e2e.app.url, locale: 'vi-VN' })
    const page = await fresh.newPage()
    await page.goto(`/login?next=${encodeURIComponent('//evil.example/plans/x')}`)
    await page.getByLabel('Tên đăng nhập').fill('giaovien')
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await column(page, 'planned').waitFor()
    expect(new URL(page.url()).origin).toBe(e2e.app.url)
    expect(pathOf(page)).toMatch(/^\/plans\/[\w-]+$/)
    await fresh.close()
  })

  it('goes back and forward across board, card, review queue and a month of the dashboard; reload keeps the screen', async () => {
    const { page, context } = await e2e.loginAs('giamsat')
    const board = await demoBoard(page)
    const planPath = `/plans/${board.plan.id}`
    const card = board.cards[0]!

    await tile(page, card.id).click()
    await cardPanel(page, card.title).waitFor()
    expect(pathOf(page)).toBe(`${planPath}/cards/${card.id}`)
    await page.keyboard.press('Escape')
    await expect.poll(() => pathOf(page)).toBe(planPath)

    await page.getByRole('button', { name: /^Chờ xác nhận/ }).click()
    const queue = page.getByRole('dialog', { name: 'Hàng đợi xác nhận' })
    await queue.waitFor()
    expect(pathOf(page)).toBe(`${planPath}/reviews`)
    await page.keyboard.press('Escape')
    await expect.poll(() => pathOf(page)).toBe(planPath)

    await page.getByRole('button', { name: 'Tiến độ', exact: true }).click()
    const dashboard = page.getByRole('dialog', { name: 'Tiến độ hằng tháng' })
    await dashboard.waitFor()
    expect(pathOf(page)).toBe(`${planPath}/progress`)
    const picker = dashboard.getByLabel('Tháng')
    const initial = await picker.inputValue()
    const months = await picker
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))
    const other = months.find((m) => m !== initial)!
    await picker.selectOption(other)
    await expect.poll(() => pathOf(page)).toBe(`${planPath}/progress/${other}`)

    // Reload: the dashboard again, on the same month.
    await page.reload()
    await dashboard.waitFor()
    await expect.poll(() => dashboard.getByLabel('Tháng').inputValue()).toBe(other)

    // Back: the month before, the board, the queue, the board, the card.
    await page.goBack()
    await expect.poll(() => pathOf(page)).toBe(`${planPath}/progress`)
    await expect.poll(() => dashboard.getByLabel('Tháng').inputValue()).toBe(initial)
    await page.goBack()
    await expect.poll(() => pathOf(page)).toBe(planPath)
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await page.goBack()
    await queue.waitFor()
    expect(pathOf(page)).toBe(`${planPath}/reviews`)
    await page.goBack()
    await page.goBack()
    await cardPanel(page, card.title).waitFor()
    expect(pathOf(page)).toBe(`${planPath}/cards/${card.id}`)
    // Forward: the board, then the queue again.
    await page.goForward()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await page.goForward()
    await queue.waitFor()
    await context.close()
  })

  it('shows "not available" for another school’s plan and for a missing one alike', async () => {
    const db = createDb({ file: join(e2e.app.dir, 'caitien.sqlite') })
    const otherSchool = await insertTestSchool(db, 'Trường THCS Khác')
    const otherPlan = await insertTestPlan(db, otherSchool)
    await db.destroy()

    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page, context } = await e2e.loginAs('giaovien', viewport)
      const board = await demoBoard(page)
      const texts: string[] = []
      for (const path of [
        `/plans/${otherPlan.id}`,
        `/plans/${crypto.randomUUID()}`,
        `/plans/${otherPlan.id}/cards/${crypto.randomUUID()}`,
        `/plans/${board.plan.id}/cards/${crypto.randomUUID()}`,
      ]) {
        await page.goto(path)
        const notAvailable = page.locator('[data-testid="not-available"]')
        await notAvailable.waitFor()
        texts.push(await notAvailable.innerText())
      }
      // One page for all: it does not tell a plan that exists from one that does not.
      expect(new Set(texts).size).toBe(1)
      expect(texts[0]).toContain('Không mở được trang này')
      expect(texts[0]).not.toContain('Trường THCS Khác')
      await page.goto(`/plans/${otherPlan.id}`)
      await page.locator('[data-testid="not-available"]').waitFor()
      await page.screenshot({ path: screenshotPath(`not-available-${viewport.width}.png`) })
      await page.getByRole('link', { name: 'Về kế hoạch của tôi' }).click()
      await column(page, 'planned').waitFor()
      await context.close()
    }
  })

  it('keeps the plan title and school whole in the header at 1440 px', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page, context } = await e2e.loginAs('hieutruong', viewport)
      const board = await demoBoard(page)
      const header = page.locator('.app-header')
      await expect.poll(() => header.locator('.header-title').innerText()).toBe(board.plan.title)
      expect(await header.locator('.header-school').innerText()).toBe(board.plan.school.name)
      const cut = await page.evaluate(() =>
        ['.header-title', '.header-school'].map((sel) => {
          const el = document.querySelector(sel)!
          const style = getComputedStyle(el)
          return {
            sel,
            clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
            ellipsis: style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap',
          }
        }),
      )
      expect(cut).toEqual([
        { sel: '.header-title', clipped: false, ellipsis: false },
        { sel: '.header-school', clipped: false, ellipsis: false },
      ])
      await header.screenshot({ path: screenshotPath(`header-${viewport.width}.png`) })
      await context.close()
    }
  })

  it('marks a card sent back on the board, with the reason on hover and on a tap', async () => {
    const monitor = await e2e.loginAs('giamsat')
    await monitor.page.getByRole('button', { name: /^Chờ xác nhận/ }).click()
    const first = monitor.page
      .locator('[data-testid="review-item"]')
      .filter({ has: monitor.page.getByRole('button', { name: 'Trả lại', exact: true }) })
      .first()
    await first.waitFor()
    const cardId = (await first.getAttribute('data-card-id'))!
    const item = monitor.page.locator(`[data-testid="review-item"][data-card-id="${cardId}"]`)
    const reason = 'Thiếu biên bản có chữ ký của Hiệu trưởng'
    await item.getByRole('button', { name: 'Trả lại', exact: true }).click()
    await item.getByLabel('Lý do trả lại').fill(reason)
    await item.getByRole('button', { name: 'Gửi trả lại' }).click()
    await item.waitFor({ state: 'detached' })
    await monitor.page.keyboard.press('Escape')

    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page, context } = await e2e.loginAs('hieutruong', viewport)
      const marker = tile(page, cardId).locator('[data-testid="sent-back-marker"]')
      await marker.waitFor()
      expect(await marker.getAttribute('title')).toContain(reason)
      await marker.scrollIntoViewIfNeeded()
      await marker.click()
      const shown = tile(page, cardId).locator('[data-testid="sent-back-reason"]')
      await shown.waitFor()
      expect(await shown.innerText()).toContain(reason)
      // The tap showed the reason; it did not open the card.
      expect(await page.locator('.modal-panel').count()).toBe(0)
      expect(new URL(page.url()).pathname).not.toContain('/cards/')
      await tile(page, cardId).screenshot({
        path: screenshotPath(`sent-back-marker-${viewport.width}.png`),
      })
      await page.screenshot({ path: screenshotPath(`sent-back-board-${viewport.width}.png`) })
      await context.close()
    }
    await monitor.context.close()
  })

  it('prints the board without its toolbar and without cutting cards', async () => {
    const { page, context } = await e2e.loginAs('hieutruong', { width: 1440, height: 900 })
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.toolbar').isVisible()).toBe(false)
    expect(await page.locator('.header-tools').isVisible()).toBe(false)
    const breaks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.tile'), (t) => getComputedStyle(t).breakInside),
    )
    expect(breaks.length).toBeGreaterThan(0)
    expect(new Set(breaks)).toEqual(new Set(['avoid']))
    await page.screenshot({ path: screenshotPath('board-print-1440.png'), fullPage: true })
    const pdf = screenshotPath('board-print.pdf')
    await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true })
    // Every card is on paper, none lost at a page break; the pages as images, to look at.
    const run = promisify(execFile)
    const { stdout: text } = await run('pdftotext', [pdf, '-'])
    const criteria = (await demoBoard(page)).cards.map((c) => c.criterion).filter(Boolean)
    expect(criteria.length).toBeGreaterThan(0)
    for (const code of criteria) expect(text).toContain(`Tiêu chí ${code}`)
    expect(text).not.toContain('Nhóm theo tiêu chuẩn')
    await run('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')])
    await page.emulateMedia({ media: 'screen' })
    await context.close()

    const phone = await e2e.loginAs('hieutruong', { width: 390, height: 844 })
    await phone.page.emulateMedia({ media: 'print' })
    await phone.page.screenshot({ path: screenshotPath('board-print-390.png'), fullPage: true })
    await phone.context.close()
  })
})
