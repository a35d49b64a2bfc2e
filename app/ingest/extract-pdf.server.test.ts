import { describe, expect, it } from 'vitest'

import { makeBinary, makeEncryptedPdf, makeReportPdf, utf8 } from '#tests/fixtures/documents.ts'

import { extractFile } from './extract-file.server.ts'
import { extractPdf } from './extract-pdf.server.ts'
import { IngestError } from './ingest-error.ts'

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error instanceof IngestError ? error.reason : error
  }
  return null
}

describe('PDF', () => {
  it('reads every page in order, with the info dictionary', async () => {
    const pdf = await extractPdf(await makeReportPdf())
    expect(pdf.pages).toBe(3)
    expect(pdf.title).toBe('Multimodal AI outlook')
    expect(pdf.publisher).toBe('CICC')
    expect(pdf.publishedOn).toBe('2024-03-05')
    const [one, two, three] = pdf.text.split('\f')
    expect(one).toContain('Tencent applies its Hunyuan model')
    expect(two).toContain('Baidu ships ERNIE Bot')
    expect(three).toContain('slower than expected')
  })

  it('ignores titles written by authoring tools', async () => {
    const pdf = await extractPdf(await makeReportPdf([['Tencent']], { title: 'Microsoft Word - draft3.docx' }))
    expect(pdf.title).toBeNull()
  })

  it('refuses encrypted, corrupt and text-less PDFs with their reason', async () => {
    expect(await refusal(extractPdf(makeEncryptedPdf()))).toBe('encryptedPdf')
    expect(await refusal(extractPdf(makeBinary()))).toBe('corruptPdf')
    expect(await refusal(extractPdf(new Uint8Array([...utf8('%PDF-1.7\n'), ...makeBinary(2000)])))).toBe('corruptPdf')
    expect(await refusal(extractPdf(await makeReportPdf([[], []], {})))).toBe('noTextPdf')
  })
})

describe('files by kind', () => {
  it('knows a PDF by its bytes whatever its name, and refuses unknown types', async () => {
    const pdf = await makeReportPdf()
    expect((await extractFile({ name: 'report.txt', bytes: pdf })).kind).toBe('pdf')
    expect(await refusal(extractFile({ name: 'report.docx', bytes: utf8('PK...') }))).toBe('unsupportedType')
    expect(await refusal(extractFile({ name: 'photo.txt', bytes: makeBinary() }))).toBe('binary')
    expect(await refusal(extractFile({ name: 'empty.txt', bytes: new Uint8Array() }))).toBe('empty')
    expect(await refusal(extractFile({ name: 'scan.pdf', bytes: makeBinary() }))).toBe('corruptPdf')
  })

  it('takes a Markdown title from its first heading and HTML by content type', async () => {
    expect((await extractFile({ name: 'notes.md', bytes: utf8('intro\n\n# 周报：多模态\n\nTencent') })).title).toBe('周报：多模态')
    const html = await extractFile({ name: 'download', bytes: utf8('<title>T</title><p>Baidu</p>'), contentType: 'text/html' })
    expect(html).toMatchObject({ kind: 'html', title: 'T', text: 'Baidu' })
  })
})
