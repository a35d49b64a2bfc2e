import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, switchLanguage, type Team } from './team.ts'

// The theme page in both languages at projector size: the reader's language first with the
// other one a click away, markers when one is missing or older, the whole thesis with a
// visible "show all", and a second source's estimate standing next to Epoch AI's.

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

const thesis = (page: Page) => page.locator('section.thesis')
const shownThesis = (page: Page) => thesis(page).locator('.bilingual-shown').first()

describe('theme texts in two languages, estimates by source', () => {
  it('shows the reader their language, the other a click away, and each source on its own', async () => {
    const { context, page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.goto(`${team.app.url}/themes/multimodal-ai`)
    await page.locator('#thesis-heading').waitFor()

    // The whole thesis: the last paragraph is behind a visible "show all", not in a scroll box.
    const last = shownThesis(page).getByText('A constraint to watch is training data', { exact: false })
    expect(await last.isVisible()).toBe(false)
    const showAll = shownThesis(page).locator('.thesis-fold > summary')
    expect(await showAll.textContent()).toMatch(/^Show all \(\d+ more paragraphs?\)/)
    await showAll.click()
    await expect.poll(() => last.isVisible()).toBe(true)
    // The Chinese version is one click away.
    await thesis(page).locator('.other-language > summary', { hasText: '中文' }).first().click()
    await expect.poll(() => thesis(page).locator('.bilingual-other').first().textContent()).toContain('高质量文本数据将在几年内耗尽')

    // An English-only change leaves the Chinese version older, and the page says so.
    await page.getByText('Edit thesis').click()
    const english = page.getByLabel('Thesis in English (Markdown)')
    await english.fill((await english.inputValue()).replace('Progress is uneven across modalities.', 'Progress is very uneven.'))
    await page.getByRole('button', { name: 'Save thesis' }).click()
    await expect.poll(() => thesis(page).locator('.language-marker').first().textContent()).toMatch(/^The Chinese version is older/)

    // A risk written in English only is marked as having no Chinese version.
    await page.getByText('+ Add a risk').click()
    await page.locator('.add-form').first().getByLabel('Text (English)').fill('Humanoid hands stay expensive.')
    await page.locator('.add-form').first().getByRole('button', { name: 'Add' }).click()
    const risk = page.locator('.point-list.risk li', { hasText: 'Humanoid hands stay expensive.' })
    await expect.poll(() => risk.locator('.language-marker').textContent()).toBe('No Chinese version yet')

    // A broker's estimate stands next to Epoch AI's: both current, neither a revision of the other.
    await page.getByText('+ Estimate').click()
    const add = page.locator('details[open]', { has: page.locator('#add-estimate-source') })
    await add.getByLabel('Data stock').selectOption({ label: 'Low-quality language data' })
    await add.getByLabel('Source').fill('Broker X')
    await add.getByLabel('Estimated on').fill('2024-03-01')
    await add.getByLabel('Exhausted from (year)').fill('2026')
    await add.getByLabel('Exhausted by (year)').fill('2028')
    await add.getByRole('button', { name: 'Add' }).click()
    const current = page.locator('table.current-estimates')
    await expect.poll(() => current.locator('tr', { hasText: 'Broker X' }).count()).toBe(1)
    expect(await current.locator('tr', { hasText: 'Epoch AI' }).count()).toBe(3)
    await expect.poll(() => page.locator('.chart-canvas svg').textContent()).toContain('2026–2028 · Broker X')
    expect(await page.locator('.chart-canvas svg').textContent()).toContain('2030–2050 · Epoch AI')
    const group = page.locator('.revisions-table tbody', { hasText: 'Low-quality language data' })
    expect(await group.locator('.shift').count()).toBe(0)
    expect(await group.locator('.badge.current').count()).toBe(2)

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: artifact('theme-languages-en.png') })
    await page.addStyleTag({ content: '.app-header { position: static !important; }' })
    await page.locator('section[aria-labelledby="data-heading"]').screenshot({ path: artifact('theme-estimates-by-source-en.png') })

    // In Chinese: the Chinese thesis first, marked as older, the English one a click away.
    await switchLanguage(page)
    await expect.poll(() => page.locator('#data-heading').textContent()).toBe('数据枯竭')
    expect(await shownThesis(page).textContent()).toContain('大语言模型证明了规模')
    expect(await thesis(page).locator('.language-marker').first().textContent()).toMatch(/^中文版本比英文版本旧/)
    expect(await thesis(page).locator('.other-language > summary').first().textContent()).toBe('English')
    await expect.poll(() => risk.locator('.language-marker').textContent()).toBe('暂无中文版本：显示英文原文')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: artifact('theme-languages-zh.png') })
    await page.locator('section[aria-labelledby="data-heading"]').screenshot({ path: artifact('theme-estimates-by-source-zh.png') })
    await page.screenshot({ path: artifact('theme-languages-full-zh.png'), fullPage: true })
    // The thesis as an earlier week ended, read-only: before the theme existed it says so.
    await page.getByLabel('查看某一周的投资逻辑').fill('2020-W01')
    await page.locator('form.thesis-as-of button').click()
    await expect.poll(() => thesis(page).locator('.notice').textContent()).toContain('2020-W01 结束时该主题尚未创建')
    expect(await page.getByText('编辑投资逻辑').count()).toBe(0)
    await thesis(page).getByRole('link', { name: '返回当前版本' }).click()
    await expect.poll(() => thesis(page).locator('.notice').count()).toBe(0)
    // The language stays with the account: back to English for the tests after this one.
    await switchLanguage(page)
    await expect.poll(() => page.locator('#data-heading').textContent()).toBe('Data exhaustion')
    await context.close()
  })

  it('logged no hydration errors or script errors', () => {
    expect(team.problems).toEqual([])
  })
})
