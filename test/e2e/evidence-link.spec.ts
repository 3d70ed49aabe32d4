import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { boardCards, screenshotPath, tile, useAppAndBrowser } from './support.ts'

const e2e = useAppAndBrowser()

/** The tile's evidence count, as its label reads it out ("Minh chứng: 1"). */
function tileEvidenceCount(page: Page, cardId: string) {
  return tile(page, cardId).getByLabel(/^Minh chứng: \d+$/)
}

async function openCard(page: Page, cardId: string) {
  await tile(page, cardId).click()
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('button', { name: 'Liên kết minh chứng có sẵn' }) })
    .first()
  await dialog.waitFor()
  return dialog
}

describe('linking existing evidence from the card panel', () => {
  it('lets the principal link an item of another card to the open card through the picker', async () => {
    const { context, page } = await e2e.loginAs('hieutruong')
    const cards = await boardCards(page)
    // Card A: 3.1, in progress, assigned to the principal, no evidence yet.
    // Card B: 3.3, submitted with its demo item [H3-3.3-01].
    const a = cards.find((c) => c.criterion === '3.1')!
    const b = cards.find((c) => c.criterion === '3.3')!
    expect(a.status).toBe('in_progress')
    await expect
      .poll(() => tileEvidenceCount(page, a.id).getAttribute('aria-label'))
      .toBe('Minh chứng: 0')

    const detail = await openCard(page, a.id)
    await detail.getByRole('button', { name: 'Liên kết minh chứng có sẵn' }).click()
    const picker = page.getByRole('dialog', { name: 'Liên kết minh chứng có sẵn' })
    await picker.waitFor()
    const items = picker.locator('[data-testid="link-picker-item"]')
    await items.first().waitFor()
    // Every item of the plan, labelled by its card's criterion.
    await picker.getByRole('heading', { name: /Tiêu chí 3\.3/ }).waitFor()
    await picker.getByRole('heading', { name: /Tiêu chí 1\.5/ }).waitFor()

    // The search (focused on opening) narrows the list by code, without diacritics.
    await page.keyboard.type('H3-3.3')
    await expect.poll(() => items.count()).toBe(1)
    await picker.getByText('Minh chứng tiêu chí 3.3').waitFor()
    await page.screenshot({ path: screenshotPath('link-evidence-picker.png') })

    // Chosen by keyboard: down from the search box to the item, Enter.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await picker.waitFor({ state: 'detached' })

    // In A's list, with B's code, marked as shared from another card.
    const linked = detail.locator('[data-testid="evidence-item"]', { hasText: '[H3-3.3-01]' })
    await linked.waitFor()
    expect(await linked.innerText()).toMatch(/Dùng chung từ thẻ khác/)
    await expect
      .poll(() => tileEvidenceCount(page, a.id).getAttribute('aria-label'))
      .toBe('Minh chứng: 1')
    // B keeps its item and its count.
    expect(await tileEvidenceCount(page, b.id).getAttribute('aria-label')).toBe('Minh chứng: 1')

    // Opened again, the picker shows the item as already here, disabled.
    await detail.getByRole('button', { name: 'Liên kết minh chứng có sẵn' }).click()
    await picker.waitFor()
    const here = picker.locator('[data-testid="link-picker-item"]', { hasText: '[H3-3.3-01]' })
    await here.waitFor()
    expect(await here.isDisabled()).toBe(true)
    expect(await here.innerText()).toMatch(/Đã có/)
    await page.keyboard.press('Escape')
    await picker.waitFor({ state: 'detached' })
    await context.close()
  })

  it('shows the API’s message in the picker when the link is refused, on a phone', async () => {
    const { context, page } = await e2e.loginAs('giaovien', {
      width: 390,
      height: 844,
    })
    const cards = await boardCards(page)
    const mine = cards.find((c) => c.criterion === '3.6')!
    const detail = await openCard(page, mine.id)
    await detail.getByRole('button', { name: 'Liên kết minh chứng có sẵn' }).click()
    const picker = page.getByRole('dialog', { name: 'Liên kết minh chứng có sẵn' })
    const item = picker.locator('[data-testid="link-picker-item"]', { hasText: '[H3-3.3-01]' })
    await item.waitFor()
    // Meanwhile the person who added it (the assignee of 3.3) deletes it. It is the only
    // item of 3.3, which waits for review: they withdraw 3.3 first (docs/decisions/015).
    const uploader = await e2e.loginAs('giamsat2')
    const submitted = (await boardCards(uploader.page)).find((c) => c.criterion === '3.3')!
    const withdraw = await uploader.page.request.post(`/api/cards/${submitted.id}/move`, {
      data: { to: 'in_progress', version: submitted.version },
    })
    expect(withdraw.status()).toBe(200)
    const evidenceId = (await item.getAttribute('data-evidence-id'))!
    expect((await uploader.page.request.delete(`/api/evidence/${evidenceId}`)).status()).toBe(200)
    await item.click()
    const alert = picker.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toBe(
      'Không tìm thấy minh chứng này trong kế hoạch; có thể nó vừa bị xoá.',
    )
    await page.screenshot({ path: screenshotPath('link-evidence-refused-phone.png') })
    // Nothing was added: the card keeps its own items only.
    await page.keyboard.press('Escape')
    await picker.waitFor({ state: 'detached' })
    expect(await detail.locator('[data-testid="evidence-item"]').count()).toBe(0)
    await uploader.context.close()
    await context.close()
  })
})
