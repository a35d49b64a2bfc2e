import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { ADMIN as admin, setUpTeam, type Team } from './team.ts'

// No members set up in advance: set-up, invitation and sign-in are what this file tests.
let team: Team
beforeAll(async () => {
  team = await setUpTeam({ members: 'none' })
})
afterAll(async () => {
  await team?.close()
})

describe('foundation in the browser', () => {
  let inviteLink = ''

  it('first visit shows setup, which creates the first admin and signs them in', async () => {
    const { context, page } = await team.newPage('en-US')
    await page.goto(team.app.url)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup')
    await page.screenshot({ path: artifact('setup.png') })
    // A weak password is refused next to the field, and nothing is created.
    await page.getByLabel('Name').fill(admin.name)
    await page.getByLabel('Email').fill(admin.email)
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create administrator' }).click()
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('at least 12')
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Create administrator' }).click()
    await page.waitForURL(`${team.app.url}/`)
    // The address changes a moment before the new page is drawn: wait for what it shows.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Themes')
    await expect.poll(() => page.getByRole('link', { name: 'Multimodal AI' }).count()).toBe(1)
    await page.screenshot({ path: artifact('home-en.png') })

    // Switch to Chinese: the whole UI follows, and the choice sticks to the account.
    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('主题')
    await page.screenshot({ path: artifact('home-zh.png') })
    await page.getByRole('link', { name: '多模态 AI' }).click()
    await expect.poll(() => page.locator('#vendors-heading').textContent()).toBe('厂商图谱')
    expect(await page.getByText('美图').count()).toBeGreaterThan(0)
    await page.screenshot({ path: artifact('theme-zh.png'), fullPage: true })
    await page.getByRole('button', { name: '语言' }).click()
    await expect.poll(() => page.locator('#vendors-heading').textContent()).toBe('Vendor map')
    await page.screenshot({ path: artifact('theme-en.png') })

    // Invite a viewer.
    await page.goto(`${team.app.url}/admin/users`)
    await page.getByLabel('Email', { exact: true }).fill('reader@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('viewer')
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    const linkField = page.locator('input.copy-field')
    await linkField.waitFor()
    inviteLink = await linkField.inputValue()
    expect(inviteLink).toMatch(/\/invite\/[\w-]{40,}$/)
    await page.screenshot({ path: artifact('admin-users.png') })
    await page.goto(`${team.app.url}/admin/audit`)
    expect(await page.getByText('invite.create').count()).toBe(1)
    await page.screenshot({ path: artifact('audit.png') })

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login/)
    await context.close()
  })

  it('a viewer joins through the invitation and is refused an edit', async () => {
    const { context, page } = await team.newPage('zh-CN')
    await page.goto(inviteLink)
    // Accept-Language zh-CN: the page speaks Chinese before anyone chooses.
    await page.getByLabel('姓名').fill('Reader')
    await page.getByLabel('密码').fill('another long password')
    await page.getByRole('button', { name: '创建我的账号' }).click()
    await page.waitForURL(`${team.app.url}/`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('主题')
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(0)

    // The server refuses, whatever the page shows: a viewer posting an admin form gets 403.
    const response = await page.request.post(`${team.app.url}/admin/users`, {
      form: { intent: 'invite', email: 'x@example.com', role: 'admin' },
    })
    expect(response.status()).toBe(403)
    await page.goto(`${team.app.url}/admin/users`)
    expect(await page.locator('h1').textContent()).toBe('无权操作')
    await page.screenshot({ path: artifact('viewer-forbidden.png') })

    // The link was one-time.
    const again = await page.request.get(inviteLink)
    expect(again.status()).toBe(404)
    await context.close()
  })

  it('a wrong password is refused with a message; the right one signs in', async () => {
    const { context, page } = await team.newPage('en-US')
    await page.goto(`${team.app.url}/login`)
    await page.getByLabel('Email').fill(admin.email)
    await page.getByLabel('Password').fill('wrong password!')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('not correct')
    await page.screenshot({ path: artifact('login-error.png') })
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${team.app.url}/`)
    await context.close()
  })
})
