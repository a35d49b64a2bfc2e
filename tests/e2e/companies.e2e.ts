import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ANALYST_EMAIL, MEMBER_PASSWORD, setUpTeam, switchLanguage, type Team } from './team.ts'

// Refused forms answer 4xx on purpose; chromium logs those too. Any other console error
// (hydration mismatches, failed requests) fails the test.
let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /status of 4\d\d/ })
})
afterAll(async () => {
  await team?.close()
})

// A full-page shot taken while scrolled paints the sticky header mid-page.
async function shoot(page: Page, name: string, fullPage = false) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: artifact(name), fullPage })
}

describe('company registry and search in the browser', () => {
  let companyPath = ''

  it('an analyst creates a company, adds an alias, is refused a duplicate, and finds it by full-width text', async () => {
    const { context, page } = await team.join(team.analystLink, 'Chen Analyst')

    await page.goto(`${team.app.url}/companies`)
    // The filters are client-side: wait for hydration before using them.
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Region').selectOption('overseas')
    // The demo registry grows; the filter must leave some of it out, and only overseas rows.
    await expect.poll(() => page.locator('.filter-count').textContent()).toMatch(/^Showing \d+ of \d+/)
    const [shown, total] = ((await page.locator('.filter-count').textContent()) ?? '').match(/\d+/g)!.map(Number)
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(total)
    await shoot(page, 'companies-list-en.png')
    await page.getByRole('link', { name: 'New company' }).click()
    await page.waitForURL(/\/companies\/new$/)

    await page.getByLabel('English name').fill('Lumen Vision')
    await page.getByLabel('Chinese name').fill('流明视觉')
    await page.getByLabel('Vendor type').selectOption('application_company')
    await page.getByLabel('Tickers').fill('688999.SS, XYZ123')
    await page.getByLabel('Other aliases').fill('Lumen\n流明')
    await page.getByLabel('Image').check()
    await page.getByRole('button', { name: 'Create company' }).click()
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('"XYZ123" is not a ticker we recognise')
    // What was typed survives the refusal.
    expect(await page.getByLabel('Chinese name').inputValue()).toBe('流明视觉')
    await shoot(page, 'companies-new-error-en.png', true)
    await page.getByLabel('Tickers').fill('688999.SS')
    await page.getByRole('button', { name: 'Create company' }).click()
    await page.waitForURL(/\/companies\/\d+$/)
    const companyUrl = page.url()
    await expect.poll(() => page.locator('h1').textContent()).toContain('Lumen Vision')
    expect(await page.locator('.page-header .ticker').first().textContent()).toBe('688999.SH')

    // Add an alias inline; it shows up as its own editable row.
    await page.getByRole('textbox', { name: 'New alias' }).fill('LumenGen')
    await page.locator('.alias-row-wrap.is-new select[name="kind"]').selectOption('product')
    await page.getByRole('button', { name: 'Add alias' }).click()
    await expect
      .poll(() =>
        page.locator('.alias-row-wrap:not(.is-new) input[name="text"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      )
      .toContain('LumenGen')

    // A duplicate is refused, naming the company that has it.
    await page.getByRole('textbox', { name: 'New alias' }).fill('chatgpt')
    await page.getByRole('button', { name: 'Add alias' }).click()
    await expect
      .poll(() => page.locator('.alias-row-wrap.is-new .field-error').textContent())
      .toBe('"chatgpt" is already an alias of OpenAI.')
    await shoot(page, 'companies-page-en.png', true)

    // The header search finds it by full-width text.
    await page.locator('#header-search').fill('ＬＵＭＥＮ ＶＩＳＩＯＮ')
    await page.locator('#header-search').press('Enter')
    await page.waitForURL(/\/search\?q=/)
    await expect.poll(() => page.locator('.result-list a').first().textContent()).toBe('Lumen Vision')
    await shoot(page, 'companies-search-en.png')
    await page.goto(`${team.app.url}/search?q=${encodeURIComponent('多模态')}`)
    await expect.poll(() => page.locator('#search-themes + ul a').first().textContent()).toBe('Multimodal AI')

    // The same pages in Chinese.
    await switchLanguage(page)
    await page.goto(`${team.app.url}/search?q=${encodeURIComponent('Ｏｐｅｎ ＡＩ')}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('“Ｏｐｅｎ ＡＩ”的搜索结果')
    expect(await page.locator('.result-list a').first().textContent()).toBe('OpenAI')
    await shoot(page, 'companies-search-zh.png')
    await page.goto(companyUrl)
    await page.getByRole('textbox', { name: '新别名' }).fill('腾讯')
    await page.getByRole('button', { name: '添加别名' }).click()
    await expect.poll(() => page.locator('.alias-row-wrap.is-new .field-error').textContent()).toBe('“腾讯”已是腾讯的别名。')
    await shoot(page, 'companies-page-zh.png', true)
    await page.locator('details.profile-editor summary').click()
    await shoot(page, 'companies-profile-zh.png', true)
    await page.goto(`${team.app.url}/companies`)
    await shoot(page, 'companies-list-zh.png')
    await page.goto(`${team.app.url}/companies/new`)
    await page.getByRole('button', { name: '创建公司' }).click()
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('必填。')
    await shoot(page, 'companies-new-zh.png', true)
    companyPath = new URL(companyUrl).pathname
    expect(team.problems).toEqual([])
    await context.close()
  })

  it('the inline forms work as plain posts without JavaScript', async () => {
    const { context, page } = await team.newPage('en-US', { javaScriptEnabled: false })
    await page.goto(`${team.app.url}/login`)
    await page.getByLabel('Email').fill(ANALYST_EMAIL)
    await page.getByLabel('Password').fill(MEMBER_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${team.app.url}/`)
    // Signed in, the page speaks Chinese: the language switch was saved on the account.
    await page.goto(`${team.app.url}${companyPath}`)
    await page.getByRole('textbox', { name: '新别名' }).fill('Ｔｅｎｃｅｎｔ')
    await page.getByRole('button', { name: '添加别名' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.alias-row-wrap.is-new .field-error').textContent()).toBe('“Ｔｅｎｃｅｎｔ”已是腾讯的别名。')
    await page.getByRole('textbox', { name: '新别名' }).fill('Lumen Studio')
    await page.getByRole('button', { name: '添加别名' }).click()
    await page.waitForLoadState()
    expect(
      await page
        .locator('.alias-row-wrap:not(.is-new) input[name="text"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toContain('Lumen Studio')
    await context.close()
  })
})
