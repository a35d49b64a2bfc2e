import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, type Team } from './team.ts'

// An analyst creates a theme from the "Technology readiness" template, adds an item to
// score on its framework page, and scores it on NASA TRL 1-9; a viewer reading Chinese
// sees the same framework in Chinese and cannot edit it. Projector size.

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

describe("a theme's scoring framework in the browser", () => {
  it('creates a theme from a template, adds an item and scores it; a viewer reads it in Chinese', async () => {
    const { context, page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.goto(`${team.app.url}/themes/new`)
    await page.getByLabel('English name').fill('Solid-state batteries')
    await page.getByLabel('Chinese name').fill('固态电池')
    await page.getByLabel(/Technology readiness/).check()
    await page.screenshot({ path: artifact('theme-new-template-en.png') })
    await page.getByRole('button', { name: 'Create theme' }).click()
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Solid-state batteries')

    await page.getByRole('link', { name: 'Scoring framework' }).first().click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Scoring framework')
    expect(await page.locator('#framework-rubric-heading + p').textContent()).toContain('NASA Technology Readiness Levels')
    const items = page.locator('section', { has: page.locator('#modality-heading') })
    const newRow = items.locator('tr').last()
    await newRow.getByLabel('Short name (slug)').fill('electrolyte')
    await newRow.getByLabel('English name').fill('Solid electrolyte')
    await newRow.getByLabel('Chinese name').fill('固态电解质')
    await newRow.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => items.getByRole('button', { name: 'Archive' }).count()).toBe(1)
    expect(await page.getByRole('status').textContent()).toContain('Saved')
    expect(await items.locator('input[name="nameZh"]').first().inputValue()).toBe('固态电解质')
    // The add row is empty again for the next item.
    await expect.poll(() => newRow.getByLabel('Short name (slug)').inputValue()).toBe('')
    await page.screenshot({ path: artifact('theme-framework-en.png'), fullPage: true })

    // The grid has the new item on "Readiness" only, and a 7 on TRL saves.
    await page.getByRole('link', { name: 'Scoring', exact: true }).first().click()
    const cell = page.locator('[data-cell="electrolyte.readiness"]')
    await cell.waitFor()
    expect(await page.locator('[data-cell]').count()).toBe(1)
    await cell.click()
    await page.keyboard.press('7')
    await expect.poll(() => cell.locator('.cell-level').textContent()).toBe('7')
    await page.screenshot({ path: artifact('theme-framework-scores-en.png') })
    await context.close()

    const viewer = await team.join(team.viewerLink, 'Vera Viewer', 'zh-CN')
    await viewer.page.goto(`${team.app.url}/themes/solid-state-batteries/framework`)
    await expect.poll(() => viewer.page.locator('h1').textContent()).toBe('评分框架')
    expect(await viewer.page.locator('#modality-heading').textContent()).toBe('评分对象')
    expect(await viewer.page.getByText('固态电解质').count()).toBe(1)
    expect(await viewer.page.locator('input[name="nameEn"]').count()).toBe(0)
    await viewer.page.screenshot({ path: artifact('theme-framework-zh.png'), fullPage: true })
    await viewer.context.close()
  })
})
