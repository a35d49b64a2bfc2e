import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, type Team } from './team.ts'

// An administrator adds a webhook; an analyst pastes a note that names Meitu six times;
// the mentions dashboard shows Meitu on top with an alert, the company page charts its
// week and shows the snippet as inert text; the webhook's delivery attempt is logged. In
// English and Chinese at projector size. A viewer cannot open or post the webhooks page.

let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /^Failed to load resource/ })
})
afterAll(async () => {
  await team?.close()
})

const note = `<script>window.__pwned=1</script> Meitu weekly: 美图公司 launched MiracleVision 5. Meitu says 美图 design tools grew.
<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">
Meitu (1357.HK) and 美图秀秀; Baidu and Tencent also ship models. Meitu again.`

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
const switchLanguage = (page: Page) => page.locator('form[action="/language"] button').click()

/** The header must stay one line at 1280 px: no taller than a single row. */
async function headerHeight(page: Page) {
  return page.locator('.app-header').evaluate((el) => el.getBoundingClientRect().height)
}

describe('mentions in the browser', () => {
  it('an admin adds a webhook; a viewer cannot', async () => {
    const { page, context } = await team.signIn('lead@example.com', 'correct horse battery')
    await page.goto(`${team.app.url}/admin`)
    await page.getByRole('link', { name: 'Webhooks' }).click()
    await page.waitForURL(/\/admin\/webhooks$/)
    await page.locator('#new-name').fill('Research group bot')
    await page.locator('#new-url').fill('https://hooks.themeradar.invalid/cgi-bin/webhook/send?key=demo')
    await page.locator('#new-format').selectOption('wecom')
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await expect.poll(() => page.locator('.webhook-item summary').first().textContent()).toContain('Research group bot')
    // A bad address is refused next to the field.
    await page.locator('#new-name').fill('Broken')
    await page.locator('#new-url').fill('ftp://example.com/hook')
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await expect.poll(() => page.locator('#new-url-error').textContent()).toContain('http')
    await context.close()

    const viewer = await team.join(team.viewerLink, 'Vera Viewer')
    const res = await viewer.page.goto(`${team.app.url}/admin/webhooks`)
    expect(res?.status()).toBe(403)
    const posted = await viewer.page.evaluate(async () => {
      const r = await fetch('/admin/webhooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'name=x&url=https%3A%2F%2Fexample.com%2Fh&format=generic',
      })
      return r.status
    })
    expect(posted).toBe(403)
    await viewer.context.close()
  })

  it('an analyst pastes a note and sees the company on the dashboard and its chart on the company page', async () => {
    const { page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.goto(`${team.app.url}/documents`)
    await page.waitForLoadState('networkidle')
    if ((await page.locator('.add-documents-panel').getAttribute('open')) === null)
      await page.locator('.add-documents-panel summary').click()
    await page.getByLabel('Title', { exact: true }).fill('Meitu weekly <b>note</b>')
    await page.getByLabel('Text', { exact: true }).fill(note)
    await page.getByRole('button', { name: 'Add and find mentions' }).click()
    await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain('Meitu weekly')

    await page.getByRole('link', { name: 'Mentions', exact: true }).click()
    await page.waitForURL(/\/mentions$/)
    const top = page.locator('.top-companies tbody tr').first()
    await expect.poll(() => top.textContent()).toContain('Meitu')
    expect(await headerHeight(page)).toBeLessThan(72)
    expect(await page.locator('.mention-alerts li').first().textContent()).toContain('Meitu')
    expect(await page.locator('#share-of-voice-region-chart').count()).toBe(1)
    expect(await page.locator('#share-of-voice-vendor-chart').count()).toBe(1)
    await page.screenshot({ path: artifact('mentions-dashboard-en.png') })
    await page.locator('#sov-heading').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('mentions-dashboard-sov-en.png') })
    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('提及')
    expect(await headerHeight(page)).toBeLessThan(72)
    await page.screenshot({ path: artifact('mentions-dashboard-zh.png') })
    await page.locator('#sov-heading').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('mentions-dashboard-sov-zh.png') })
    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mentions')

    await top.getByRole('link').click()
    await page.waitForURL(/\/companies\/\d+#mentions$/)
    await expect.poll(() => page.locator('#mention-weeks-chart .recharts-bar-rectangle').count()).toBeGreaterThan(0)
    const snippet = page.locator('.snippets li').first()
    expect(await snippet.locator('mark').first().textContent()).toMatch(/Meitu|美图/)
    // Markup in the title and the text is shown as text, never as elements.
    expect(await page.locator('.snippets').textContent()).toContain('<b>note</b>')
    expect(await page.locator('.snippets').textContent()).toContain('<script>')
    expect(await page.locator('.snippets b, .snippets script').count()).toBe(0)
    expect(await pwned(page)).toBeUndefined()
    await page.locator('#mentions').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('mentions-company-en.png') })
    await switchLanguage(page)
    await expect.poll(() => page.locator('#mentions-heading').textContent()).toContain('提及')
    await page.locator('#mentions').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('mentions-company-zh.png') })
    await switchLanguage(page)
  })

  it('the webhook delivery attempt is in the log', async () => {
    const { page } = await team.signIn('lead@example.com', 'correct horse battery')
    await page.goto(`${team.app.url}/admin/webhooks`)
    // The job runner polls every second; the host does not resolve, so the attempt fails.
    await expect
      .poll(
        async () => {
          await page.reload()
          return page.locator('.delivery-outcome').count()
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBeGreaterThan(0)
    expect(await page.locator('.data-table tbody tr').first().textContent()).toContain('Meitu')
    await page.screenshot({ path: artifact('mentions-webhooks-en.png'), fullPage: false })
    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Webhook')
    await page.screenshot({ path: artifact('mentions-webhooks-zh.png') })
    expect(team.problems).toEqual([])
  })
})
