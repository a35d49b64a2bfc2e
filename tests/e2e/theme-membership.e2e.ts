import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isoWeekOf } from '#app/utils/iso-week.ts'

import { artifact } from './browser.ts'
import { ADMIN, setUpTeam, switchLanguage, type Team, useLanguage } from './team.ts'

// Issue 15 (membership over time, /themes) and issue 16 (the company picker) as a person
// meets them: the header's Themes link opens the index in both languages; on the theme
// page a company is removed (it shows as left), then added again by typing 腾讯 into the
// picker and choosing with the keyboard, with a reason (it shows as joined).

const SLUG = 'multimodal-ai'
const thisWeek = isoWeekOf(new Date(), 'Asia/Shanghai')
let team: Team
let page: Page

beforeAll(async () => {
  team = await setUpTeam({ members: 'admin' })
  page = (await team.signIn(ADMIN.email, ADMIN.password)).page
})
afterAll(async () => {
  await team?.close()
})

const heading = () => page.locator('h1').first().textContent()
const vendorMap = () => page.locator('section[aria-labelledby="vendors-heading"]')
const membership = () => page.locator('section[aria-labelledby="membership-heading"]')
const meetingSlide = () => page.locator('section.slide-membership')
// A save and the page's reload can take a few seconds on two busy cores.
const SLOW = { timeout: 10_000 }

describe('themes index, membership and the company picker', () => {
  it('opens /themes from the header with each theme’s week, in English and Chinese', async () => {
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Themes' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/themes')
    await expect.poll(heading).toBe('Themes')
    const table = page.locator('table.themes-index').first()
    expect(await table.locator('thead').textContent()).toContain('Consensus moves this week')
    expect(await table.getByRole('link', { name: 'Multimodal AI' }).count()).toBe(1)
    await page.screenshot({ path: artifact('themes-index-en.png') })
    await switchLanguage(page)
    await expect.poll(heading).toBe('主题')
    expect(await table.locator('thead').textContent()).toContain('本周共识变动')
    expect(await table.locator('tbody').textContent()).toContain('多模态')
    await page.screenshot({ path: artifact('themes-index-zh.png') })
    await switchLanguage(page)
    await expect.poll(heading).toBe('Themes')
  })

  it('removes Tencent (it shows as left) and adds it back through the picker by keyboard', async () => {
    await page.goto(`${team.app.url}/themes/${SLUG}`)
    // Hydrated before clicking: the edit popovers are React forms.
    await page.waitForLoadState('networkidle')
    await vendorMap().waitFor()
    await vendorMap().getByLabel('Edit Tencent').click()
    await vendorMap().getByRole('button', { name: 'Unlink' }).click()
    await expect.poll(() => membership().textContent(), SLOW).toContain('Left')
    expect(await vendorMap().getByRole('link', { name: 'Tencent', exact: true }).count()).toBe(0)

    await vendorMap().getByText('+ Link a company').click()
    const box = page.getByRole('combobox', { name: 'Company' })
    await box.pressSequentially('腾讯', { delay: 50 })
    const list = page.getByRole('listbox', { name: 'Company' })
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('Tencent')
    await vendorMap().screenshot({ path: artifact('company-picker-en.png') })
    expect(await box.getAttribute('aria-activedescendant')).toBeTruthy()
    await box.press('Enter')
    await expect.poll(() => box.inputValue()).toBe('Tencent')
    expect(await list.isHidden()).toBe(true)
    await page.locator('#link-company-reason').fill('Hunyuan, back in the theme after a review')
    await vendorMap().getByRole('button', { name: 'Link', exact: true }).click()
    await expect.poll(() => vendorMap().getByRole('link', { name: 'Tencent', exact: true }).count(), SLOW).toBe(1)
    await expect.poll(() => membership().textContent(), SLOW).toContain('Hunyuan, back in the theme after a review')
    await membership().screenshot({ path: artifact('membership-en.png') })

    // This week's meeting has it on its own slide, with the reason.
    await page.goto(`${team.app.url}/meetings/${thisWeek}?theme=${SLUG}`)
    await expect.poll(() => meetingSlide().locator('h2').textContent()).toContain('Joined and left the theme')
    const slideText = await meetingSlide().textContent()
    expect(slideText).toContain('Tencent')
    expect(slideText).toContain('Hunyuan, back in the theme after a review')
    expect(slideText).toContain('− Left')
    await meetingSlide().screenshot({ path: artifact('meeting-membership-en.png') })
    await page.goto(`${team.app.url}/themes/${SLUG}`)
    await page.waitForLoadState('networkidle')

    // Nothing matches: the list offers to create the company instead.
    await vendorMap().getByText('+ Link a company').click()
    await box.pressSequentially('Zyxw Robotics', { delay: 20 })
    await expect.poll(() => list.textContent()).toContain('Create the company “Zyxw Robotics”')
    await box.press('Escape')
    expect(await list.isHidden()).toBe(true)
  })

  it('shows the membership section and the picker in Chinese', async () => {
    await page.goto(`${team.app.url}/themes/${SLUG}`)
    await page.waitForLoadState('networkidle')
    await switchLanguage(page)
    await expect.poll(() => membership().locator('h2').textContent()).toBe('上次周会以来加入和退出的公司')
    expect(await membership().textContent()).toContain('退出')
    await vendorMap().getByText('+ 关联公司').click()
    const box = page.getByRole('combobox', { name: '公司' })
    await box.pressSequentially('0700', { delay: 50 })
    await expect.poll(() => page.getByRole('listbox').first().getByRole('option').first().textContent()).toContain('腾讯')
    await membership().screenshot({ path: artifact('membership-zh.png') })
    await vendorMap().screenshot({ path: artifact('company-picker-zh.png') })
    await box.press('Escape')
    await page.goto(`${team.app.url}/meetings/${thisWeek}?theme=${SLUG}`)
    await expect.poll(() => meetingSlide().locator('h2').textContent()).toContain('主题成员的加入与退出')
    expect(await meetingSlide().textContent()).toContain('腾讯')
    await meetingSlide().screenshot({ path: artifact('meeting-membership-zh.png') })
    await page.waitForLoadState('networkidle')
    await switchLanguage(page)
  })

  it('adds a company to a new watchlist by typing its ticker and picking it with the keyboard', async () => {
    await page.goto(`${team.app.url}/watchlists`)
    await page.waitForLoadState('networkidle')
    await useLanguage(page, 'en')
    const create = page.locator('section[aria-labelledby="new-watchlist"]')
    await create.getByLabel('Name').fill('Picker list')
    await create.getByRole('button', { name: 'Create watchlist' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/watchlists\/\d+$/)
    await page.waitForLoadState('networkidle')
    const adding = page.locator('details.wl-add')
    if ((await adding.getAttribute('open')) === null) await adding.locator('summary').click()
    const box = adding.getByRole('combobox', { name: 'Company' })
    await box.pressSequentially('BIDU', { delay: 50 })
    await expect.poll(() => adding.getByRole('option').first().textContent()).toContain('Baidu')
    await box.press('ArrowDown')
    await box.press('ArrowUp')
    await box.press('Enter')
    await expect.poll(() => box.inputValue()).toBe('Baidu')
    await adding.getByRole('button', { name: 'Add to list' }).click()
    await expect.poll(() => page.locator('section.wl-table-card').textContent(), SLOW).toContain('Baidu')
  })

  it('logs no errors in the browser', () => {
    expect(team.problems).toEqual([])
  })
})
