import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, switchLanguage, type Team } from './team.ts'

// Issue 13 section 3: an analyst pastes two notes, types 即梦 into the header's search box,
// finds the Chinese note among the documents with the match marked, and opens it with the
// match highlighted in its text; in English and Chinese at projector size. Markup in a
// document stays text in the snippet.

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

async function paste(page: Page, title: string, text: string) {
  await page.goto(`${team.app.url}/documents`)
  await page.waitForLoadState('networkidle')
  if ((await page.locator('.add-documents-panel').getAttribute('open')) === null) await page.locator('.add-documents-panel summary').click()
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Text', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Add and find mentions' }).click()
  await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain(title)
}

async function searchFromHeader(page: Page, query: string) {
  await page.locator('#header-search').fill(query)
  await page.locator('#header-search').press('Enter')
  await page.waitForURL(/\/search\?q=/)
  await page.waitForLoadState('networkidle')
}

const highlighted = (page: Page) =>
  page.evaluate(() => {
    const found = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-match')
    return found ? [...found].map((range) => range.toString()) : []
  })

describe('document search in the browser', () => {
  it('finds a Chinese note from the header and opens it with the match highlighted', async () => {
    const { page } = await team.join(team.analystLink, 'Ana Analyst')
    await paste(
      page,
      '字节跳动周报',
      '字节跳动旗下即梦发布新版本，生成速度更快。<img src=x onerror="window.__pwned=1"> 团队认为即梦的用户会继续增长。',
    )
    await paste(page, 'Kling weekly', 'Kuaishou shipped Kling 2.1 this week with longer clips.')

    await searchFromHeader(page, '即梦')
    const hits = page.locator('.docsearch-hits li')
    await expect.poll(() => hits.count()).toBe(1)
    expect(await hits.first().locator('.docsearch-title').textContent()).toBe('字节跳动周报')
    expect(await hits.first().locator('.docsearch-snippet mark').allTextContents()).toEqual(['即梦', '即梦'])
    // The document's markup is shown as text, never run.
    expect(await hits.first().locator('.docsearch-snippet').textContent()).toContain('<img src=x onerror=')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await page.screenshot({ path: artifact('document-search-en.png') })

    await hits.first().locator('.docsearch-title').click()
    await page.waitForURL(/\/documents\/\d+\?q=/)
    await page.waitForLoadState('networkidle')
    expect(await page.locator('.docsearch-here').textContent()).toContain('2 matches for "即梦"')
    // One passage shows both matches, marked.
    expect(await page.locator('.docsearch-here li mark').allTextContents()).toEqual(['即梦', '即梦'])
    await expect.poll(() => highlighted(page)).toEqual(['即梦', '即梦'])
    await page.screenshot({ path: artifact('document-search-open-en.png') })

    await switchLanguage(page)
    await expect.poll(() => page.locator('.docsearch-here').textContent()).toContain('本文中有 2 处与“即梦”匹配')
    await expect.poll(() => highlighted(page)).toEqual(['即梦', '即梦'])
    await page.screenshot({ path: artifact('document-search-open-zh.png') })

    await searchFromHeader(page, 'kling')
    await expect.poll(() => page.locator('#search-documents').textContent()).toBe('文档（1）')
    expect(await hits.first().locator('.docsearch-title').textContent()).toBe('Kling weekly')
    await page.screenshot({ path: artifact('document-search-zh.png') })
    expect(team.problems).toEqual([])
  })
})
