import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openPglite } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { artifact } from './browser.ts'
import { ADMIN, setUpAdmin, setUpTeam, type Team } from './team.ts'

// Feeds and jobs in the browser: a feed on this machine's address is refused with the
// reason; an admin allows the host; a feed that answers HTML and one that refuses the
// connection each show their error in red; a running background job shows its progress
// bar, counts and ETA. English and Chinese at projector size. All traffic stays on 127.0.0.1.

let team: Team

/** A data directory holding a job that another app instance is running. */
async function prepareDataDir(): Promise<string> {
  // A job that another app instance is running (its lease is an hour long), put in the
  // database before the app starts: the progress page must show it as it stands.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'themeradar-e2e-feeds-'))
  const seed = await openPglite({ dataDir: path.join(dataDir, 'pglite') })
  await migrateToLatest(seed.db)
  await seed.db
    .insertInto('job')
    .values({
      kind: 'documents.bulk-ingest',
      payload: JSON.stringify({ folder: 'reports-2024' }),
      status: 'running',
      progress_done: 37,
      progress_total: 200,
      attempts: 1,
      locked_by: 'other-instance',
      lease_until: sql`now() + interval '1 hour'`,
      created_at: sql`now() - interval '2 minutes'`,
      started_at: sql`now() - interval '90 seconds'`,
    })
    .execute()
  await seed.close()
  return dataDir
}

beforeAll(async () => {
  team = await setUpTeam({ members: 'none', prepareDataDir })
})
afterAll(async () => {
  await team?.close()
})

async function addFeed(page: Page, url: string, name: string) {
  await page.getByLabel('Feed address').fill(url)
  await page.getByLabel('Name').fill(name)
  await page.getByRole('button', { name: 'Add feed' }).click()
}

describe('feeds and jobs in the browser', () => {
  it('refuses a feed on this machine, explains why, and shows feed errors in red', async () => {
    const { context, page } = await team.newPage('en-US')
    await setUpAdmin(page, team.app.url)

    await page.getByRole('link', { name: 'Feeds' }).click()
    await page.waitForURL(`${team.app.url}/feeds`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Feeds')
    await addFeed(page, 'http://127.0.0.1:1/feed', 'Local test')
    const refusal = page.locator('#field-url-error')
    await expect.poll(() => refusal.textContent()).toContain('Refused: 127.0.0.1 is not a public internet address')
    expect(await page.getByText('No feeds yet.').count()).toBe(1)
    await page.screenshot({ path: artifact('feeds-refused-en.png') })

    // The admin allows the host (as for an intranet); now it can be added, and each
    // failure is explained in the list.
    await page.goto(`${team.app.url}/admin/fetch`)
    await page.getByLabel('Allowed hosts').fill('http://127.0.0.1/')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('.field-error').textContent()).toContain('is not a host name')
    await page.getByLabel('Allowed hosts').fill('127.0.0.1')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Saved.')
    expect(await page.getByLabel('Allowed hosts').inputValue()).toBe('127.0.0.1')
    await page.screenshot({ path: artifact('feeds-admin-fetch-en.png') })

    await page.goto(`${team.app.url}/feeds`)
    await addFeed(page, 'http://127.0.0.1:1/feed', 'Closed port')
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Feed added')
    await addFeed(page, `${team.app.url}/login`, 'A web page, not a feed')
    await expect.poll(() => page.locator('.feed-table tbody tr').count()).toBe(2)

    const rows = page.locator('.feed-table tbody tr')
    await rows.nth(0).getByRole('button', { name: 'Poll now' }).click()
    await expect
      .poll(() => page.locator('.form-error').textContent())
      .toContain('Polling “Closed port” failed: Could not connect to 127.0.0.1')
    await rows.nth(1).getByRole('button', { name: 'Poll now' }).click()
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('text/html')
    await expect.poll(() => page.locator('.feed-error').count()).toBe(2)
    const color = await page
      .locator('.feed-error')
      .first()
      .evaluate((el) => getComputedStyle(el).color)
    expect(color).toBe('rgb(179, 38, 30)')
    await page.screenshot({ path: artifact('feeds-en.png') })

    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('订阅源')
    await expect.poll(() => page.locator('.feed-error').first().textContent()).toContain('无法连接 127.0.0.1')
    await page.screenshot({ path: artifact('feeds-zh.png') })
    await page.getByRole('button', { name: '语言' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Feeds')
    await context.close()
  })

  it('shows a running background job with its progress bar, counts and ETA', async () => {
    const { context, page } = await team.signIn(ADMIN.email, ADMIN.password)

    await page.goto(`${team.app.url}/jobs/1`)
    expect(await page.locator('h1').textContent()).toBe('Background job #1')
    expect(await page.locator('.job-status').textContent()).toBe('Running')
    expect(await page.locator('.job-counts').textContent()).toBe('37 of 200')
    expect(await page.locator('.job-percent').textContent()).toBe('18%')
    expect(await page.locator('progress').evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([37, 200])
    expect(await page.locator('.job-meta').textContent()).toMatch(/About \d+ min( \d+ s)? left/)
    // It keeps itself up to date: the JSON the page polls says the same.
    const polled = await page.request.get(`${team.app.url}/jobs/1/json`)
    expect(await polled.json()).toMatchObject({ status: 'running', done: 37, total: 200 })
    expect(await page.getByRole('button', { name: 'Cancel job' }).count()).toBe(1)
    await page.screenshot({ path: artifact('jobs-en.png') })

    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('后台任务 #1')
    expect(await page.locator('.job-counts').textContent()).toBe('37 / 200')
    await expect.poll(() => page.locator('.job-meta').textContent()).toMatch(/预计还需 \d+ 分钟/)
    await page.screenshot({ path: artifact('jobs-zh.png') })

    const missing = await page.goto(`${team.app.url}/jobs/9999`)
    expect(missing?.status()).toBe(404)
    expect(await page.locator('.error-page p').nth(1).textContent()).toBe('没有这个编号的后台任务。')
    await page.getByRole('button', { name: '语言' }).click()
    await context.close()
    expect(team.problems).toEqual([])
  })
})
