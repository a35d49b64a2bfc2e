import { readFileSync } from 'node:fs'

import ExcelJS from 'exceljs'
import { PDFDocument } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { artifact } from './browser.ts'
import { ADMIN, setUpTeam, switchLanguage, type Team } from './team.ts'

// The lead opens this week's meeting on the demo team's history, presents it with the
// keyboard (the URL follows the slide), and takes it away as PNG, PDF and XLSX files.

let team: Team
let page: Page
let meetingUrl = ''
const SLIDES = 9

const currentSlide = () => page.locator('.slide.is-current').getAttribute('data-slide')
const slideParam = () => new URL(page.url()).searchParams.get('slide')

async function printPdf(): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  return pdf
}

interface PdfLine {
  page: number
  y: number
  text: string
}

/** The PDF's text as lines (pieces at the same height on a page), NFKC so CJK radicals read as characters. */
async function pdfLines(pdf: Buffer): Promise<PdfLine[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise
  const lines: PdfLine[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    const byY = new Map<number, string>()
    for (const item of content.items) {
      if (!('str' in item)) continue
      const y = Math.round(item.transform[5])
      byY.set(y, (byY.get(y) ?? '') + item.str)
    }
    for (const [y, text] of byY) lines.push({ page: n, y, text: text.normalize('NFKC') })
  }
  return lines
}

beforeAll(async () => {
  team = await setUpTeam({ members: 'admin', env: { SEED_DEMO_HISTORY: 'on' } })
  const session = await team.signIn(ADMIN.email, ADMIN.password, { acceptDownloads: true })
  page = session.page
})
afterAll(async () => {
  await team?.close()
})

