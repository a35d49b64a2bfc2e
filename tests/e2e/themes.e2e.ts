import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, type Team } from './team.ts'

// An analyst edits the multimodal-AI theme in the browser: thesis with preview, an
// estimate revision on the data-exhaustion chart, a refused empty risk, then the history
// tab's diff; in English and Chinese at projector size. A viewer sees it all and edits nothing.

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

// The sticky header would sit over element screenshots taken further down the page.
const unstickHeader = (page: Page) => page.addStyleTag({ content: '.app-header { position: static !important; }' })

describe('themes in the browser', () => {
  it('an analyst edits the thesis, revises an estimate and reads the history, in English and Chinese', async () => {
    const { context, page } = await team.join(team.analystLink, 'Ana Analyst')
    await expect.poll(() => page.getByRole('link', { name: 'New theme' }).count()).toBe(1)
    await page.getByRole('link', { name: 'Multimodal AI' }).click()
    await page.waitForURL(/\/themes\/multimodal-ai$/)
    await page.locator('#thesis-heading').waitFor()
    // The Chinese version (behind its toggle) renders without stray spaces between characters.
    expect(await page.locator('.thesis .bilingual-other').first().textContent()).toContain('高质量文本数据将在几年内耗尽')

    // Thesis: edit, preview, save. Markup typed into it stays text.
    await page.getByText('Edit thesis').click()
    const textarea = page.getByLabel('Thesis in English (Markdown)')
    const original = await textarea.inputValue()
    const edited = original.replace(
      'Progress is uneven across modalities.',
      'Progress is **very** uneven across modalities. <img src=x onerror="window.__xss=1">',
    )
    await textarea.fill(edited)
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.locator('.thesis-preview strong').first().textContent()).toBe('very')
    await page.getByRole('button', { name: 'Save thesis' }).click()
    await expect.poll(() => page.locator('.thesis .bilingual-shown .prose strong').first().textContent()).toBe('very')
    expect(await page.locator('.thesis .bilingual-shown').first().textContent()).toContain('<img src=x onerror="window.__xss=1">')
    expect(await page.locator('.thesis img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()

    // A risk with no text is refused next to the field.
    await page.getByText('+ Add a risk').click()
    await page.locator('.add-form').first().getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => page.locator('.add-form .field-error').first().textContent()).toBe('Write the text in at least one language.')
    await page.getByText('+ Add a risk').click()

    // Estimate revision: a new estimate with a later date becomes the current one on the chart.
    const row = page.locator('table.current-estimates tr', { hasText: 'High-quality language data' })
    await row.getByText('Revise').click()
    await row.getByLabel('Estimated on').fill('2024-06-06')
    await row.getByLabel('Exhausted from (year)').fill('2026')
    await row.getByLabel('Exhausted by (year)').fill('2032')
    await row.getByRole('button', { name: 'Save as new estimate' }).click()
    await expect.poll(() => page.locator('.chart-canvas svg').textContent()).toContain('2026–2032')
    await expect.poll(() => page.locator('.revisions-table tbody', { hasText: 'High-quality language data' }).locator('tr').count()).toBe(2)
    await page.locator('#thesis-heading').scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: artifact('themes-page-en.png') })
    await unstickHeader(page)
    await page.locator('section[aria-labelledby="data-heading"]').screenshot({ path: artifact('themes-data-exhaustion-en.png') })
    await page.locator('section[aria-labelledby="apps-heading"]').screenshot({ path: artifact('themes-applications-en.png') })
    await page.screenshot({ path: artifact('themes-full-en.png'), fullPage: true })

    // History: who, what, and the words that changed, as inert text.
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.waitForURL(/\/history$/)
    const entry = page.locator('.history-entry', { hasText: 'Edited the thesis' }).first()
    await entry.waitFor()
    expect(await entry.textContent()).toContain('Ana Analyst')
    expect(await entry.locator('ins').allTextContents()).toContain('**very** ')
    expect(await page.locator('.history-entry', { hasText: 'Added a data-exhaustion estimate' }).count()).toBe(1)
    expect(await page.locator('.history-entry img').count()).toBe(0)
    await page.screenshot({ path: artifact('themes-history-en.png') })

    // The same in Chinese.
    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.getByRole('link', { name: '修改记录' }).count()).toBe(1)
    await expect.poll(() => page.locator('.history-entry').first().textContent()).toMatch(/修改了投资逻辑|添加了数据枯竭估计/)
    await page.screenshot({ path: artifact('themes-history-zh.png') })
    await page.getByRole('link', { name: '概览' }).click()
    await page.waitForURL(/\/themes\/multimodal-ai$/)
    await expect.poll(() => page.locator('#data-heading').textContent()).toBe('数据枯竭')
    await page.screenshot({ path: artifact('themes-page-zh.png') })
    await unstickHeader(page)
    await page.locator('section[aria-labelledby="data-heading"]').screenshot({ path: artifact('themes-data-exhaustion-zh.png') })
    // An edit form open, as analysts see it.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.getByText('编辑基本信息').click()
    await page.screenshot({ path: artifact('themes-edit-details-zh.png') })
    await page.goto(`${team.app.url}/themes/new`)
    await page.getByLabel('英文名称').fill('AI Agents & Tools')
    expect(await page.getByLabel('网址标识（slug）').inputValue()).toBe('ai-agents-tools')
    await page.getByRole('button', { name: '创建主题' }).click()
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('必填。')
    await page.screenshot({ path: artifact('themes-new-zh.png') })
    await page.getByLabel('中文名称').fill('AI 智能体')
    // A new theme can start with its thesis in both languages; a Chinese reader sees the Chinese one.
    await page.getByLabel('英文投资逻辑（Markdown）').fill('Agents will change how software is delivered.')
    await page.getByLabel('中文投资逻辑（Markdown）').fill('智能体将改变软件的交付方式。')
    await page.getByRole('button', { name: '创建主题' }).click()
    await page.waitForURL(/\/themes\/ai-agents-tools$/)
    await expect.poll(() => page.getByText('智能体将改变软件的交付方式。').filter({ visible: true }).count()).toBe(1)
    await page.getByRole('button', { name: '归档' }).click()
    await expect.poll(() => page.locator('.warn-notice').count()).toBe(1)
    await page.goto(team.app.url)
    await expect.poll(() => page.locator('#archived-heading').textContent()).toBe('已归档主题（1）')
    await page.screenshot({ path: artifact('themes-home-zh.png') })
    await context.close()
  })

  it('without JavaScript the inline forms still work as plain posts, errors next to the field', async () => {
    const { context, page } = await team.newPage('en-US', { javaScriptEnabled: false })
    await page.goto(`${team.app.url}/login`)
    await page.getByLabel('Email').fill('analyst@example.com')
    await page.getByLabel('Password').fill('a long enough password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${team.app.url}/`)
    // The analyst chose Chinese in the first test; the choice stays with the account.
    await page.goto(`${team.app.url}/themes/multimodal-ai`)
    await page.getByText('+ 添加催化剂').click()
    const form = page.locator('.add-form', { hasText: '添加催化剂' })
    await form.getByRole('button', { name: '添加', exact: true }).click()
    await page.waitForLoadState()
    expect(await page.locator('.add-form[open] .field-error').first().textContent()).toBe('请至少用一种语言填写内容。')
    await page.locator('.add-form[open]').getByLabel('内容（英文）').fill('Domestic video models open to the public.')
    await page.locator('.add-form[open]').getByRole('button', { name: '添加', exact: true }).click()
    await page.waitForLoadState()
    expect(await page.locator('.point-list.catalyst li').last().textContent()).toContain('Domestic video models open to the public.')
    await context.close()
  })

  it('a viewer sees the theme without edit controls, and the server refuses an edit', async () => {
    const { context, page } = await team.join(team.viewerLink, 'Vic Viewer')
    expect(await page.getByRole('link', { name: 'New theme' }).count()).toBe(0)
    await page.goto(`${team.app.url}/themes/multimodal-ai`)
    await page.locator('#vendors-heading').waitFor()
    expect(await page.getByText('Edit thesis').count()).toBe(0)
    expect(await page.locator('details.inline-edit').count()).toBe(0)
    expect(await page.locator('.chart-canvas svg').count()).toBe(1)
    const response = await page.request.post(`${team.app.url}/themes/multimodal-ai`, { form: { intent: 'archive', formKey: 'archive' } })
    expect(response.status()).toBe(403)
    await page.screenshot({ path: artifact('themes-viewer-en.png') })
    await context.close()
  })

  it('logged no hydration errors or script errors', () => {
    expect(team.problems).toEqual([])
  })
})
