import { rmSync } from 'node:fs'

import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { expect } from 'vitest'

import { type RunningApp, startApp } from './app-server.ts'
import { launchBrowser } from './browser.ts'

// What every browser test starts with: the built app on a fresh database, chromium, and
// (unless the test walks through set-up itself) an administrator who has invited an
// analyst and a viewer. Pages opened here fail the test on script errors and hydration
// mismatches, collected in `problems`.

export const VIEWPORT = { width: 1280, height: 720 }
export const ADMIN = { name: 'Lin Wei', email: 'lead@example.com', password: 'correct horse battery' }
export const MEMBER_PASSWORD = 'a long enough password'
export const ANALYST_EMAIL = 'analyst@example.com'
export const VIEWER_EMAIL = 'viewer@example.com'

export interface Session {
  context: BrowserContext
  page: Page
}

export interface Team {
  app: RunningApp
  browser: Browser
  /** Console errors, page errors and hydration warnings seen on pages opened here. */
  problems: string[]
  /** Invitation links (empty with members: 'none' or 'admin'). */
  analystLink: string
  viewerLink: string
  /** A new signed-out session at projector size. */
  newPage(locale?: string, options?: BrowserContextOptions): Promise<Session>
  /** Accepts an invitation in a new session; returns it signed in, on the home page. */
  join(link: string, name: string, locale?: 'en-US' | 'zh-CN'): Promise<Session>
  /** Signs in with email and password in a new session. */
  signIn(email: string, password: string, options?: BrowserContextOptions): Promise<Session>
  /** Closes the browser, stops the app and removes its data. */
  close(): Promise<void>
}

export interface TeamOptions {
  /** 'none': app and browser only; 'admin': the administrator exists; 'invited' (default): and has invited an analyst and a viewer. */
  members?: 'none' | 'admin' | 'invited'
  /** Makes a data directory for the app to start on (removed afterwards), e.g. with rows already in it. */
  prepareDataDir?: () => Promise<string>
  /** Console messages that are expected, e.g. the 4xx of a refused form. */
  ignoreConsole?: RegExp
  /** More environment for the app, e.g. { SEED_DEMO_HISTORY: 'on' } for the demo team. */
  env?: Record<string, string>
}

const JOIN_LABELS = {
  'en-US': { name: 'Name', password: 'Password', submit: 'Create my account' },
  'zh-CN': { name: '姓名', password: '密码', submit: '创建我的账号' },
}

/** Fills in the first-visit set-up page; the page ends signed in as the administrator. */
export async function setUpAdmin(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForURL(/\/setup/)
  await page.getByLabel('Name').fill(ADMIN.name)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Create administrator' }).click()
  await page.waitForURL(`${url}/`)
}

/** The header's language button; waits for the page in the other language. */
export async function switchLanguage(page: Page): Promise<void> {
  await page.locator('form[action="/language"] button').click()
  await page.waitForLoadState('networkidle')
}

/**
 * The page in this language whatever an earlier test left the account in (the language is
 * kept per account, and a test that failed or was retried may have stopped half-way).
 */
export async function useLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return
  await switchLanguage(page)
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang)
}

/** Creates an invitation as the signed-in administrator; returns its link. */
export async function invite(page: Page, url: string, email: string, role: 'admin' | 'analyst' | 'viewer'): Promise<string> {
  await page.goto(`${url}/admin/users`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption(role)
  await page.getByRole('button', { name: 'Create invitation link' }).click()
  const field = page.locator('input.copy-field')
  await field.waitFor()
  return field.inputValue()
}

/**
 * Call in beforeAll (`team = await setUpTeam()`) and `await team?.close()` in afterAll.
 * No vitest import here, so scripts (screenshots) can use it too.
 */
export async function setUpTeam(options: TeamOptions = {}): Promise<Team> {
  const members = options.members ?? 'invited'
  const ignore = options.ignoreConsole ?? /^Failed to load resource/
  const dataDir = options.prepareDataDir ? await options.prepareDataDir() : undefined
  const app = await startApp({ ...options.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) })
  const browser = await launchBrowser()
  const problems: string[] = []

  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (ignore.test(msg.text())) return
      if (msg.type() === 'error' || /hydrat|did not match/i.test(msg.text())) problems.push(`${page.url()} console: ${msg.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`${page.url()} pageerror: ${error.message}`))
  }
  const newPage = async (locale = 'en-US', contextOptions: BrowserContextOptions = {}): Promise<Session> => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale, ...contextOptions })
    const page = await context.newPage()
    watch(page)
    return { context, page }
  }
  const join = async (link: string, name: string, locale: 'en-US' | 'zh-CN' = 'en-US'): Promise<Session> => {
    const labels = JOIN_LABELS[locale]
    const session = await newPage(locale)
    await session.page.goto(link)
    await session.page.getByLabel(labels.name).fill(name)
    await session.page.getByLabel(labels.password).fill(MEMBER_PASSWORD)
    await session.page.getByRole('button', { name: labels.submit }).click()
    await session.page.waitForURL(`${app.url}/`)
    return session
  }
  const signIn = async (email: string, password: string, contextOptions: BrowserContextOptions = {}): Promise<Session> => {
    const session = await newPage('en-US', contextOptions)
    await session.page.goto(`${app.url}/login`)
    await session.page.getByLabel('Email').fill(email)
    await session.page.getByLabel('Password').fill(password)
    await session.page.getByRole('button', { name: 'Sign in' }).click()
    await session.page.waitForURL(`${app.url}/`)
    return session
  }

  const close = async () => {
    await browser.close()
    await app.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  let analystLink = ''
  let viewerLink = ''
  try {
    if (members !== 'none') {
      const { context, page } = await newPage('en-US')
      await setUpAdmin(page, app.url)
      if (members === 'invited') {
        analystLink = await invite(page, app.url, ANALYST_EMAIL, 'analyst')
        viewerLink = await invite(page, app.url, VIEWER_EMAIL, 'viewer')
      }
      await context.close()
    }
  } catch (error) {
    await close()
    throw error
  }
  return {
    app,
    browser,
    problems,
    analystLink,
    viewerLink,
    newPage,
    join,
    signIn,
    close,
  }
}
