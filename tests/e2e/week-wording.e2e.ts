import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'

import { artifact } from './browser.ts'
import { ADMIN, setUpTeam, switchLanguage, type Team } from './team.ts'

// Wording around weeks and set-up that a team noticed in its first month (issue 16): a
// future meeting week does not say "This week so far", a bad week on the scores page says
// what is wrong with the week, a week typed in lower case finds its page, and /setup sends
// a signed-in administrator to the app. English, then Chinese.

const SLUG = 'multimodal-ai'
const thisWeek = isoWeekOf(new Date(), 'Asia/Shanghai')
const nextWeek = shiftIsoWeek(thisWeek, 1)

let team: Team
let page: Page

beforeAll(async () => {
  team = await setUpTeam({ members: 'admin' })
  page = (await team.signIn(ADMIN.email, ADMIN.password)).page
})
afterAll(async () => {
  await team?.close()
})

const headNote = () => page.locator('.meeting-head p.muted').textContent()
const errorPage = async () => ({
  title: await page.locator('.error-page h1').textContent(),
  text: await page.locator('.error-page').textContent(),
})

describe('weeks and set-up in the words a team expects', () => {
  it('says a future meeting week has not started, and this week is so far', async () => {
    await page.goto(`${team.app.url}/meetings/${nextWeek}?theme=${SLUG}`)
    await expect.poll(headNote).toContain('has not started yet')
    expect(await headNote()).not.toContain('so far')
    await page.screenshot({ path: artifact('meeting-future-week-en.png') })
    await page.goto(`${team.app.url}/meetings/${thisWeek}?theme=${SLUG}`)
    await expect.poll(headNote).toContain('This week so far')
  })

  it('says what is wrong with a week on the scores page', async () => {
    const res = await page.goto(`${team.app.url}/themes/${SLUG}/scores?week=2026-W60`)
    expect(res?.status()).toBe(400)
    const bad = await errorPage()
    expect(bad.title).toBe('Not a week')
    expect(bad.text).toContain('“2026-W60” is not an ISO week')
    expect(bad.text).not.toContain('Please check the form')
    await page.screenshot({ path: artifact('scores-bad-week-en.png') })
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?week=${nextWeek}`)
    const future = await errorPage()
    expect(future.title).toBe('That week has not started')
    expect(future.text).toContain(`${nextWeek} has not started yet`)
  })

  it('opens the page of a week typed in lower case', async () => {
    await page.goto(`${team.app.url}/meetings/${thisWeek.toLowerCase()}?theme=${SLUG}`)
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/meetings/${thisWeek}`)
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?week=${thisWeek.toLowerCase()}`)
    await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe(thisWeek)
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(thisWeek)
  })

  it('sends a signed-in administrator from /setup to the app', async () => {
    await page.goto(`${team.app.url}/setup`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    expect(await page.getByText('Sign in instead').count()).toBe(0)
  })

  it('says the same in Chinese', async () => {
    await page.goto(`${team.app.url}/meetings/${nextWeek}?theme=${SLUG}`)
    await switchLanguage(page)
    await expect.poll(headNote).toContain('该周尚未开始')
    await page.screenshot({ path: artifact('meeting-future-week-zh.png') })
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?week=2026-W60`)
    const bad = await errorPage()
    expect(bad.title).toBe('不是有效的周')
    expect(bad.text).toContain('“2026-W60”不是有效的 ISO 周')
    expect(bad.text).not.toContain('请检查表单')
    await page.screenshot({ path: artifact('scores-bad-week-zh.png') })
  })

  it('logs no errors in the browser', () => {
    expect(team.problems).toEqual([])
  })
})
