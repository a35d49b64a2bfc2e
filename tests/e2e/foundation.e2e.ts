import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningApp, startApp } from './app-server.ts'
import { artifact, launchBrowser } from './browser.ts'

let app: RunningApp
let browser: Browser
const admin = { name: 'Lin Wei', email: 'lead@example.com', password: 'correct horse battery' }
const viewport = { width: 1280, height: 720 }

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('foundation in the browser', () => {
  let inviteLink = ''

  it('first visit shows setup, which creates the first admin and signs them in', async () => {
    const context = await browser.newContext({ viewport, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(app.url)
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
    await page.waitForURL(`${app.url}/`)
    expect(await page.locator('h1').textContent()).toBe('Themes')
    expect(await page.getByRole('link', { name: 'Multimodal AI' }).count()).toBe(1)
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
    await page.goto(`${app.url}/admin/users`)
    await page.getByLabel('Email', { exact: true }).fill('reader@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('viewer')
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    const linkField = page.locator('input.copy-field')
    await linkField.waitFor()
    inviteLink = await linkField.inputValue()
    expect(inviteLink).toMatch(/\/invite\/[\w-]{40,}$/)
    await page.screenshot({ path: artifact('admin-users.png') })
    await page.goto(`${app.url}/admin/audit`)
    expect(await page.getByText('invite.create').count()).toBe(1)
    await page.screenshot({ path: artifact('audit.png') })

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login/)
    await context.close()
  })

  it('a viewer joins through the invitation and is refused an edit', async () => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(inviteLink)
    // Accept-Language zh-CN: the page speaks Chinese before anyone chooses.
    await page.getByLabel('姓名').fill('Reader')
    await page.getByLabel('密码').fill('another long password')
    await page.getByRole('button', { name: '创建我的账号' }).click()
    await page.waitForURL(`${app.url}/`)
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(0)

    // The server refuses, whatever the page shows: a viewer posting an admin form gets 403.
    const response = await page.request.post(`${app.url}/admin/users`, { form: { intent: 'invite', email: 'x@example.com', role: 'admin' } })
    expect(response.status()).toBe(403)
    await page.goto(`${app.url}/admin/users`)
    expect(await page.locator('h1').textContent()).toBe('无权操作')
    await page.screenshot({ path: artifact('viewer-forbidden.png') })

    // The link was one-time.
    const again = await page.request.get(inviteLink)
    expect(again.status()).toBe(404)
    await context.close()
  })

  it('a wrong password is refused with a message; the right one signs in', async () => {
    const context = await browser.newContext({ viewport, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${app.url}/login`)
    await page.getByLabel('Email').fill(admin.email)
    await page.getByLabel('Password').fill('wrong password!')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('not correct')
    await page.screenshot({ path: artifact('login-error.png') })
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${app.url}/`)
    await context.close()
  })
})
