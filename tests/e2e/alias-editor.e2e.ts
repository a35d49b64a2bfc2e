import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ANALYST_EMAIL, MEMBER_PASSWORD, setUpTeam, switchLanguage, type Team } from './team.ts'

// The alias editor says why an alias counts only with company context (also an ordinary
// word), keeps its negative words, and says counts are being updated with a link to the
// job; the theme page's topic words likewise. Shots in both languages at 1280x720.
let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /status of 4\d\d/ })
})
afterAll(async () => {
  await team?.close()
})

async function shoot(page: Page, name: string, target?: Locator) {
  await page.evaluate(() => window.scrollTo(0, 0))
  if (target) await target.scrollIntoViewIfNeeded()
  await page.screenshot({ path: artifact(name) })
}

const aliasRow = (page: Page, text: string) => page.locator('.alias-row-wrap', { has: page.locator(`input[name="text"][value="${text}"]`) })

describe('alias editor and topic words in the browser', () => {
  let companyUrl = ''

  it('shows why an ordinary-word alias is ambiguous, adds one with its reason, and saves its negative words', async () => {
    const { context, page } = await team.join(team.analystLink, 'Chen Analyst')
    await page.goto(`${team.app.url}/companies`)
    await page.getByRole('link', { name: 'Apple', exact: true }).click()
    await page.waitForURL(/\/companies\/\d+$/)
    await page.waitForLoadState('networkidle')
    companyUrl = page.url()

    // The demo alias 苹果 is ambiguous because it is an ordinary Chinese word, and never counts near fruit words.
    const zhRow = aliasRow(page, '苹果')
    await expect
      .poll(() => zhRow.locator('.alias-reason').textContent())
      .toContain('Also an ordinary Chinese word: counts only with company context.')
    expect(await zhRow.locator('input[name="negativeContext"]').inputValue()).toContain('水果')

    // A new alias that is an English word is added as ambiguous, whatever the box said.
    await page.getByRole('textbox', { name: 'New alias' }).fill('Macintosh')
    await page.locator('.alias-row-wrap.is-new select[name="kind"]').selectOption('product')
    await page.getByRole('button', { name: 'Add alias' }).click()
    await expect
      .poll(() => page.locator('.alias-row-wrap.is-new .alias-notice').textContent())
      .toContain('Added as ambiguous: it is also an ordinary word. Mention counts for this company are being updated.')
    const jobLink = page.locator('.alias-row-wrap.is-new .alias-notice a')
    expect(await jobLink.textContent()).toBe('Follow the update')
    expect(await jobLink.getAttribute('href')).toMatch(/^\/jobs\/\d+$/)
    const row = aliasRow(page, 'Macintosh')
    await expect
      .poll(() => row.locator('.alias-reason').textContent())
      .toContain('Also an ordinary English word: counts only with company context.')
    expect(await row.locator('input[name="ambiguous"]').isChecked()).toBe(true)

    // Negative words: typed with mixed separators and a repeat, saved clean.
    await row.locator('input[name="negativeContext"]').fill('raincoat， Raincoat、 apple variety')
    await row.getByRole('button', { name: 'Save alias Macintosh' }).click()
    await expect
      .poll(() => row.locator('.alias-notice').textContent())
      .toContain('Saved. Mention counts for this company are being updated.')
    await shoot(page, 'alias-editor-en.png', row)

    // Too many words are refused next to the row.
    await row.locator('input[name="negativeContext"]').fill(Array.from({ length: 21 }, (_, i) => `w${i}`).join(', '))
    await row.getByRole('button', { name: 'Save alias Macintosh' }).click()
    await expect.poll(() => row.locator('.field-error').textContent()).toBe('At most 20 words.')

    await page.reload()
    await page.waitForLoadState('networkidle')
    expect(await aliasRow(page, 'Macintosh').locator('input[name="negativeContext"]').inputValue()).toBe('raincoat, apple variety')

    await switchLanguage(page)
    await expect
      .poll(() => aliasRow(page, 'Macintosh').locator('.alias-reason').textContent())
      .toContain('也是一个普通英文单词：只有附近有公司语境时才计入。')
    await shoot(page, 'alias-editor-zh.png', aliasRow(page, 'Macintosh'))
    await switchLanguage(page)
    expect(team.problems).toEqual([])
    await context.close()
  })

  it('a viewer sees the reason and the negative words, without controls', async () => {
    const { context, page } = await team.join(team.viewerLink, 'Wang Viewer')
    await page.goto(companyUrl)
    const cell = page.locator('.data-table td', { hasText: 'Macintosh' })
    await expect.poll(() => cell.textContent()).toContain('Also an ordinary English word')
    expect(await cell.textContent()).toContain('Not counted near: raincoat, apple variety')
    expect(await page.locator('input[name="negativeContext"]').count()).toBe(0)
    await context.close()
  })

  it('an analyst edits the theme topic words and is told which counts are being updated', async () => {
    const { context, page } = await team.signIn(ANALYST_EMAIL, MEMBER_PASSWORD)
    await page.goto(`${team.app.url}/themes/multimodal-ai`)
    await page.waitForLoadState('networkidle')
    // The language is kept per account: an earlier test may have left the analyst in Chinese.
    if ((await page.locator('html').getAttribute('lang'))?.startsWith('zh')) {
      await switchLanguage(page)
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
      await page.waitForLoadState('networkidle')
    }
    const section = page.locator('section[aria-labelledby="topic-words-heading"]')
    expect(await section.locator('.chip').allTextContents()).toContain('视频生成')
    await section.locator('summary').click()
    const field = section.locator('textarea[name="topicWords"]')
    // Under load the click can land before the page is interactive: open the editor again if it did not open.
    if (!(await field.isVisible())) await section.locator('summary').click()
    await field.waitFor({ state: 'visible' })
    await field.fill(`${await field.inputValue()}, 视频理解`)
    await section.getByRole('button', { name: 'Save topic words' }).click()
    await expect
      .poll(() => section.locator('[role="status"]').textContent())
      .toMatch(/Mention counts of \d+ companies with ambiguous aliases are being updated/)
    await expect.poll(() => section.locator('.chip').allTextContents()).toContain('视频理解')
    await shoot(page, 'topic-words-en.png', section)
    await switchLanguage(page)
    await expect.poll(() => section.locator('h2').textContent()).toBe('主题词')
    await shoot(page, 'topic-words-zh.png', section)
    await switchLanguage(page)
    expect(team.problems).toEqual([])
    await context.close()
  })
})
