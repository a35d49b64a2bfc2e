import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeBinary, makeReportPdf } from '../fixtures/documents.ts'
import { artifact } from './browser.ts'
import { ANALYST_EMAIL, MEMBER_PASSWORD, setUpTeam, type Team } from './team.ts'

// An analyst uploads a broker PDF, a Chinese news page and a binary file, pastes a note
// full of markup, reads a document with its mentions highlighted and deletes one; in
// English and Chinese at projector size. Markup in documents never runs. A viewer reads only.
// Six files at once go to a background job whose page shows progress and each file's
// outcome; a URL on this machine is refused with the reason next to the field.

let team: Team
beforeAll(async () => {
  team = await setUpTeam()
})
afterAll(async () => {
  await team?.close()
})

/** Opens "Add documents" in English once the page is hydrated (React would close it again). */
async function openAddPanel(page: Page) {
  await page.waitForLoadState('networkidle')
  // The language is kept per account: the first test left the analyst in Chinese.
  if ((await page.locator('html').getAttribute('lang'))?.startsWith('zh')) {
    await page.getByRole('button', { name: '语言' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.waitForLoadState('networkidle')
  }
  if ((await page.locator('.add-documents-panel').getAttribute('open')) === null) await page.locator('.add-documents-panel summary').click()
  await expect.poll(() => page.locator('.add-documents-panel').getAttribute('open')).not.toBeNull()
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)

const newsHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta property="og:title" content="快手可灵与抖音同台竞技"><meta property="og:site_name" content="36氪">
<meta property="article:published_time" content="2024-06-12T09:00:00+08:00"></head>
<body><nav>首页 | 科技</nav><article><h1>快手可灵与抖音同台竞技</h1>
<p>快手发布视频生成模型可灵，抖音与字节跳动也在加快多模态布局。腾讯的混元和百度的文心一言同样支持文生图，业内认为 2C 内容平台将最先受益。</p>
<p>分析师指出，创作门槛每降低一半，用户生成内容大约增加十倍。<script>window.__pwned = 1</script></p>
<p><img src="x" onerror="window.__pwned = 1">小红书与知乎也在测试 AI 辅助创作功能。</p></article></body></html>`

const pastedNote = `Weekly note: Tencent and Alibaba expand multimodal ads.
<script>window.__pwned=1</script>
<img src=x onerror="window.__pwned=1">
Meitu's Miracle Vision 4.0 is used in e-commerce design; SenseTime shows video generation.`

describe('documents in the browser', () => {
  it('an analyst uploads and pastes documents and reads one with its mentions highlighted', async () => {
    const { context, page } = await team.join(team.analystLink, 'Ana Analyst')
    await page.getByRole('link', { name: 'Documents', exact: true }).click()
    await page.waitForURL(/\/documents$/)
    await expect.poll(() => page.locator('.add-documents-panel').getAttribute('open')).not.toBeNull()

    // Three files at once: each gets its own outcome.
    await page.getByLabel('Files', { exact: true }).setInputFiles([
      { name: 'cicc-outlook.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeReportPdf()) },
      { name: 'kuaishou-news.html', mimeType: 'text/html', buffer: Buffer.from(newsHtml) },
      { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from(makeBinary()) },
    ])
    await page.locator('#upload-tags').fill('weekly, 研报')
    await page.getByRole('button', { name: 'Upload and find mentions' }).click()
    const results = page.locator('.ingest-results li')
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(3)
    expect(await results.nth(0).textContent()).toContain('Multimodal AI outlook')
    expect(await results.nth(0).textContent()).toContain('5 mentions of 2 companies')
    expect(await results.nth(1).textContent()).toContain('快手可灵与抖音同台竞技')
    expect(await results.nth(2).textContent()).toContain('This is not a text file')
    await page.screenshot({ path: artifact('documents-upload-en.png') })

    // Pasted text full of markup: stored and shown as text.
    await page.getByLabel('Title', { exact: true }).fill('Weekly note <b>bold?</b>')
    await page.getByLabel('Text', { exact: true }).fill(pastedNote)
    await page.getByRole('button', { name: 'Add and find mentions' }).click()
    await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain('Weekly note <b>bold?</b>')
    // The same text again is recognised.
    await page.getByLabel('Title', { exact: true }).fill('Again')
    await page.getByLabel('Text', { exact: true }).fill(`  ${pastedNote}  `)
    await page.getByRole('button', { name: 'Add and find mentions' }).click()
    await expect.poll(() => page.locator('.ingest-results li').first().textContent()).toContain('Already ingested')

    await page.goto(`${team.app.url}/documents`)
    await expect.poll(() => page.locator('.doc-table tbody tr').count()).toBe(3)
    await page.screenshot({ path: artifact('documents-list-en.png') })

    await page.getByRole('link', { name: 'Weekly note <b>bold?</b>' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Weekly note <b>bold?</b>')
    const text = page.locator('.doc-text')
    expect(await text.textContent()).toContain('<script>window.__pwned=1</script>')
    expect(await text.textContent()).toContain('<img src=x onerror="window.__pwned=1">')
    expect(await page.locator('.doc-text img, .doc-text script, h1 b').count()).toBe(0)
    expect(await pwned(page)).toBeUndefined()
    expect(await page.locator('mark.mention').allTextContents()).toEqual(['Tencent', 'Alibaba', 'Meitu', 'Miracle Vision', 'SenseTime'])

    // The broker report: picking a company singles out its mentions.
    await page.goto(`${team.app.url}/documents`)
    await page.getByRole('link', { name: 'Multimodal AI outlook' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Multimodal AI outlook')
    // Mentions in the text are buttons too (they open the review panel): pick the company in the list.
    await page.locator('button.doc-company-pick', { hasText: 'Tencent' }).click()
    await expect.poll(() => page.locator('mark.mention.is-focus').count()).toBe(3)
    expect(await page.locator('mark.mention.is-dim').allTextContents()).toEqual(['Baidu', 'ERNIE Bot'])
    await page.screenshot({ path: artifact('documents-page-en.png') })

    // In Chinese: the news page, with Chinese names highlighted, and the list.
    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('#doc-text-heading').textContent()).toBe('正文')
    await page.goto(`${team.app.url}/documents`)
    await page.getByRole('link', { name: '快手可灵与抖音同台竞技' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('快手可灵与抖音同台竞技')
    const marks = await page.locator('mark.mention').allTextContents()
    expect(marks).toEqual(expect.arrayContaining(['快手', '抖音', '字节跳动', '腾讯', '混元', '百度', '文心一言', '小红书', '知乎']))
    expect(await page.locator('.doc-meta').textContent()).toContain('36氪')
    expect(await page.locator('.doc-text').textContent()).not.toContain('首页') // the article, not the navigation
    expect(await pwned(page)).toBeUndefined()
    await page.screenshot({ path: artifact('documents-page-zh.png') })
    await page.goto(`${team.app.url}/documents?language=zh`)
    await expect.poll(() => page.locator('.doc-table tbody tr').count()).toBe(1)
    await page.goto(`${team.app.url}/documents`)
    await page.locator('.add-documents-panel summary').click()
    await page.screenshot({ path: artifact('documents-list-zh.png') })

    // Delete (after confirming): gone from the list.
    await page.getByRole('link', { name: 'Weekly note <b>bold?</b>' }).click()
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: '删除文档' }).click()
    await page.waitForURL(/\/documents\?deleted=1$/)
    await expect.poll(() => page.locator('.notice').textContent()).toBe('文档已删除。')
    expect(await page.locator('.doc-table tbody tr').count()).toBe(2)
    await context.close()
  })

  it('a viewer reads documents but cannot add or delete them', async () => {
    const { context, page } = await team.join(team.viewerLink, 'Vic Viewer')
    await page.goto(`${team.app.url}/documents`)
    expect(await page.locator('.add-documents-panel').count()).toBe(0)
    await page.getByRole('link', { name: 'Multimodal AI outlook' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Multimodal AI outlook')
    expect(await page.getByRole('button', { name: 'Delete document' }).count()).toBe(0)
    expect(await page.locator('mark.mention').count()).toBe(5)
    const response = await page.request.post(page.url(), { form: { intent: 'delete' } })
    expect(response.status()).toBe(403)
    await context.close()
  })

  it('six files at once run as a background job: progress, then each file with a link', async () => {
    const { context, page } = await team.signIn(ANALYST_EMAIL, MEMBER_PASSWORD)
    await page.goto(`${team.app.url}/documents`)
    await openAddPanel(page)
    const notes = [
      'Kuaishou 快手 shows Kling 2.0 video generation.',
      'Meitu 美图 adds image tools.',
      'SenseTime 商汤 trains a video model.',
      'Zhipu 智谱 ships GLM-4V.',
      'MiniMax 海螺 video goes abroad.',
    ]
    await page
      .getByLabel('Files', { exact: true })
      .setInputFiles([
        ...notes.map((text, i) => ({ name: `bulk-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) })),
        { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from(makeBinary()) },
      ])
    await page.getByRole('button', { name: 'Upload and find mentions' }).click()
    await page.waitForURL(/\/jobs\/\d+$/)
    const jobUrl = page.url()
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Background job #\d+$/)
    expect(await page.locator('.job-page header').textContent()).toContain('Bulk upload of documents')
    expect(await page.locator('.job-progress progress').count()).toBe(1)
    // The page polls itself until the job is done; then every file has its outcome.
    await expect.poll(() => page.locator('.job-badge-done').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.job-files .ingest-results li').count()).toBe(6)
    expect(await page.locator('.job-counts').textContent()).toBe('6 of 6')
    expect(await page.locator('.job-file-counts').textContent()).toContain('5 ingested')
    expect(await page.locator('.job-file-counts').textContent()).toContain('1 refused')
    expect(await page.locator('.job-files li.is-refused').textContent()).toContain('This is not a text file')
    await page.screenshot({ path: artifact('documents-job-en.png') })
    await page.locator('.job-files li').first().getByRole('link').click()
    await expect.poll(() => page.locator('mark.mention').first().textContent()).toBe('Kuaishou')
    await page.goto(jobUrl)
    await page.waitForLoadState('networkidle')
    await page.getByRole('button', { name: 'Language' }).click()
    await expect.poll(() => page.locator('.job-file-counts').textContent()).toContain('已入库 5 个')
    await page.screenshot({ path: artifact('documents-job-zh.png') })
    await context.close()
  })

  it('a URL on this machine is refused with the reason next to the field; an analyst can start a rescan', async () => {
    const { context, page } = await team.signIn(ANALYST_EMAIL, MEMBER_PASSWORD)
    await page.goto(`${team.app.url}/documents`)
    await openAddPanel(page)
    await page.getByLabel('Address (URL)').fill('http://127.0.0.1:1/report.html')
    await page.getByRole('button', { name: 'Fetch and find mentions' }).click()
    const error = page.locator('#doc-url-error')
    await expect.poll(() => error.textContent()).toContain('Refused: 127.0.0.1 is not a public internet address')
    expect(await page.getByLabel('Address (URL)').inputValue()).toBe('http://127.0.0.1:1/report.html')
    await page.screenshot({ path: artifact('documents-url-refused-en.png') })

    await page.getByRole('button', { name: 'Find mentions again' }).click()
    await page.waitForURL(/\/jobs\/\d+$/)
    await expect.poll(() => page.locator('.job-page header').textContent()).toContain('Find mentions again in all documents')
    await expect.poll(() => page.locator('.job-badge-done').count(), { timeout: 60_000 }).toBe(1)
    await context.close()
  })

  it('had no script errors or hydration mismatches', () => {
    expect(team.problems).toEqual([])
  })
})
