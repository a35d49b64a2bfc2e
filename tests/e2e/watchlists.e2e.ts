import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifact } from './browser.ts'
import { setUpTeam, switchLanguage, type Team } from './team.ts'

// A refused form is a 4xx on purpose; the browser logs it, and that is not a failure.
let team: Team
beforeAll(async () => {
  team = await setUpTeam({ ignoreConsole: /status of 4(00|09|22)/ })
})
afterAll(async () => {
  await team?.close()
})
let corePath = ''

async function shoot(page: Page, name: string, fullPage = false, keepScroll = false) {
  if (!keepScroll) await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: artifact(`watchlists-${name}.png`), fullPage })
}

describe('watchlists in the browser', () => {
  it('an analyst filters, sorts, adds a company, removes one with a reason, imports and exports XLSX', async () => {
    const { context, page } = await team.join(team.analystLink, 'Chen Analyst')

    await page.getByRole('link', { name: 'Watchlists' }).click()
    await page.waitForURL(/\/watchlists$/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Watchlists')
    await shoot(page, 'index-en')
    await page.getByRole('link', { name: 'Multimodal core' }).click()
    await page.waitForURL(/\/watchlists\/\d+$/)
    corePath = new URL(page.url()).pathname
    await page.waitForLoadState('networkidle')
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(10)

    // "/" jumps to the filter; typing narrows the rows at once; Escape clears it.
    await page.locator('h1').click()
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wl-filter-q')
    await page.keyboard.type('audio')
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(3) // two tagged audio, one rationale
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('audio')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(10)
    await page.getByLabel('Region').selectOption('overseas')
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(2)
    await page.getByLabel('Region').selectOption('')

    // Sorting by a header: ascending, then descending on a second click.
    const companyHeader = page.locator('th', { has: page.getByRole('button', { name: 'Company' }) })
    await page.getByRole('button', { name: 'Company' }).click()
    await expect.poll(() => companyHeader.getAttribute('aria-sort')).toBe('ascending')
    expect(await page.locator('tr[data-entry] td.col-company a').first().textContent()).toBe('Alibaba')
    await page.getByRole('button', { name: 'Company' }).click()
    await expect.poll(() => companyHeader.getAttribute('aria-sort')).toBe('descending')
    expect(await page.locator('tr[data-entry] td.col-company a').first().textContent()).toBe('Wondershare')
    await shoot(page, 'table-en')

    // Add a company: an unknown name is refused next to the field; a ticker works.
    await page.getByText('Add a company').click()
    const addForm = page.locator('.wl-add-form')
    await addForm.getByRole('combobox', { name: 'Company' }).fill('Acme Widgets')
    await page.getByRole('button', { name: 'Add to list' }).click()
    await expect.poll(() => page.locator('#add-company-error').textContent()).toContain('No company matches')
    await shoot(page, 'add-error-en')
    await addForm.getByRole('combobox', { name: 'Company' }).fill('2390.HK')
    await addForm.getByLabel('Rationale').fill('Zhida shows AI search inside a Q&A community.')
    await addForm.getByLabel('Tags', { exact: true }).fill('text, 2C')
    await page.getByRole('button', { name: 'Add to list' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Added Zhihu to the list.')
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(11)

    // Keyboard: focus the Zhihu row, Enter opens its details, remove it with a reason.
    const zhihuRow = page.locator('tr[data-entry]', { hasText: 'Zhihu' })
    await zhihuRow.focus()
    await page.keyboard.press('Enter')
    const detail = page.locator('.wl-detail-row')
    await detail.waitFor()
    await shoot(page, 'detail-en')
    // An empty reason is stopped by the browser here (and by the server, see tests/watchlists.test.ts).
    await detail.getByRole('button', { name: 'Remove' }).click()
    expect(await detail.getByLabel('Reason').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true)
    expect(await page.locator('tr[data-entry]').count()).toBe(11)
    await detail.getByLabel('Reason').fill('Better tracked on the 2C list.')
    await detail.getByRole('button', { name: 'Remove' }).click()
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(10)

    // History shows the add and the removal with who and why.
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.waitForURL(/\/history$/)
    await expect.poll(() => page.getByText('Better tracked on the 2C list.').count()).toBe(1)
    await shoot(page, 'history-en')

    // Import: an unknown company is listed with its row number and nothing is imported.
    await page.goto(`${team.app.url}${corePath}/import`)
    await page.waitForLoadState('networkidle')
    await page.getByLabel('File (CSV or XLSX)').setInputFiles({
      name: 'adds.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'company,rationale,tags\nZhihu,Back again,text\nKuaishou,Short video,video\nNova Pixel Labs,Private vision start-up,\n',
      ),
    })
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.locator('.wl-plan').textContent()).toContain('Nova Pixel Labs')
    expect(await page.locator('.wl-plan table').first().locator('td').first().textContent()).toBe('4')
    await page.waitForTimeout(600) // the smooth scroll to the result
    await shoot(page, 'import-preview-en', false, true)
    await page.getByLabel('Create the missing companies').check()
    await page.getByLabel('Region for new companies').selectOption('domestic')
    await page.getByLabel('Vendor type for new companies').selectOption('application_company')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(() => page.locator('.wl-plan .notice').textContent()).toContain('Imported 3 companies')
    await page.waitForTimeout(600)
    await shoot(page, 'import-done-en', false, true)

    // Export XLSX: a real workbook with the list's companies.
    await page.goto(`${team.app.url}${corePath}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export XLSX' }).click()])
    expect(download.suggestedFilename()).toMatch(/^Multimodal core-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    const companies = (workbook.worksheets[0].getColumn(1).values as unknown[]).slice(2)
    expect(companies).toHaveLength(13)
    expect(companies).toEqual(expect.arrayContaining(['Zhihu', 'Kuaishou', 'Nova Pixel Labs', 'Tencent']))

    // The same pages in Chinese.
    await switchLanguage(page)
    await expect.poll(() => page.locator('th button').first().textContent()).toContain('公司')
    await shoot(page, 'table-zh')
    await page.goto(`${team.app.url}${corePath}/history`)
    await shoot(page, 'history-zh')
    await page.goto(`${team.app.url}/watchlists`)
    await shoot(page, 'index-zh')
    await page.goto(`${team.app.url}${corePath}/import`)
    await page.waitForLoadState('networkidle')
    await page
      .getByLabel('文件（CSV 或 XLSX）')
      .setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from('公司,理由\n腾讯,广告\n700.HX,\n') })
    await page.getByRole('button', { name: '预览' }).click()
    await expect.poll(() => page.locator('.wl-plan').textContent()).toContain('无效的股票代码')
    await page.waitForTimeout(600)
    await shoot(page, 'import-preview-zh', false, true)
    await switchLanguage(page)
    expect(team.problems).toEqual([])
    await context.close()
  })

  it('a viewer sees the list in Chinese, can export, and cannot edit', async () => {
    const { context, page } = await team.join(team.viewerLink, 'Reader', 'zh-CN')
    await page.goto(`${team.app.url}${corePath}`)
    await page.waitForLoadState('networkidle')
    await expect.poll(() => page.locator('tr[data-entry]').count()).toBe(13)
    expect(await page.getByText('添加公司').count()).toBe(0)
    expect(await page.getByRole('link', { name: '导入' }).count()).toBe(0)
    // Details open read-only: notes, but no edit or remove forms.
    await page.locator('tr[data-entry]').first().focus()
    await page.keyboard.press('Enter')
    await page.locator('.wl-detail-row').waitFor()
    expect(await page.locator('.wl-detail-row form').count()).toBe(0)
    await shoot(page, 'viewer-zh')

    // The server decides: posts from a viewer are refused whatever the page shows.
    const add = await page.request.post(`${team.app.url}${corePath}`, { form: { intent: 'add', company: 'Meta' } })
    expect(add.status()).toBe(403)
    const remove = await page.request.post(`${team.app.url}${corePath}`, { form: { intent: 'archive' } })
    expect(remove.status()).toBe(403)
    const upload = await page.request.post(`${team.app.url}${corePath}/import`, {
      multipart: { intent: 'import', file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('company\nMeta\n') } },
    })
    expect(upload.status()).toBe(403)
    const csv = await page.request.get(`${team.app.url}${corePath}/export?format=csv`, { headers: { 'Accept-Language': 'zh-CN' } })
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain('公司,中文名')
    expect(team.problems).toEqual([])
    await context.close()
  })
})
