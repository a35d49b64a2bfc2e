import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, switchLanguage, type Team } from './team.ts'

// The company universe import in the browser, in English and Chinese: the preview shows
// what would be created before anything changes, the import then says what it did; and a
// company page lists the companies mentioned with it.

let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /status of 4\d\d/ })
})
afterAll(async () => {
  await team?.close()
})

const fixture = (name: string) => path.resolve('tests/fixtures/universe', name)

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: artifact(name), fullPage: true })
  mkdirSync('/tmp/shots-G', { recursive: true })
  copyFileSync(artifact(name), path.join('/tmp/shots-G', name))
}

describe('importing a company universe', () => {
  it('previews and imports an export, in English and Chinese, and shows co-mentions on a company page', async () => {
    const { page } = await team.join(team.analystLink, 'Chen Analyst')
    // A note naming 昆仑万维 with three other demo companies, for the co-mentions below.
    await page.goto(`${team.app.url}/documents`)
    await page.getByLabel('Title', { exact: true }).fill('Video generation roundup')
    await page.getByLabel('Text', { exact: true }).fill('昆仑万维、科大讯飞和美图都在做视频生成；商汤和科大讯飞也发布了新模型。')
    await page.getByRole('button', { name: 'Add and find mentions' }).click()
    await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain('Video generation roundup')
    await page.goto(`${team.app.url}/companies`)
    await page.getByRole('link', { name: 'Import a universe' }).click()
    await page.waitForURL(/\/companies\/import$/)
    await page.waitForLoadState('networkidle')

    expect(await page.locator('label').allTextContents()).toContain('File (XLSX, CSV or JSON, up to 20 MB)')
    await page.locator('input[name="file"]').setInputFiles(fixture('wind-export.xlsx'))
    await page.getByRole('button', { name: 'Preview' }).click()
    const plan = page.getByTestId('universe-plan')
    await expect.poll(() => plan.locator('h2').textContent()).toBe('Preview: nothing has been changed yet')
    expect(await plan.textContent()).toContain('Read as: Wind export')
    // 中国平安's A and H shares are one new company with two tickers.
    expect(await plan.locator('tr', { hasText: '601318.SH' }).textContent()).toContain('2318.HK')
    await shoot(page, 'universe-preview-en.png')

    await switchLanguage(page)
    await page.locator('input[name="file"]').setInputFiles(fixture('old-excel.xls'))
    await page.getByRole('button', { name: '预览' }).click()
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('另存为 .xlsx')
    await page.locator('input[name="file"]').setInputFiles(fixture('szse-a-list.xlsx'))
    await page.getByRole('button', { name: '预览' }).click()
    await expect.poll(() => page.getByTestId('universe-plan').locator('h2').textContent()).toBe('预览：尚未做任何更改')
    await shoot(page, 'universe-preview-zh.png')
    await page.locator('input[name="file"]').setInputFiles(fixture('szse-a-list.xlsx'))
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await expect.poll(() => page.getByTestId('universe-plan').locator('h2').textContent()).toBe('已导入')

    // The demo reports mention 昆仑万维 with other companies: its page lists them.
    await page.goto(`${team.app.url}/companies`)
    await page
      .getByRole('link', { name: /昆仑万维/ })
      .first()
      .click()
    await page.waitForURL(/\/companies\/\d+$/)
    const co = page.getByTestId('co-mentions')
    await expect.poll(() => co.locator('h2').textContent()).toBe('共同提及')
    expect(await co.locator('table').first().textContent()).toContain('科大讯飞')
    await co.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('comentions-zh.png') })
    copyFileSync(artifact('comentions-zh.png'), '/tmp/shots-G/comentions-zh.png')
    await switchLanguage(page)
    await expect.poll(() => page.getByTestId('co-mentions').locator('h2').textContent()).toBe('Mentioned together')
    await page.getByTestId('co-mentions').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('comentions-en.png') })
    copyFileSync(artifact('comentions-en.png'), '/tmp/shots-G/comentions-en.png')
    expect(team.problems).toEqual([])
  })
})
