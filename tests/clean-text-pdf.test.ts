import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { extractPdf } from '#app/ingest/extract-pdf.server.ts'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { launchBrowser } from './e2e/browser.ts'
import { createCompany } from './factories/companies.ts'

// A PDF printed by chromium with a CJK font, whose text is written with radical code points
// (⾕ U+2F95, ⼿ U+2F3F, ⽇ U+2F47, ⻓ U+2ED3) as some brokers' PDFs are: the font draws them
// like 谷, 手, 日, 长, and the PDF's text layer keeps the radicals. What is stored, shown in
// snippets and copied must be the ordinary characters, and lines the page wrapped are joined.

let conn: Connection
let browser: Browser
let google: number
let kuaishou: number

/** The wrapped paragraph: a narrow column makes chromium break it mid-sentence. */
const WRAPPED = '⾕歌与快⼿今天宣布在视频生成模型领域开展合作，双方将共同开发面向短视频创作者的工具，首批产品预计明年上线。'

async function printPdf(html: string): Promise<Uint8Array> {
  const page = await browser.newPage()
  try {
    await page.setContent(`<html><body style="font-family:'Noto Sans CJK SC','Noto Serif CJK SC';font-size:12pt">${html}</body></html>`)
    return new Uint8Array(await page.pdf({ format: 'A4' }))
  } finally {
    await page.close()
  }
}

beforeAll(async () => {
  conn = await createTestDatabase()
  browser = await launchBrowser()
  google = (await createCompany(conn.db, { nameEn: 'Alphabet', nameZh: '谷歌' })).id
  kuaishou = (await createCompany(conn.db, { nameEn: 'Kuaishou', nameZh: '快手' })).id
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await conn?.close()
})

describe('text of a PDF with radical look-alikes', () => {
  it('is stored, matched and shown in snippets as 谷歌 and 快手, with wrapped lines joined', async () => {
    const bytes = await printPdf(
      `<h1>⾏业周报</h1><p style="width:24em">${WRAPPED}</p><p>⽇期：下周⼀。⻓江存储也在名单上。</p>` +
        '<p>The compa-<br>ny said Kuaishou-<br>listed peers rose.</p>',
    )
    // The PDF itself carries the radicals: without cleaning they would reach the database.
    const raw = (await extractPdf(bytes)).text
    expect(raw).toContain('⾕歌')
    expect(raw).toMatch(/\p{Script=Han}\n\p{Script=Han}/u)

    const result = await ingestDocument(conn.db, { file: { name: 'weekly.pdf', bytes } })
    const doc = await conn.db.selectFrom('document').select('body').where('id', '=', result.document.id).executeTakeFirstOrThrow()
    expect(doc.body).not.toMatch(/[\u2e80-\u2eff\u2f00-\u2fdf]/u)
    expect(doc.body).toContain(WRAPPED.replace('⾕', '谷').replace('⼿', '手'))
    expect(doc.body).toContain('日期：下周一。长江存储')
    expect(doc.body).toContain('行业周报\n')
    expect(doc.body).toContain('The company said Kuaishou-\nlisted peers rose.')

    const mentions = await conn.db
      .selectFrom('mention')
      .select(['company_id', 'snippet', 'start_offset', 'end_offset'])
      .where('document_id', '=', result.document.id)
      .execute()
    const of = (companyId: number) => mentions.filter((m) => m.company_id === companyId)
    expect(of(google).map((m) => doc.body.slice(m.start_offset, m.end_offset))).toEqual(['谷歌'])
    expect(of(kuaishou).map((m) => doc.body.slice(m.start_offset, m.end_offset))).toContain('快手')
    for (const m of mentions) expect(m.snippet).not.toMatch(/[\u2e80-\u2eff\u2f00-\u2fdf]/u)
    expect(of(google)[0].snippet).toContain('谷歌与快手今天宣布')
  }, 60_000)

  it('finds names set justified, letter-spaced, in a table, in columns and vertically', async () => {
    const names = { 腾讯: 'Tencent', 百度: 'Baidu', 美团: 'Meituan', 智谱: 'Zhipu', 商汤: 'SenseTime' }
    const ids = new Map<string, number>()
    for (const [zh, en] of Object.entries(names)) ids.set(zh, (await createCompany(conn.db, { nameEn: en, nameZh: zh })).id)
    const filler = '多模态模型的商业化进度快于预期，我们维持行业推荐评级并上调资本开支预测。'
    const bytes = await printPdf(
      `<p style="width:18em;text-align:justify">${filler}腾讯发布新一代视频生成模型。${filler}</p>` +
        `<p style="letter-spacing:6px">百度的文心一言调用量环比增长。</p>` +
        '<table border="1"><tr><th>公司</th><th>评级</th></tr><tr><td>美团</td><td>买入</td></tr></table>' +
        `<div style="columns:2;column-gap:2em">${filler.repeat(3)}智谱开源了新的视觉模型。${filler.repeat(3)}</div>` +
        '<div style="writing-mode:vertical-rl;height:12em">竖排：商汤发布新模型</div>',
    )
    const result = await ingestDocument(conn.db, { file: { name: 'layouts.pdf', bytes } })
    const doc = await conn.db.selectFrom('document').select('body').where('id', '=', result.document.id).executeTakeFirstOrThrow()
    const mentions = await conn.db
      .selectFrom('mention')
      .select(['company_id', 'start_offset', 'end_offset'])
      .where('document_id', '=', result.document.id)
      .execute()
    for (const [zh, id] of ids) {
      const found = mentions.filter((m) => m.company_id === id).map((m) => doc.body.slice(m.start_offset, m.end_offset))
      expect(found, zh).toEqual([zh])
    }
  }, 60_000)
})
