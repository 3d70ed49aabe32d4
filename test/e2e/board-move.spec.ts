import { describe, expect, it } from 'vitest'
import { boardCards, column, mouseDrag, screenshotPath, tile, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()

/** Polls until the predicate holds or the time is up; returns how long it took. */
async function waitFor(predicate: () => Promise<boolean>, ms: number): Promise<number> {
  const start = Date.now()
  while (!(await predicate())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return Date.now() - start
}

describe('the demo board, as staff and principal', () => {
  it('prints the demo logins on first start', () => {
    expect(e2e.app.output()).toMatch(/giaovien/)
    expect(e2e.app.output()).toMatch(/caitien123/)
  })

  it('moves cards by mouse and keyboard, live to another browser, refusing what the rules refuse', async () => {
    const staff = await e2e.loginAs('giaovien')
    const principal = await e2e.loginAs('hieutruong')
    const cards = await boardCards(staff.page)
    const byCriterion = (c: string) => cards.find((x) => x.criterion === c)!
    const mouseCard = byCriterion('1.10')
    const keyCard = byCriterion('2.4')
    const ownInProgress = byCriterion('3.6')
    expect([mouseCard.status, keyCard.status, ownInProgress.status]).toEqual([
      'planned',
      'planned',
      'in_progress',
    ])
    await staff.page.screenshot({ path: screenshotPath('board-staff-desktop.png') })

    // Mouse: "Kế hoạch" → "Đang thực hiện".
    await mouseDrag(staff.page, tile(staff.page, mouseCard.id), column(staff.page, 'in_progress'))
    await column(staff.page, 'in_progress')
      .locator(`[data-card-id="${mouseCard.id}"]`)
      .waitFor({ timeout: 2000 })

    // The principal's open board shows it without a reload, within 2 seconds.
    const seenAfter = await waitFor(
      async () =>
        (await tile(principal.page, mouseCard.id).getAttribute('data-status')) === 'in_progress',
      2000,
    )
    expect(seenAfter).toBeLessThan(2000)

    // Keyboard: focus the card, Space to lift, → to the next column, Space to drop.
    await tile(staff.page, keyCard.id).focus()
    await staff.page.keyboard.press('Space')
    await staff.page.waitForTimeout(200)
    await staff.page.keyboard.press('ArrowRight')
    await staff.page.waitForTimeout(200)
    await staff.page.keyboard.press('Space')
    await column(staff.page, 'in_progress')
      .locator(`[data-card-id="${keyCard.id}"]`)
      .waitFor({ timeout: 2000 })

    // A refused move: staff cannot drop their card into "Đã xác nhận"; it goes back.
    await mouseDrag(staff.page, tile(staff.page, ownInProgress.id), column(staff.page, 'verified'))
    const alert = staff.page
      .getByRole('alert')
      .filter({ hasText: /Đang thực hiện|Đã xác nhận|Tổ giám sát/ })
    await alert.first().waitFor({ timeout: 2000 })
    expect(await tile(staff.page, ownInProgress.id).getAttribute('data-status')).toBe('in_progress')
    await staff.page.screenshot({ path: screenshotPath('board-refused-move.png') })

    // After a reload both moves stay.
    await staff.page.reload()
    await column(staff.page, 'in_progress').locator(`[data-card-id="${mouseCard.id}"]`).waitFor()
    await column(staff.page, 'in_progress').locator(`[data-card-id="${keyCard.id}"]`).waitFor()
    const after = await boardCards(staff.page)
    expect(after.find((c) => c.id === mouseCard.id)?.status).toBe('in_progress')
    expect(after.find((c) => c.id === keyCard.id)?.status).toBe('in_progress')
    expect(after.find((c) => c.id === ownInProgress.id)?.status).toBe('in_progress')

    await principal.page.screenshot({ path: screenshotPath('board-principal-desktop.png') })
    await staff.context.close()
    await principal.context.close()
  })

  it('is usable on a phone', async () => {
    const phone = await e2e.loginAs('giaovien', { width: 390, height: 844 })
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await phone.page.screenshot({ path: screenshotPath('board-staff-phone.png') })
    await phone.context.close()
  })
})
