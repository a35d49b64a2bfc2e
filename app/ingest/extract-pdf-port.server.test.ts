import { describe, expect, it } from 'vitest'

import { makeReportPdf } from '#tests/fixtures/documents.ts'

import { readPdfSliceWithPdfJs } from './extract-pdf-pdfjs.server.ts'
import { InThreadPdfPort } from './extract-pdf-port.server.ts'

function nextMessage(port: InThreadPdfPort): Promise<unknown> {
  return new Promise((resolve) => port.addEventListener('message', (event) => resolve(event.data)))
}

describe('the in-thread pdf.js port', () => {
  it('delivers a message as it was when sent, though the sender changes it afterwards', async () => {
    const port = new InThreadPdfPort()
    const received = nextMessage(port)
    const chunk = { items: [{ str: '腾讯', transform: [1, 0, 0, 1, 72, 700] }], styles: Object.create(null) as object }
    port.postMessage({ stream: 4, chunk })
    chunk.items = []
    chunk.items.push({ str: 'later', transform: [] })
    expect(await received).toEqual({ stream: 4, chunk: { items: [{ str: '腾讯', transform: [1, 0, 0, 1, 72, 700] }], styles: {} } })
  })

  it('hands transferred buffers over and copies errors and untransferred bytes as structuredClone does', async () => {
    const port = new InThreadPdfPort()
    const received = nextMessage(port)
    const transferred = new Uint8Array([1, 2, 3])
    const kept = new Uint8Array([4, 5])
    port.postMessage({ transferred, kept, reason: new Error('bad xref') }, [transferred.buffer])
    kept[0] = 9
    const data = (await received) as { transferred: Uint8Array; kept: Uint8Array; reason: Error }
    expect(data.transferred).toBe(transferred)
    expect([...data.kept]).toEqual([4, 5])
    expect(data.reason).toBeInstanceOf(Error)
    expect(data.reason.message).toBe('bad xref')
  })
})

describe('pdf.js in this thread', () => {
  it("leaves the thread's native Array.prototype.push and JSON.parse in place (its core-js would slow every push)", async () => {
    const { push } = Array.prototype
    const { parse } = JSON
    const pdf = await readPdfSliceWithPdfJs(await makeReportPdf(), 0, 1, 1)
    expect(pdf.pages[0]).toContain('Tencent applies its Hunyuan model')
    expect(pdf.info).toMatchObject({ pages: 3, title: 'Multimodal AI outlook', publisher: 'CICC', publishedOn: '2024-03-05' })
    expect(Array.prototype.push).toBe(push)
    expect(JSON.parse).toBe(parse)
  })
})
