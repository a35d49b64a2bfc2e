import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ADMIN, setUpTeam, type Team, useLanguage } from './team.ts'

// Admin → Webhooks in the browser: an administrator adds a webhook as a daily digest,
// sees it marked as one in the list, switches it to weekly, in English and Chinese at
// projector size. No webhook is posted to (digests go out at 08:00; none are due here).

let team: Team

beforeAll(async () => {
  team = await setUpTeam({ members: 'admin' })
})
afterAll(async () => {
  await team?.close()
})

describe('webhook delivery in the browser', () => {
  it('adds a daily digest webhook and switches it to weekly', async () => {
    const { page } = await team.signIn(ADMIN.email, ADMIN.password)
    await useLanguage(page, 'en')
    await page.goto(`${team.app.url}/admin/webhooks`)
    await page.locator('#new-name').fill('Research desk')
    await page.locator('#new-url').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')
    await page.getByLabel('Send alerts').first().selectOption('daily')
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await expect.poll(() => page.locator('.webhook-item summary').first().textContent()).toContain('daily digest')
    await page.locator('.webhook-item summary').first().click()
    await page.screenshot({ path: artifact('webhook-digest-en.png') })

    const item = page.locator('.webhook-item').first()
    await item.getByLabel('Send alerts').selectOption('weekly')
    await item.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('.webhook-item summary').first().textContent()).toContain('weekly digest')

    await useLanguage(page, 'zh-CN')
    await page.goto(`${team.app.url}/admin/webhooks`)
    await expect.poll(() => page.locator('.webhook-item summary').first().textContent()).toContain('每周汇总')
    await page.locator('.webhook-item summary').first().click()
    await page.screenshot({ path: artifact('webhook-digest-zh.png') })
    await useLanguage(page, 'en')
    expect(team.problems).toEqual([])
  })
})
