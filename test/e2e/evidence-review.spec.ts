import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { boardCards, column, mouseDrag, screenshotPath, tile, useAppAndBrowser } from './support.ts'

const firstPdf = fileURLToPath(new URL('../fixtures/evidence/Biên bản họp tổ.pdf', import.meta.url))
const secondPdf = fileURLToPath(
  new URL('../fixtures/evidence/Biên bản có chữ ký.pdf', import.meta.url),
)

const e2e = useAppAndBrowser()

async function openCard(page: Page, cardId: string) {
  await tile(page, cardId).click()
  return cardDialog(page)
}

/** The card detail panel (the dialog holding the evidence upload). */
async function cardDialog(page: Page) {
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.getByLabel('Tải tệp minh chứng') })
    .first()
  await dialog.waitFor()
  return dialog
}

async function closeDialogs(page: Page) {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(150)
  }
}

describe('evidence and verification, one story', () => {
  it('submits, is sent back with a reason, resubmits, and is verified with codes and history', async () => {
    const staff = await e2e.loginAs('giaovien')
    const cards = await boardCards(staff.page)
    const card = cards.find((c) => c.criterion === '3.6')!
    expect(card.status).toBe('in_progress')

    // Staff: a PDF and a link on the card in progress, then the drag to "Đã nộp minh chứng".
    let detail = await openCard(staff.page, card.id)
    await detail.getByLabel('Tải tệp minh chứng').setInputFiles(firstPdf)
    await detail.locator('[data-testid="evidence-item"]', { hasText: '[H3-3.6-01]' }).waitFor()
    await detail.getByLabel('Đường dẫn').check()
    await detail.getByLabel('Tên minh chứng').fill('Danh mục sách mới')
    await detail.getByLabel('Địa chỉ (https://…)').fill('https://thcs.example.edu.vn/thu-vien')
    await detail.getByRole('button', { name: 'Thêm minh chứng' }).click()
    await detail.locator('[data-testid="evidence-item"]', { hasText: '[H3-3.6-02]' }).waitFor()
    await closeDialogs(staff.page)
    await mouseDrag(staff.page, tile(staff.page, card.id), column(staff.page, 'evidence_submitted'))
    await column(staff.page, 'evidence_submitted').locator(`[data-card-id="${card.id}"]`).waitFor()

    // Monitor: the queue, the PDF preview, a send-back with a reason.
    const monitor = await e2e.loginAs('giamsat')
    await monitor.page.getByRole('button', { name: /^Chờ xác nhận/ }).click()
    const item = monitor.page.locator(`[data-testid="review-item"][data-card-id="${card.id}"]`)
    await item.waitFor()
    await item
      .getByRole('button', { name: /Biên bản họp tổ\.pdf/ })
      .first()
      .click()
    const preview = monitor.page.getByRole('dialog', { name: 'Xem minh chứng' })
    await preview.locator('[data-testid="evidence-preview-frame"]').waitFor()
    await monitor.page.screenshot({ path: screenshotPath('review-preview.png') })
    await monitor.page.keyboard.press('Escape')
    await item.getByRole('button', { name: 'Trả lại', exact: true }).click()
    await item.getByLabel('Lý do trả lại').fill('Biên bản chưa có chữ ký của Hiệu trưởng')
    await item.getByRole('button', { name: 'Gửi trả lại' }).click()
    await expect
      .poll(async () => (await boardCards(monitor.page)).find((c) => c.id === card.id)?.status)
      .toBe('in_progress')
    await closeDialogs(monitor.page)

    // Staff: the inbox says why; another file; submit again.
    await staff.page.getByRole('button', { name: /^Hộp thư/ }).click()
    await staff.page
      .locator('[data-testid="inbox-item"]', { hasText: 'Biên bản chưa có chữ ký của Hiệu trưởng' })
      .waitFor({ timeout: 5000 })
    await staff.page.screenshot({ path: screenshotPath('inbox-sent-back.png') })
    await staff.page
      .locator('[data-testid="inbox-item"]', { hasText: 'Biên bản chưa có chữ ký' })
      .click()
    detail = staff.page
      .getByRole('dialog')
      .filter({ has: staff.page.getByText('Tải tệp minh chứng') })
      .first()
    await detail.waitFor()
    await detail.getByLabel('Tải tệp minh chứng').setInputFiles(secondPdf)
    await detail.locator('[data-testid="evidence-item"]', { hasText: '[H3-3.6-03]' }).waitFor()
    await closeDialogs(staff.page)
    await tile(staff.page, card.id).waitFor()
    await mouseDrag(staff.page, tile(staff.page, card.id), column(staff.page, 'evidence_submitted'))
    await column(staff.page, 'evidence_submitted').locator(`[data-card-id="${card.id}"]`).waitFor()

    // Monitor approves.
    await monitor.page.getByRole('button', { name: /^Chờ xác nhận/ }).click()
    const again = monitor.page.locator(`[data-testid="review-item"][data-card-id="${card.id}"]`)
    await again.waitFor()
    await again.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect
      .poll(async () => (await boardCards(monitor.page)).find((c) => c.id === card.id)?.status)
      .toBe('verified')

    // Principal: in "Đã xác nhận", with its codes and the review history.
    const principal = await e2e.loginAs('hieutruong')
    await column(principal.page, 'verified').locator(`[data-card-id="${card.id}"]`).waitFor()
    // A verified card has no upload field any more: its evidence is frozen.
    await tile(principal.page, card.id).click()
    const view = principal.page.getByRole('dialog').first()
    await view.getByText('Minh chứng đã được khóa vì thẻ đã được xác nhận').waitFor()
    for (const code of ['[H3-3.6-01]', '[H3-3.6-02]', '[H3-3.6-03]']) {
      await view.locator('[data-testid="evidence-item"]', { hasText: code }).waitFor()
    }
    const reviews = view.locator('[data-testid="review-entry"]')
    await expect.poll(() => reviews.count()).toBe(2)
    expect(await reviews.first().innerText()).toMatch(/Đã xác nhận/)
    expect(await reviews.last().innerText()).toMatch(/chưa có chữ ký/)
    await principal.page.screenshot({ path: screenshotPath('principal-verified-card.png') })
    for (const s of [staff, monitor, principal]) await s.context.close()
  })
})
