import { describe, expect, it } from 'vitest'
import { screenshotPath, useAppAndBrowser } from './support.ts'

const PHONE = { width: 390, height: 844 }
const app = useAppAndBrowser()

describe('official documents', () => {
  it('the principal sets what documents print, and the plan offers Biểu 2 and the evidence list', async () => {
    const { page } = await app.loginAs('hieutruong')

    // The export menu offers the plan's official documents as plain downloads.
    await page.getByRole('button', { name: 'Xuất', exact: true }).click()
    const bieu2 = page.getByRole('menuitem', { name: 'Biểu 2 (.docx)' })
    await bieu2.waitFor()
    const bieu2Href = (await bieu2.getAttribute('href'))!
    expect(bieu2Href).toMatch(/\/api\/plans\/[^/]+\/export\/bieu-2\.docx$/)
    const list = page.getByRole('menuitem', { name: 'Danh mục minh chứng (.xlsx)' })
    expect(await list.getAttribute('href')).toMatch(/\/export\/evidence-list\?format=xlsx$/)
    await page.screenshot({ path: screenshotPath('documents-export-menu-desktop.png') })
    const [download] = await Promise.all([page.waitForEvent('download'), bieu2.click()])
    expect(download.suggestedFilename()).toMatch(/^Biểu 2 – .+\.docx$/)

    // The people page holds the school's document settings.
    await page.goto('/people')
    const section = page.getByTestId('document-settings')
    await section.getByLabel('Cơ quan chủ quản').waitFor()
    await section.getByLabel('Cơ quan chủ quản').fill('UBND phường Hòa Bình')
    await section.getByLabel('Địa danh (trước ngày tháng)').fill('Hòa Bình')
    await section.getByLabel('Ký hiệu trong số văn bản').fill('THCS HB')
    await section.getByRole('button', { name: 'Lưu thông tin văn bản' }).click()
    await section.getByText('Kiểm tra lại ô “Ký hiệu trong số văn bản”.').waitFor()
    await section.getByLabel('Ký hiệu trong số văn bản').fill('THCSHB')
    await section.getByLabel('Kính gửi (cơ quan quản lý)').fill('Phòng Văn hóa - Xã hội')
    await section.getByRole('button', { name: 'Lưu thông tin văn bản' }).click()
    await section.getByText('Đã lưu.').waitFor()
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('documents-settings-desktop.png') })

    const settings = (await (
      await page.request.get(
        `/api/schools/${await page.evaluate(async () => {
          const me = (await (await fetch('/api/session/me')).json()) as {
            memberships: { schoolId: string }[]
          }
          return me.memberships[0]!.schoolId
        })}/document-settings`,
      )
    ).json()) as { settings: Record<string, string | null> }
    expect(settings.settings).toMatchObject({
      issuingBody: 'UBND phường Hòa Bình',
      placeName: 'Hòa Bình',
      documentSymbol: 'THCSHB',
      overseerName: 'Phòng Văn hóa - Xã hội',
    })

    // The dashboard's print view draws the report in the same layout, with these settings.
    const planId = /\/api\/plans\/([^/]+)\//.exec(bieu2Href)![1]!
    await page.goto(`/plans/${planId}/progress`)
    await page.evaluate(() => {
      window.print = () => undefined
    })
    await page.getByRole('button', { name: 'Bản in' }).click()
    const sheet = page.getByTestId('print-report')
    await sheet.waitFor()
    const printed = (await sheet.textContent()) ?? ''
    expect(printed).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(printed).toContain('Số:      /BC-THCSHB')
    expect(printed).toContain('Hòa Bình, ngày')
    expect(printed).toContain('Kính gửi: Phòng Văn hóa - Xã hội')
    expect(printed).toContain('Nơi nhận:')
    await page.screenshot({ path: screenshotPath('documents-print-view-desktop.png') })

    const phone = await app.loginAs('hieutruong', PHONE)
    await phone.page.getByRole('button', { name: 'Xuất', exact: true }).click()
    await phone.page.getByRole('menuitem', { name: 'Danh mục minh chứng (.docx)' }).waitFor()
    await phone.page.screenshot({ path: screenshotPath('documents-export-menu-phone.png') })
    await phone.page.goto('/people')
    const phoneSection = phone.page.getByTestId('document-settings')
    await phoneSection.getByLabel('Cơ quan chủ quản').waitFor()
    await phoneSection.scrollIntoViewIfNeeded()
    await phone.page.screenshot({ path: screenshotPath('documents-settings-phone.png') })
  })
})
