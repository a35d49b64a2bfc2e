import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import { openPglite } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { artifact } from './browser.ts'
import { ADMIN, type Session, setUpTeam, type Team } from './team.ts'

// An analyst scores with the keyboard: arrows to a cell, a digit picks the level (saved at
// once, no reload), a changed level asks for a reason, Enter saves it. The consensus chart,
// the heatmap and "what moved" then show it, in English and Chinese, at projector size.
// The same save also works as a plain form post without JavaScript.

const SLUG = 'multimodal-ai'

let team: Team
let analyst: Session

// The app starts on a database that already holds a meeting two weeks ago: the weeks before
// it are read-only (the meeting pages that create such rows are another feature's).
const thisWeek = isoWeekOf(new Date(), 'Asia/Shanghai')
const meetingWeek = shiftIsoWeek(thisWeek, -2)
const EVIDENCE_TITLE = 'CICC: AI ten-year outlook (17)'

async function prepareDatabase(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'themeradar-scoring-e2e-'))
  const conn = await openPglite({ dataDir: path.join(dir, 'pglite') })
  await migrateToLatest(conn.db)
  await seedDemoData(conn.db)
  const theme = await conn.db.selectFrom('theme').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()
  await conn.db.insertInto('meeting').values({ theme_id: theme.id, iso_week: meetingWeek }).execute()
  const doc = await conn.db
    .insertInto('document')
    .values({
      title: EVIDENCE_TITLE,
      publisher: 'CICC',
      language: 'zh',
      content_hash: 'e'.repeat(64),
      body: 'Sora brings DiT and scaling to video.',
      published_on: '2024-03-05',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await conn.db.insertInto('document_theme').values({ document_id: doc.id, theme_id: theme.id }).execute()
  await conn.close()
  return dir
}

beforeAll(async () => {
  team = await setUpTeam({ prepareDataDir: prepareDatabase })
  analyst = await team.join(team.analystLink, 'Ana Analyst')
})
afterAll(async () => {
  await analyst?.context.close()
  await team?.close()
})

const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`)

describe('scoring in the browser', () => {
  it('scores cells with the keyboard and saves without reloading the page', async () => {
    const { page } = analyst
    await page.goto(`${team.app.url}/themes/${SLUG}/scores`)
    // A marker on window survives client-side saves but not a full reload.
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true))
    await cell(page, 'text.technology').click()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('video.technology')
    // A first score needs no reason: the digit saves it at once.
    await page.keyboard.press('3')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-level').textContent()).toBe('3')
    await expect.poll(() => page.locator('.save-row [role=status]').textContent()).toContain('Saved')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-meta').textContent()).toContain('team 3')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('2')
    await expect.poll(() => cell(page, 'video.data').locator('.cell-level').textContent()).toBe('2')

    // A digit corrected within two minutes of the first save replaces it without a reason
    // (issue 15); Enter then goes to the reason, which is saved too.
    await page.keyboard.press('ArrowLeft')
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.ok()), page.keyboard.press('4')])
    // The page reloads its data after the save: type the reason after that, not during it.
    await page.waitForLoadState('networkidle')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-level').textContent()).toBe('4')
    expect(await page.getByText('required: the level changes from 3').count()).toBe(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('score-reason')
    await page.keyboard.type('Sora shows DiT scales to video')
    await page.keyboard.press('Enter')
    await expect.poll(() => cell(page, 'video.technology').locator('.cell-level').textContent()).toBe('4')
    await expect.poll(() => page.locator('#score-reason').inputValue()).toBe('Sora shows DiT scales to video')
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true)
    expect(new URL(page.url()).pathname).toBe(`/themes/${SLUG}/scores`)
    await expect.poll(() => page.locator('.save-row [role=status]').textContent()).toContain('Saved')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: artifact('scoring-grid-en.png') })
  })

  it('shows n and spread beside the median, closes the level hint on keys, withdraws with Delete', async () => {
    const { page } = analyst
    await page.goto(`${team.app.url}/themes/${SLUG}/scores`)
    // The team cell says how many analysts stand behind the median and how spread they are.
    await expect.poll(() => cell(page, 'video.data').locator('.team-spread').textContent()).toMatch(/^team \d\.\d · n=\d+ · IQR [\d.]+$/)
    // Hovering a cell opens its level hint; typing closes it, so it does not cover the rows below.
    await cell(page, 'text.technology').click()
    await cell(page, 'image.technology').hover()
    const hint = page.locator('td:has([data-cell="image.technology"]) .cell-hint')
    await expect.poll(() => hint.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => hint.evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden')
    // Delete on a scored cell asks, then clears it; the team median no longer counts it.
    await cell(page, 'video.data').focus()
    page.once('dialog', (dialog) => void dialog.accept())
    await page.keyboard.press('Delete')
    await expect.poll(() => cell(page, 'video.data').locator('.cell-level').textContent()).toBe('–')
    await expect.poll(() => page.locator('.save-row [role=status]').textContent()).toContain('Score withdrawn')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: artifact('scoring-spread-en.png') })
  })

  it('shows the score in the consensus chart, the heatmap and what moved', async () => {
    const { page } = analyst
    await page.goto(`${team.app.url}/themes/${SLUG}/consensus?m=video&d=technology&range=12`)
    // The chart's table alternative lists this week's median.
    const week = await page.locator('.week-chip').textContent()
    const row = page.locator('.chart-table tbody tr', { hasText: week ?? '' })
    expect(await row.locator('td').nth(1).textContent()).toBe('4')
    expect(await page.locator('#consensus-history-chart .recharts-line-dots circle').count()).toBeGreaterThan(0)
    expect(await page.locator('#maturity-heatmap [data-cell="video.technology"] .heat-value').textContent()).toBe('4')
    await page.screenshot({ path: artifact('scoring-consensus-en.png') })
    await page.goto(`${team.app.url}/themes/${SLUG}/moved`)
    expect(await page.locator('.moves-table').getByText('Sora shows DiT scales to video').count()).toBe(1)
    await page.screenshot({ path: artifact('scoring-moved-en.png') })
  })

  it('reads the same in Chinese', async () => {
    const { page } = analyst
    await page.goto(`${team.app.url}/themes/${SLUG}/scores`)
    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toContain('成熟度评分')
    await cell(page, 'video.technology').click()
    await expect.poll(() => cell(page, 'video.technology').locator('.team-spread').textContent()).toContain('人 · 四分位距')
    await page.screenshot({ path: artifact('scoring-grid-zh.png') })
    await page.goto(`${team.app.url}/themes/${SLUG}/consensus?m=video&m=text&m=image&d=technology&range=12`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('共识与历史')
    await page.screenshot({ path: artifact('scoring-consensus-zh.png') })
    await page.goto(`${team.app.url}/themes/${SLUG}/moved`)
    await page.screenshot({ path: artifact('scoring-moved-zh.png') })
    await page.getByRole('button', { name: '语言' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toContain('What moved')
  })

  it('saves with a plain form post when JavaScript is off', async () => {
    const { page } = await team.newPage('en-US', { javaScriptEnabled: false, storageState: await analyst.context.storageState() })
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?cell=image.data`)
    await page.getByLabel('2 · Breakthrough').check()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForLoadState('load')
    expect(await cell(page, 'image.data').locator('.cell-level').textContent()).toBe('2')
    await page.context().close()
  })

  it('links a document found with the search box as evidence, shown in what moved', async () => {
    const { page } = analyst
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?cell=audio.technology`)
    await cell(page, 'audio.technology').focus()
    await page.keyboard.press('3')
    // Typing in the search box while the level saves: the text survives the save.
    await page.locator('#evidence-q').fill('ten-year')
    await expect.poll(() => cell(page, 'audio.technology').locator('.cell-level').textContent()).toBe('3')
    await expect.poll(() => page.locator('.save-row [role=status]').textContent()).toContain('Saved')
    expect(await page.locator('#evidence-q').inputValue()).toBe('ten-year')
    await page.locator('.score-editor form[role=search] button').click()
    await page.locator('.evidence-results li', { hasText: EVIDENCE_TITLE }).getByRole('button', { name: 'Add' }).click()
    expect(await page.locator('.evidence-chosen').getByText(EVIDENCE_TITLE).count()).toBe(1)
    // "Saved" is already showing from the first save: wait for this one's answer.
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.ok()), page.locator('.save-row button').click()])
    await expect.poll(() => page.locator('.evidence-chosen input:checked').count()).toBe(1)
    await page.goto(`${team.app.url}/themes/${SLUG}/moved`)
    expect(await page.locator('.moves-table').getByText(EVIDENCE_TITLE).count()).toBe(1)
  })

  it('draws a source view as a marker on the chart, not in the median', async () => {
    const { page } = analyst
    await page.goto(`${team.app.url}/themes/${SLUG}/sources`)
    await page.getByLabel('Source', { exact: true }).fill('CICC')
    await page.getByLabel('Published on').fill(new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10))
    await page.locator('#source-modality').selectOption('video')
    await page.locator('#source-level').selectOption('5')
    await page.getByRole('button', { name: 'Add view' }).click()
    await expect.poll(() => page.locator('table').getByText('CICC').count()).toBe(1)
    await page.goto(`${team.app.url}/themes/${SLUG}/consensus?m=video&d=technology&range=12`)
    await expect.poll(() => page.locator('#consensus-history-chart .source-marker').count()).toBe(1)
    // The weeks stay on the x-axis (a marker must not replace them) and the median is still 4.
    expect(await page.locator('#consensus-history-chart .recharts-xAxis .recharts-cartesian-axis-tick').count()).toBeGreaterThan(5)
    const row = page.locator('.chart-table tbody tr', { hasText: thisWeek })
    expect(await row.locator('td').nth(1).textContent()).toBe('4')
  })

  it("lets an admin manage rubrics and dimensions, and choose a theme's rubric", async () => {
    const { page, context } = await team.newPage('en-US')
    await page.goto(`${team.app.url}/login`)
    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${team.app.url}/`)
    await page.goto(`${team.app.url}/admin/rubrics`)
    expect(await page.getByRole('link', { name: 'NASA Technology Readiness Levels' }).count()).toBe(1)
    await page.screenshot({ path: artifact('scoring-admin-en.png') })

    // A new dimension, added on the theme's framework page, appears as a column of the grid.
    await page.goto(`${team.app.url}/themes/${SLUG}/framework`)
    const newDimension = page.locator('#dimension-heading').locator('..').locator('tbody tr').last()
    await newDimension.getByLabel('Short name (slug)').fill('safety')
    await newDimension.getByLabel('English name').fill('Safety')
    await newDimension.getByLabel('Chinese name').fill('安全')
    await newDimension.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => page.locator('input[name="slug"][value="safety"]').count()).toBe(1)

    // The default rubric has scores: saving an edit makes version 2, the theme moves to it.
    await page.goto(`${team.app.url}/admin/rubrics`)
    await page.getByRole('link', { name: 'Modality maturity' }).click()
    await page.getByLabel('Level 5 English name').fill('Mainstream')
    await page.getByRole('button', { name: 'Save as version 2' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toContain('v2')
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?cell=video.safety`)
    expect(await page.getByText('Rubric: Modality maturity (version 2)').count()).toBe(1)
    expect(await page.getByLabel('5 · Mainstream').count()).toBe(1)
    expect(await page.locator('[data-cell="video.safety"]').count()).toBe(1)

    // A locked week says why; the admin reopens it and locks it again.
    const locked = shiftIsoWeek(meetingWeek, -1)
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?week=${locked}`)
    expect(await page.locator('.week-state').textContent()).toBe('Read-only')
    expect(await page.locator('.week-locked-notice').textContent()).toContain(`meeting of ${meetingWeek}`)
    await page.getByRole('button', { name: 'Reopen this week' }).click()
    await expect.poll(() => page.locator('.week-state').textContent()).toBe('Reopened by an administrator')
    await page.getByRole('button', { name: 'Lock this week again' }).click()
    await expect.poll(() => page.locator('.week-state').textContent()).toBe('Read-only')

    // The theme switches to NASA TRL: the grid offers nine levels.
    await page.goto(`${team.app.url}/admin/rubrics`)
    // One row per theme: this theme's.
    const themeRubric = page
      .locator('#theme-rubric-heading')
      .locator('..')
      .locator('tr', { has: page.locator(`a[href="/themes/${SLUG}/framework"]`) })
    await themeRubric.locator('select[name="rubricId"]').selectOption({ label: 'NASA Technology Readiness Levels (v1)' })
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.ok()),
      themeRubric.getByRole('button', { name: 'Save' }).click(),
    ])
    await page.goto(`${team.app.url}/themes/${SLUG}/scores?cell=video.technology`)
    expect(await page.locator('.score-editor input[name="level"]').count()).toBe(9)
    await context.close()
  })

  it('had no hydration or script errors', () => {
    expect(team.problems).toEqual([])
  })
})
