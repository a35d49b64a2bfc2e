import { copyFileSync, mkdirSync } from 'node:fs'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, type Team } from './team.ts'

// An analyst pastes a note naming companies the registry does not know yet (and one
// product of ByteDance, a demo company). The "New names" page, reached from /mentions,
// lists them with their snippets as inert text; the analyst dismisses one and adds the
// product to ByteDance. The meeting's mentions slide lists the rest. English and Chinese,
// at projector size.

let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /^Failed to load resource/ })
})
afterAll(async () => {
  await team?.close()
})

const note = `字节跳动旗下猫箱上线了新的视频生成功能，爱诗科技随后跟进，潞晨科技也发布了新模型。
<script>window.__pwned=1</script> Investors backed Luma Labs and Pixverse Technologies this week; 爱诗科技的海外收入增长很快。`

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
const switchLanguage = (page: Page) => page.locator('form[action="/language"] button').click()
/** The table row of one name (other rows' snippets may mention it too). */
const rowOf = (page: Page, name: string) =>
  page.locator('.new-names tbody tr').filter({ has: page.locator('th.new-name > span:first-child').getByText(name, { exact: true }) })
const rowNames = (page: Page) => page.locator('.new-names tbody th.new-name > span:first-child').allTextContents()

function shot(page: Page, name: string) {
  // Also kept outside the repository for a quick look (SHOTS_DIR).
  return page.screenshot({ path: artifact(name) }).then(() => {
    if (!process.env.SHOTS_DIR) return
    mkdirSync(process.env.SHOTS_DIR, { recursive: true })
    copyFileSync(artifact(name), `${process.env.SHOTS_DIR}/${name}`)
  })
}

describe('new names in the browser', () => {
  it('an analyst reviews the week’s new names, dismisses one and adds a product to its company', async () => {
    const { page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.goto(`${team.app.url}/documents`)
    await page.waitForLoadState('networkidle')
    if ((await page.locator('.add-documents-panel').getAttribute('open')) === null)
      await page.locator('.add-documents-panel summary').click()
    await page.getByLabel('Title', { exact: true }).fill('Video models weekly')
    await page.getByLabel('Text', { exact: true }).fill(note)
    await page.getByRole('button', { name: 'Add and find mentions' }).click()
    await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain('Video models weekly')

    await page.goto(`${team.app.url}/mentions`)
    await page.getByRole('link', { name: 'New names the registry does not know yet' }).click()
    await page.waitForURL(/\/mentions\/new-names$/)
    await expect.poll(() => rowNames(page)).toContain('爱诗科技')
    const names = await rowNames(page)
    expect(names[0]).toBe('爱诗科技')
    expect(names).toEqual(expect.arrayContaining(['猫箱', '潞晨科技', 'Luma Labs', 'Pixverse Technologies']))
    expect(await page.locator('.new-names tbody tr').first().locator('mark').first().textContent()).toBe('爱诗科技')
    expect(await page.locator('.new-names').textContent()).toContain('<script>')
    expect(await page.locator('.new-names script').count()).toBe(0)
    expect(await pwned(page)).toBeUndefined()
    await shot(page, 'new-names-en.png')

    const luma = rowOf(page, 'Luma Labs')
    await luma.getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Luma Labs is dismissed')
    await expect.poll(() => rowNames(page)).not.toContain('Luma Labs')
    await page.waitForLoadState('networkidle')

    const maoxiang = rowOf(page, '猫箱')
    await maoxiang.getByRole('button', { name: /Add as a product of/ }).click()
    // The first alias added in a process loads the word lists that judge it (a few seconds).
    await expect.poll(() => page.locator('.notice').textContent(), { timeout: 20_000 }).toContain('product alias of ByteDance')
    await expect.poll(() => rowNames(page)).not.toContain('猫箱')
    await page.waitForLoadState('networkidle')

    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('新名称')
    await expect.poll(() => rowNames(page)).toContain('爱诗科技')
    await shot(page, 'new-names-zh.png')
    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('New names')

    // The company form opens filled in from the name.
    await rowOf(page, '潞晨科技').getByRole('link', { name: 'Add as a company' }).click()
    await page.waitForURL(/\/companies\/new\?newName=\d+$/)
    await expect.poll(() => page.locator('#new-nameZh').inputValue()).toBe('潞晨科技')
    await shot(page, 'new-names-company-form-en.png')
  })

  it('the meeting’s mentions slide lists the top new names', async () => {
    const { page } = await team.signIn('lead@example.com', 'correct horse battery')
    await page.goto(`${team.app.url}/meetings`)
    await page.waitForURL(/\/meetings\/\d{4}-W\d{2}/)
    const url = new URL(page.url())
    url.searchParams.set('slide', '5')
    await page.goto(url.toString())
    const list = page.locator('.new-names-top li')
    await expect.poll(() => list.first().textContent()).toContain('爱诗科技')
    expect(await page.locator('.new-names-top').textContent()).not.toContain('Luma Labs')
    await page.locator('#new-names-top-title').scrollIntoViewIfNeeded()
    await shot(page, 'new-names-meeting-en.png')
    await switchLanguage(page)
    await expect.poll(() => page.locator('#new-names-top-title').textContent()).toBe('本周新名称')
    await page.locator('#new-names-top-title').scrollIntoViewIfNeeded()
    await shot(page, 'new-names-meeting-zh.png')
    expect(team.problems).toEqual([])
  })
})
