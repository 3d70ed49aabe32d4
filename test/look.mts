import { chromium } from 'playwright-core'
const base = process.argv[2] ?? 'http://localhost:3401'
const login = process.argv[3] ?? 'hieutruong'
const out = process.argv[4] ?? '/tmp/shots/x'
const width = Number(process.argv[5] ?? 1440)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run'] })
const ctx = await browser.newContext({ baseURL: base, viewport: { width, height: 900 }, locale: 'vi-VN' })
const page = await ctx.newPage()
await page.goto('/')
await page.screenshot({ path: out + '-login.png' })
await page.getByLabel(/Tên đăng nhập/i).fill(login)
await page.getByLabel(/Mật khẩu/i).fill('caitien123')
await page.keyboard.press('Enter')
await page.waitForTimeout(2500)
await page.screenshot({ path: out + '-board.png' })
await browser.close()
