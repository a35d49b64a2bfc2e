import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ADMIN, setUpTeam, switchLanguage, type Team } from './team.ts'

// The People page's invitation (copy button, ready-to-send message, a second pending
// invitation refused, the field cleared), the role dropdown after a refused demotion,
// and the audit log's sentences and filters, in English and Chinese.
let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /status of 4\d\d/ })
})
afterAll(async () => {
  await team?.close()
})

describe('people and the audit log', () => {
  it('invites with a copy button and a message, refuses a second pending invitation, and shows the real role after a refusal', async () => {
    const { context, page } = await team.signIn(ADMIN.email, ADMIN.password, { permissions: ['clipboard-read', 'clipboard-write'] })
    await page.goto(`${team.app.url}/admin/users`)
    const email = page.getByLabel('Email', { exact: true })
    await email.fill('new.person@example.com')
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    const link = page.locator('input.copy-field')
    await link.waitFor()
    const url = await link.inputValue()
    expect(url).toMatch(/\/invite\/[\w-]{40,}$/)
    expect(await email.inputValue()).toBe('')
    expect(await page.getByLabel('Message to send').inputValue()).toContain(url)
    await page.getByRole('button', { name: 'Copy link' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Copied' }).count()).toBe(1)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
    await page.screenshot({ path: artifact('invite-copy-en.png') })

    await email.fill('new.person@example.com')
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    await expect.poll(() => page.getByText('There is already a pending invitation to this email').count()).toBe(1)

    // Demoting the only administrator is refused; the dropdown shows "Administrator" again.
    const role = page.locator('tr', { hasText: ADMIN.email }).locator('select')
    await role.selectOption('viewer')
    await page.locator('tr', { hasText: ADMIN.email }).getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByText('The last active administrator cannot be demoted or disabled.').count()).toBe(1)
    await expect.poll(() => role.inputValue()).toBe('admin')
    await context.close()
  })

  it('reads the audit log as sentences, filters it by action and shows the raw values on demand', async () => {
    const { context, page } = await team.signIn(ADMIN.email, ADMIN.password)
    await page.goto(`${team.app.url}/admin/audit`)
    await page.getByLabel('Action', { exact: true }).selectOption('invite.create')
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('invite.create')
    const rows = page.locator('.audit-table tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThan(0)
    for (const text of await rows.locator('.audit-sentence').allTextContents())
      expect(text).toMatch(new RegExp(`^${ADMIN.name} invited \\S+@`))
    expect(await page.getByText(`${ADMIN.name} invited new.person@example.com`).count()).toBe(1)
    await rows.first().locator('summary').click()
    await expect.poll(() => rows.first().locator('pre').last().textContent()).toContain('"role"')
    expect(await rows.first().locator('dl').isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Export as CSV' }).getAttribute('href')).toBe(
      '/admin/audit/export?user=&action=invite.create&type=&from=&to=',
    )
    await page.screenshot({ path: artifact('audit-en.png') })

    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('审计日志')
    expect(await page.getByText(`${ADMIN.name} 邀请了 new.person@example.com`).count()).toBe(1)
    await page.screenshot({ path: artifact('audit-zh.png') })
    await switchLanguage(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Audit log')
    await context.close()
  })
})
