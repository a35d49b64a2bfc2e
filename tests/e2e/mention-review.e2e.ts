import { copyFileSync, mkdirSync } from 'node:fs'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, switchLanguage, type Team } from './team.ts'

// An analyst reads why each mention counted, rejects one ("not this company") and confirms
// another on the document page, then works the review queue: the least certain mentions
// first, with the rule kept in a list that can be undone. A viewer sees the reasons but no
// review buttons. English and Chinese, at projector size.

let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /^Failed to load resource/ })
})
afterAll(async () => {
  await team?.close()
})

// Runway and Pika are ambiguous demo aliases: the list and the topic word admit them, with medium confidence.
const note = `Sora、Runway和Pika都在做视频生成，竞争正在加剧。
On the airfield, the new runway opened; Runway the company was not involved. <script>window.__pwned=1</script>`

function shot(page: Page, name: string) {
  return page.screenshot({ path: artifact(name) }).then(() => {
    if (!process.env.SHOTS_DIR) return
    mkdirSync(process.env.SHOTS_DIR, { recursive: true })
    copyFileSync(artifact(name), `${process.env.SHOTS_DIR}/${name}`)
  })
}

const marks = (page: Page) => page.locator('.doc-text mark.mention')

describe('reviewing mentions in the browser', () => {
  let documentUrl = ''

  it('an analyst sees why a mention counted, rejects one and confirms another on the document page', async () => {
    const { page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.goto(`${team.app.url}/documents`)
    await page.waitForLoadState('networkidle')
    if ((await page.locator('.add-documents-panel').getAttribute('open')) === null)
      await page.locator('.add-documents-panel summary').click()
    await page.getByLabel('Title', { exact: true }).fill('Video models weekly')
    await page.getByLabel('Text', { exact: true }).fill(note)
    await page.getByRole('button', { name: 'Add and find mentions' }).click()
    await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain('Video models weekly')
    await page.locator('.ingest-results li a').first().click()
    await page.waitForURL(/\/documents\/\d+$/)
    documentUrl = page.url()

    // Hover text: alias, company, rule in words, confidence.
    const pika = marks(page).filter({ hasText: /^Pika$/ })
    expect(await pika.getAttribute('title')).toMatch(/^Pika → Pika: .+; (high|medium|low) confidence$/)
    expect(await page.locator('.doc-text').textContent()).toContain('<script>')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()

    // Picked with the keyboard: the panel says why and offers the review.
    const before = await marks(page).count()
    const runways = marks(page).filter({ hasText: /^Runway$/ })
    await runways.first().focus()
    await page.keyboard.press('Enter')
    const panel = page.locator('.mention-review-panel')
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Selected mention')
    expect(await panel.textContent()).toContain('Runway → Runway')
    await shot(page, 'mention-review-document-en.png')
    await panel.getByRole('button', { name: 'Not this company' }).click()
    await expect.poll(() => page.locator('.notice').first().textContent()).toMatch(/Marked not this company: \d+ mentions removed/)
    expect(await marks(page).count()).toBeLessThan(before)

    await marks(page)
      .filter({ hasText: /^Pika$/ })
      .click()
    await panel.getByRole('button', { name: 'Confirm' }).click()
    await expect.poll(() => page.locator('.notice').first().textContent()).toBe('Mention confirmed.')
    expect(
      await marks(page)
        .filter({ hasText: /^Pika$/ })
        .getAttribute('title'),
    ).toContain('confirmed by a user')

    await switchLanguage(page)
    await marks(page).first().click()
    await expect.poll(() => panel.locator('h2').textContent()).toBe('选中的提及')
    await shot(page, 'mention-review-document-zh.png')
    await switchLanguage(page)
  })

  it('the review queue lists the least certain first, keeps the rule with undo, and works in Chinese', async () => {
    const { page } = await team.signIn('analyst@example.com', 'a long enough password')
    await page.goto(`${team.app.url}/mentions`)
    await page.getByRole('link', { name: 'Review uncertain mentions' }).click()
    await page.waitForURL(/\/mentions\/review$/)
    const rows = page.locator('.review-table tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThan(0)
    const confidences = await page.locator('.review-table .badge').allTextContents()
    expect(
      confidences.indexOf('low confidence') === -1 || confidences.indexOf('low confidence') < confidences.indexOf('medium confidence'),
    ).toBe(true)
    expect(await page.locator('.review-rules tbody tr').count()).toBe(1)
    expect(await page.locator('[data-testid="review-counts"]').textContent()).toMatch(/1 "not this company" rules · 1 confirmed/)
    await shot(page, 'mention-review-queue-en.png')

    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('复核提及')
    await shot(page, 'mention-review-queue-zh.png')
    await switchLanguage(page)

    await page.locator('.review-rules').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('Rule removed')
    expect(await page.locator('.review-rules tbody tr').count()).toBe(0)
  })

  it('a viewer sees why a mention counted but no review buttons', async () => {
    const { page } = await team.join(team.viewerLink, 'Vic Viewer')
    await page.goto(documentUrl)
    await marks(page).first().click()
    await expect.poll(() => page.locator('.mention-review-panel h2').textContent()).toBe('Selected mention')
    expect(await page.locator('.mention-review-panel button', { hasText: 'Not this company' }).count()).toBe(0)
    expect(team.problems).toEqual([])
  })
})
