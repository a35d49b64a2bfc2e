import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ADMIN, ANALYST_EMAIL, MEMBER_PASSWORD, setUpTeam, switchLanguage, type Team } from './team.ts'

// Changing one's own password from the account link in the header, and an administrator's
// one-time reset link, in both languages. Refused forms answer 4xx on purpose.
let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /status of 4\d\d/ })
})
afterAll(async () => {
  await team?.close()
})

const ANALYST_NAME = 'Chen Analyst'
const CHANGED_PASSWORD = 'a brand new passphrase'
const RESET_PASSWORD = 'quiet river under paper lanterns'

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: artifact(name) })
}

describe('passwords in the browser', () => {
  it('an analyst changes their password: weak ones are refused, other browsers are signed out', async () => {
    const { context, page } = await team.join(team.analystLink, ANALYST_NAME)
    const other = await team.signIn(ANALYST_EMAIL, MEMBER_PASSWORD)

    await page.getByRole('link', { name: ANALYST_NAME }).click()
    await page.waitForURL(/\/account\/password$/)
    // The address changes before the new page has rendered.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Change password')
    await shoot(page, 'account-password-en.png')

    await page.getByLabel('Current password').fill(MEMBER_PASSWORD)
    await page.getByLabel('New password', { exact: true }).fill('password1234')
    await page.getByLabel('New password again').fill('password1234')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect.poll(() => page.locator('#field-password-error').textContent()).toContain('most common passwords')
    await shoot(page, 'account-password-refused-en.png')

    await page.getByLabel('Current password').fill(MEMBER_PASSWORD)
    await page.getByLabel('New password', { exact: true }).fill(CHANGED_PASSWORD)
    await page.getByLabel('New password again').fill(CHANGED_PASSWORD)
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Your password was changed')
    expect(await page.getByLabel('Current password').inputValue()).toBe('')
    await shoot(page, 'account-password-changed-en.png')

    // The other browser is signed out; this one is not.
    await other.page.reload()
    await other.page.waitForURL(/\/login/)
    await page.goto(`${team.app.url}/`)
    expect(new URL(page.url()).pathname).toBe('/')

    await page.goto(`${team.app.url}/account/password`)
    await switchLanguage(page)
    expect(await page.locator('h1').textContent()).toBe('修改密码')
    await page.getByLabel('当前密码').fill('not my password at all')
    await page.getByLabel('新密码', { exact: true }).fill(RESET_PASSWORD)
    await page.getByLabel('再次输入新密码').fill(RESET_PASSWORD)
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect.poll(() => page.locator('#field-currentPassword-error').textContent()).toBe('当前密码不正确。')
    await shoot(page, 'account-password-zh.png')
    await switchLanguage(page)
    await other.context.close()
    await context.close()

    const again = await team.signIn(ANALYST_EMAIL, CHANGED_PASSWORD)
    await again.context.close()
  })

  it('an administrator makes a one-time reset link; it sets a new password once and signs the person in', async () => {
    const admin = await team.signIn(ADMIN.email, ADMIN.password)
    const analyst = await team.signIn(ANALYST_EMAIL, CHANGED_PASSWORD)
    await admin.page.goto(`${team.app.url}/admin/users`)
    await admin.page.getByRole('button', { name: `Password reset link for ${ANALYST_NAME}` }).click()
    const field = admin.page.locator('input.reset-link')
    await field.waitFor()
    const link = await field.inputValue()
    expect(link).toMatch(/\/reset\/[\w-]{40,}$/)
    expect(await admin.page.locator('.notice').textContent()).toContain(ANALYST_EMAIL)
    await shoot(admin.page, 'admin-users-reset-en.png')
    await switchLanguage(admin.page)
    expect(await admin.page.getByRole('button', { name: `为 ${ANALYST_NAME} 生成密码重置链接` }).count()).toBe(1)
    await shoot(admin.page, 'admin-users-zh.png')
    await switchLanguage(admin.page)
    await admin.page.goto(`${team.app.url}/admin/audit`)
    expect(await admin.page.getByText('user.password_reset_link').count()).toBe(1)

    const english = await team.newPage('en-US')
    await english.page.goto(link)
    expect(await english.page.locator('h1').textContent()).toBe('Choose a new password')
    await shoot(english.page, 'reset-en.png')
    await english.context.close()

    // Opened in Chinese, as the person it was sent to might.
    const { context, page } = await team.newPage('zh-CN')
    await page.goto(link)
    expect(await page.locator('h1').textContent()).toBe('设置新密码')
    await page.getByLabel('新密码', { exact: true }).fill('aaaaaaaaaaaa')
    await page.getByLabel('再次输入新密码').fill('aaaaaaaaaaaa')
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    await expect.poll(() => page.locator('#field-password-error').textContent()).toContain('重复或连续的字符')
    await shoot(page, 'reset-refused-zh.png')
    await page.getByLabel('新密码', { exact: true }).fill(RESET_PASSWORD)
    await page.getByLabel('再次输入新密码').fill(RESET_PASSWORD)
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    await page.waitForURL(`${team.app.url}/`)
    await expect.poll(() => page.locator('.user-chip').textContent()).toBe(ANALYST_NAME)

    // Used once: the link now says so (in English, the language the analyst chose earlier),
    // and the analyst's earlier browser is signed out.
    await page.goto(link)
    expect(await page.locator('.form-error').textContent()).toContain('link is not valid')
    await shoot(page, 'reset-used-en.png')
    await analyst.page.reload()
    await analyst.page.waitForURL(/\/login/)
    await context.close()
    await analyst.context.close()
    await admin.context.close()
  })

  it('saw no script errors or hydration mismatches', () => {
    expect(team.problems).toEqual([])
  })
})