describe('the weekly meeting in the browser', () => {
  it('opens this week from the header with nine slides and last week’s decisions', async () => {
    await page.getByRole('link', { name: 'Meeting', exact: true }).click()
    await page.waitForURL(/\/meetings\/\d{4}-W\d{2}/)
    meetingUrl = page.url()
    await expect.poll(() => page.locator('section.slide').count()).toBe(SLIDES)
    await expect.poll(() => page.locator('.previous-notes h3').first().textContent()).toMatch(/Decided at the previous meeting/)
    expect(await page.locator('#maturity-heatmap td[data-cell]').count()).toBeGreaterThan(20)
    // Each move and each cell to discuss names its modality and dimension (the page's data
    // names them by id; the slides look the names up).
    const cells = await page.locator('.slide-moves tbody td:first-child, .slide-discuss .discuss-cell h3').allTextContents()
    expect(cells.length).toBeGreaterThan(1)
    for (const cell of cells) expect(cell).toMatch(/^[^?×]+ × [^?×]+$/)
    await page.screenshot({ path: artifact('meeting-en.png') })
  })

  it('answers a week that does not exist with a 404 page that says so', async () => {
    const res = await page.goto(`${team.app.url}/meetings/2026-W60`)
    expect(res?.status()).toBe(404)
    await expect.poll(() => page.locator('.error-page').textContent()).toContain('is not an ISO week')
  })

  it('presents full screen and moves with the arrow keys and PageUp/PageDown, the URL following', async () => {
    await page.goto(meetingUrl)
    await page.getByRole('link', { name: /Present/ }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1')
    await expect.poll(currentSlide).toBe('1')
    await expect.poll(() => page.locator('.app-header').isVisible()).toBe(false)
    await page.keyboard.press('ArrowRight')
    await expect.poll(slideParam).toBe('2')
    await expect.poll(currentSlide).toBe('2')
    await page.keyboard.press('PageDown')
    await expect.poll(slideParam).toBe('3')
    await page.keyboard.press('PageUp')
    await expect.poll(slideParam).toBe('2')
    await page.keyboard.press('End')
    await expect.poll(slideParam).toBe(String(SLIDES))
    await page.keyboard.press('ArrowRight')
    await expect.poll(slideParam).toBe(String(SLIDES))
    // A reload opens the same slide. The keys work once the page is hydrated: a key pressed
    // before that is lost, as it would be for a person.
    await page.reload()
    await expect.poll(currentSlide).toBe(String(SLIDES))
    await page.waitForLoadState('networkidle')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(slideParam).toBe(String(SLIDES - 1))
    await page.keyboard.press('Escape')
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull()
    await expect.poll(() => page.locator('section.slide:visible').count()).toBe(SLIDES)
  })

  it('opens the notes over the current slide with "n", saves them there, and Esc closes only the panel', async () => {
    const url = new URL(meetingUrl)
    url.searchParams.set('present', '1')
    url.searchParams.set('slide', '2')
    await page.goto(url.toString())
    await expect.poll(currentSlide).toBe('2')
    await page.waitForLoadState('networkidle') // hydrated: the keys work
    await page.keyboard.press('n')
    const panel = page.locator('.meeting-notes.is-panel')
    await expect.poll(() => panel.isVisible()).toBe(true)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meeting-actionsMd')
    // Typing "n" in the panel is text, not the shortcut.
    await page.keyboard.type('- Bo: ask Kuaishou about n-grams')
    await expect.poll(() => panel.isVisible()).toBe(true)
    await panel.getByRole('button', { name: 'Save notes' }).click()
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Notes saved.')
    await page.screenshot({ path: artifact('meeting-notes-panel-en.png') })
    await page.keyboard.press('Escape')
    await expect.poll(() => panel.isVisible()).toBe(false)
    expect(new URL(page.url()).searchParams.get('present')).toBe('1')
    expect(await currentSlide()).toBe('2')
    await page.keyboard.press('ArrowRight')
    await expect.poll(slideParam).toBe('3')
    await page.keyboard.press('Escape')
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull()
    expect(await page.getByRole('textbox', { name: 'Action items' }).inputValue()).toBe('- Bo: ask Kuaishou about n-grams')
  })

  it('closes the week only with its own button, saying who and when, and an administrator opens it again', async () => {
    await page.goto(meetingUrl)
    const close = page.locator('.meeting-close')
    const previous = shiftIsoWeek(new URL(meetingUrl).pathname.split('/').pop()!, -1)
    await close.getByRole('button', { name: `Close week ${previous}` }).click()
    await expect.poll(() => close.textContent()).toContain(`Weeks up to ${previous} closed for scoring by ${ADMIN.name}`)
    await page.goto(`${team.app.url}/themes/multimodal-ai/scores?week=${previous}`)
    await expect.poll(() => page.locator('.week-locked-notice').count()).toBe(1)
    await page.goto(meetingUrl)
    await close.getByRole('button', { name: 'Open again' }).click()
    await expect.poll(() => close.getByRole('button', { name: `Close week ${previous}` }).count()).toBe(1)
  })

  it('exports a chart as a PNG at twice its size', async () => {
    // Two weeks ago the team's video consensus moved, so the history slide has a chart.
    const week = shiftIsoWeek(new URL(meetingUrl).pathname.split('/').pop()!, -2)
    await page.goto(`${team.app.url}/meetings/${week}`)
    const chart = page.locator('.slide-history .meeting-chart').first()
    await expect.poll(() => chart.locator('img').getAttribute('width')).toBe('1180')
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /PNG/ }).click()])
    const bytes = readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(bytes.readUInt32BE(16)).toBe(2360)
    expect(download.suggestedFilename()).toMatch(/^multimodal-ai-.*history.*\.png$/)
  })

  it('prints one slide per landscape page to PDF', async () => {
    await page.goto(meetingUrl)
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
    })
    await page.emulateMedia({ media: 'screen' })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const doc = await PDFDocument.load(pdf)
    expect(doc.getPageCount()).toBe(SLIDES)
    const { width, height } = doc.getPage(0).getSize()
    expect(width).toBeGreaterThan(height)
  })

  it('puts every watchlist change in the PDF (the projector shows eight), with each list named', async () => {
    // Ten companies imported into a watchlist this week: more than the projector shows.
    await page.goto(`${team.app.url}/watchlists`)
    const listPath = await page.getByRole('link', { name: 'Multimodal core' }).first().getAttribute('href')
    const names = Array.from({ length: 10 }, (_, i) => `Pdfrow Robotics ${i + 1}`)
    const imported = await page.request.post(`${team.app.url}${listPath}/import`, {
      headers: { Origin: team.app.url },
      multipart: {
        intent: 'import',
        createMissing: 'on',
        region: 'domestic',
        vendorType: 'application_company',
        file: {
          name: 'rows.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`company,rationale\n${names.map((n) => `${n},why ${n}`).join('\n')}\n`),
        },
      },
    })
    expect(imported.status()).toBe(200)
    await page.goto(meetingUrl)
    await expect.poll(() => page.locator('.slide-watchlists').textContent()).toContain('more in the PDF')
    const lines = await pdfLines(await printPdf())
    const text = lines.map((l) => l.text).join('\n')
    for (const name of names) expect(text).toContain(name)
    expect(text).not.toContain('more in the')
    expect(text).toMatch(/Multimodal core: \d+ companies/)
  })

  it('prints the Chinese matrix with each row label on one line', async () => {
    await page.goto(meetingUrl)
    await switchLanguage(page)
    await page.goto(meetingUrl)
    await expect.poll(() => page.locator('.slide-matrix h2').textContent()).toContain('成熟度')
    expect(await page.locator('.slide-moves tbody td:first-child').first().textContent()).toMatch(/^\p{Script=Han}.* × \p{Script=Han}/u)
    const lines = await pdfLines(await printPdf())
    await switchLanguage(page)
    const firstPage = lines.filter((l) => l.page === 1).map((l) => l.text)
    expect(firstPage.some((l) => l.startsWith('文本'))).toBe(true)
    expect(firstPage.some((l) => l.startsWith('任意模态'))).toBe(true)
  })

  it('downloads the meeting data as XLSX', async () => {
    await page.goto(meetingUrl)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'XLSX' }).click()])
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
    expect(workbook.worksheets.map((w) => w.name)).toContain('Moves and reasons')
  })

  it('saves the lead’s notes for the meeting', async () => {
    await page.goto(meetingUrl)
    await page.getByRole('textbox', { name: 'Action items' }).fill('- Ana: check the 3D numbers')
    await page.getByRole('textbox', { name: 'Notes and decisions' }).fill('3D stays at **exploration**.')
    await page.getByRole('button', { name: 'Save notes' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Notes saved.')
  })

  it('switches to dark colours and remembers the choice', async () => {
    await page.goto(meetingUrl)
    await page.locator('.scheme-toggle').click()
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    await page.reload()
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(16, 21, 28)')
    await page.locator('.scheme-toggle').click()
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light')
  })

  it('raised no script errors or hydration mismatches', () => {
    expect(team.problems).toEqual([])
  })
})
