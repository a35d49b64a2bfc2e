import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, switchLanguage, type Team } from './team.ts'

// Estimates with a unit on the theme page, at projector size in both languages: an
// analyst adds "Market size" in USD bn, two sources estimate it side by side, and one of
// them revises its own estimate; only that source shows a previous value and a change.

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

describe('theme estimates with a unit', () => {
  it('adds a series, two sources and a revision, and reads them in both languages', async () => {
    const { context, page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.goto(`${team.app.url}/themes/multimodal-ai`)
    const section = page.locator('section[aria-labelledby="estimates-heading"]')
    await section.waitFor()

    await section.getByText('+ Series').click()
    const addSeries = section.locator('details[open]', { has: page.locator('#add-series-unit') })
    await addSeries.getByLabel('English name').fill('Market size')
    await addSeries.getByLabel('Chinese name').fill('市场规模')
    await addSeries.getByLabel('Unit').fill('USD bn')
    await addSeries.getByRole('button', { name: 'Add' }).click()
    const block = section.locator('.estimate-series[data-series="Market size"]')
    await expect.poll(() => block.locator('h3').textContent()).toBe('Market size (USD bn)')

    const addEstimate = async (source: string, date: string, low: string, high = '') => {
      await section.getByText('+ Add to a series').click()
      const form = section.locator('details[open]', { has: page.locator('#add-series-estimate-source') })
      await form.getByLabel('Series').selectOption({ label: 'Market size (USD bn)' })
      await form.getByLabel('Source').fill(source)
      await form.getByLabel('Date made').fill(date)
      await form.getByLabel('Value (or low end)').fill(low)
      await form.getByLabel('High end (optional)').fill(high)
      await form.getByRole('button', { name: 'Add' }).click()
      await expect.poll(() => block.locator('table.series-current tbody tr', { hasText: source }).count()).toBe(1)
    }
    await addEstimate('IDC', '2024-01-15', '38')
    await addEstimate('Morgan Stanley', '2024-02-01', '20', '30')

    // A negative size is refused with a message next to the field.
    await section.getByText('+ Add to a series').click()
    const bad = section.locator('details[open]', { has: page.locator('#add-series-estimate-source') })
    await bad.getByLabel('Source').fill('Broker Z')
    await bad.getByLabel('Value (or low end)').fill('-5')
    await bad.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => bad.textContent()).toContain('An estimate cannot be negative.')
    await bad.locator('summary').click()

    // IDC revises its own estimate: IDC shows its previous value and +7; Morgan Stanley is untouched.
    await block.getByLabel('Revise the estimate of Market size by IDC').click()
    const revise = block.locator('details[open]')
    await revise.getByLabel('Date made').fill('2024-06-01')
    await revise.getByLabel('Value (or low end)').fill('45')
    await revise.getByRole('button', { name: 'Save as new estimate' }).click()
    const idc = block.locator('table.series-current tbody tr', { hasText: 'IDC' })
    await expect.poll(() => idc.locator('td').nth(2).textContent()).toBe('+7')
    expect(await idc.locator('td').first().textContent()).toContain('45 USD bn')
    expect(await idc.locator('td').nth(1).textContent()).toContain('38 USD bn')
    const ms = block.locator('table.series-current tbody tr', { hasText: 'Morgan Stanley' })
    expect(await ms.locator('td').first().textContent()).toContain('20–30 USD bn')
    expect(await ms.locator('td').nth(1).textContent()).toBe('first estimate')
    expect(await block.locator('.chart-canvas svg').textContent()).toContain('45 USD bn')

    await page.addStyleTag({ content: '.app-header { position: static !important; }' })
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('theme-estimates-en.png') })
    await section.screenshot({ path: artifact('theme-estimates-section-en.png') })

    await switchLanguage(page)
    await expect.poll(() => page.locator('#estimates-heading').textContent()).toBe('估算')
    expect(await block.locator('h3').textContent()).toBe('市场规模（USD bn）')
    expect(await block.locator('table.series-current tbody tr', { hasText: 'Morgan Stanley' }).locator('td').nth(1).textContent()).toBe(
      '首次估算',
    )
    await page.addStyleTag({ content: '.app-header { position: static !important; }' })
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifact('theme-estimates-zh.png') })
    await section.screenshot({ path: artifact('theme-estimates-section-zh.png') })
    // The language stays with the account: back to English for the tests after this one.
    await switchLanguage(page)
    await expect.poll(() => page.locator('#estimates-heading').textContent()).toBe('Estimates')
    await context.close()
  })

  it('logged no hydration errors or script errors', () => {
    expect(team.problems).toEqual([])
  })
})
