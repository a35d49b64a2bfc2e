import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningApp, startApp } from './app-server.ts'
import { artifact, launchBrowser } from './browser.ts'

// An analyst scores with the keyboard: arrows to a cell, a digit picks the level (saved at
// once, no reload), a changed level asks for a reason, Enter saves it. The consensus chart,
// the heatmap and "what moved" then show it, in English and Chinese, at projector size.
// The same save also works as a plain form post without JavaScript.

let app: RunningApp
let browser: Browser
const viewport = { width: 1280, height: 720 }
const admin = { name: 'Lin Wei', email: 'lead@example.com', password: 'correct horse battery' }
const SLUG = 'multimodal-ai'
const problems: string[] = []

// Hydration mismatches (React 418/423/425) and any script error fail the test.
function watch(page: Page) {
  page.on('console', (msg) => {
    // A missing favicon is not ours to fail on.
    if (msg.text().startsWith('Failed to load resource')) return
    if (msg.type() === 'error' || /hydrat|did not match/i.test(msg.text())) problems.push(`${page.url()} console: ${msg.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${page.url()} pageerror: ${error.message}`))
}

async function newPage(locale: string, options: { javaScriptEnabled?: boolean; storageState?: Awaited<ReturnType<BrowserContext['storageState']>> } = {}) {
  const context = await browser.newContext({ viewport, locale, ...options })
  const page = await context.newPage()
  watch(page)
  return { context, page }
}

let analyst: { context: BrowserContext; page: Page }

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  const lead = await newPage('en-US')
  await lead.page.goto(`${app.url}/setup`)
  await lead.page.getByLabel('Name').fill(admin.name)
  await lead.page.getByLabel('Email').fill(admin.email)
  await lead.page.getByLabel('Password').fill(admin.password)
  await lead.page.getByRole('button', { name: 'Create administrator' }).click()
  await lead.page.waitForURL(`${app.url}/`)
  await lead.page.goto(`${app.url}/admin/users`)
  await lead.page.getByLabel('Email', { exact: true }).fill('ana@example.com')
  await lead.page.getByLabel('Role', { exact: true }).selectOption('analyst')
  await lead.page.getByRole('button', { name: 'Create invitation link' }).click()
  const link = await lead.page.locator('input.copy-field').inputValue()
  await lead.context.close()
  analyst = await newPage('en-US')
  await analyst.page.goto(link)
  await analyst.page.getByLabel('Name').fill('Ana Analyst')
  await analyst.page.getByLabel('Password').fill('a long enough password')
  await analyst.page.getByRole('button', { name: 'Create my account' }).click()
  await analyst.page.waitForURL(`${app.url}/`)
})
afterAll(async () => {
  await analyst?.context.close()
  await browser?.close()
  await app?.stop()
})

const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`)

describe('scoring in the browser', () => {
  it('scores cells with the keyboard and saves without reloading the page', async () => {
    const { page } = analyst
    await page.goto(`${app.url}/themes/${SLUG}/scores`)
    // A marker on window survives client-side saves but not a full reload.
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true))
    await cell(page, 'text.technology').click()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('video.technology')
    // A first score needs no reason: the digit saves it at once.
    await page.keyboard.press('3')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-level').textContent()).toBe('3')
    await expect.poll(() => page.locator('.save-row [role=status]').textContent()).toContain('Saved')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-meta').textContent()).toContain('team 3')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('2')
    await expect.poll(() => cell(page, 'video.data').locator('.cell-level').textContent()).toBe('2')

    // Changing a score needs a one-line reason: the digit opens the reason, Enter saves.
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('4')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('score-reason')
    expect(await page.getByText('required: the level changes from 3').count()).toBe(1)
    await page.keyboard.type('Sora shows DiT scales to video')
    await page.keyboard.press('Enter')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-level').textContent()).toBe('4')
    await expect.poll(() => page.locator('#score-reason').inputValue()).toBe('Sora shows DiT scales to video')
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true)
    expect(new URL(page.url()).pathname).toBe(`/themes/${SLUG}/scores`)
    await expect.poll(() => page.locator('.save-row [role=status]').textContent()).toContain('Saved')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: artifact('scoring-grid-en.png') })
  })

  it('shows the score in the consensus chart, the heatmap and what moved', async () => {
    const { page } = analyst
    await page.goto(`${app.url}/themes/${SLUG}/consensus?m=video&d=technology&range=12`)
    // The chart's table alternative lists this week's median.
    const week = await page.locator('.week-chip').textContent()
    const row = page.locator('.chart-table tbody tr', { hasText: week ?? '' })
    expect(await row.locator('td').nth(1).textContent()).toBe('4')
    expect(await page.locator('#consensus-history-chart .recharts-line-dots circle').count()).toBeGreaterThan(0)
    expect(await page.locator('#maturity-heatmap [data-cell="video.technology"] .heat-value').textContent()).toBe('4')
    await page.screenshot({ path: artifact('scoring-consensus-en.png') })
    await page.goto(`${app.url}/themes/${SLUG}/moved`)
    expect(await page.locator('.moves-table').getByText('Sora shows DiT scales to video').count()).toBe(1)
    await page.screenshot({ path: artifact('scoring-moved-en.png') })
  })

  it('reads the same in Chinese', async () => {
    const { page } = analyst
    await page.goto(`${app.url}/themes/${SLUG}/scores`)
    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toContain('成熟度评分')
    await cell(page, 'video.technology').click()
    await page.screenshot({ path: artifact('scoring-grid-zh.png') })
    await page.goto(`${app.url}/themes/${SLUG}/consensus?m=video&m=text&m=image&d=technology&range=12`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('共识与历史')
    await page.screenshot({ path: artifact('scoring-consensus-zh.png') })
    await page.goto(`${app.url}/themes/${SLUG}/moved`)
    await page.screenshot({ path: artifact('scoring-moved-zh.png') })
    await page.getByRole('button', { name: '语言' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toContain('What moved')
  })

  it('saves with a plain form post when JavaScript is off', async () => {
    const { page } = await newPage('en-US', { javaScriptEnabled: false, storageState: await analyst.context.storageState() })
    await page.goto(`${app.url}/themes/${SLUG}/scores?cell=image.data`)
    await page.getByLabel('2 · Breakthrough').check()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForLoadState('load')
    expect(await cell(page, 'image.data').locator('.cell-level').textContent()).toBe('2')
    await page.context().close()
  })

  it('lets an admin manage rubrics', async () => {
    const { page, context } = await newPage('en-US')
    await page.goto(`${app.url}/login`)
    await page.getByLabel('Email').fill(admin.email)
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${app.url}/`)
    await page.goto(`${app.url}/admin/rubrics`)
    expect(await page.getByRole('link', { name: 'NASA Technology Readiness Levels' }).count()).toBe(1)
    await page.screenshot({ path: artifact('scoring-admin-en.png') })
    await context.close()
  })

  it('had no hydration or script errors', () => {
    expect(problems).toEqual([])
  })
})
