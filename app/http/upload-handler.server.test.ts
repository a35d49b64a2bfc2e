import { describe, expect, it } from 'vitest'

import { multipartStream, type StreamPart, utf8 } from '#tests/fixtures/documents.ts'

import { createDocumentUploadHandler, type UploadLimits, UploadTooLargeError } from './upload-handler.server.ts'

function request(parts: StreamPart[]) {
  const { body, contentType } = multipartStream(parts)
  return new Request('http://localhost/documents', {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType },
    duplex: 'half',
  } as RequestInit)
}

async function parse(parts: StreamPart[], limits: Partial<UploadLimits>) {
  const upload = createDocumentUploadHandler(limits)
  const form = await upload.parse(request(parts))
  return { form, refused: upload.refused }
}

describe('the upload handler', () => {
  it('keeps files under the limit and fields, and reads past a file over it without keeping it', async () => {
    const { form, refused } = await parse(
      [
        { name: 'intent', value: 'upload' },
        { name: 'files', filename: 'a.txt', bytes: utf8('Tencent') },
        { name: 'files', filename: 'big.pdf', size: 5000 },
        { name: 'files', filename: 'b.txt', bytes: utf8('Baidu') },
        { name: 'files', filename: '', size: 0 },
      ],
      { maxFileBytes: 1000 },
    )
    expect(form.get('intent')).toBe('upload')
    const files = form.getAll('files') as File[]
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.txt'])
    expect(await files[1].text()).toBe('Baidu')
    expect(refused).toEqual([{ fileName: 'big.pdf', reason: 'tooLarge', params: { max: 0 } }])
  })

  it('refuses files past the count and the kept total', async () => {
    const parts = ['1', '2', '3'].map((n) => ({ name: 'files', filename: `${n}.txt`, bytes: utf8('x'.repeat(40)) }))
    expect((await parse(parts, { maxFiles: 2 })).refused.map((r) => [r.fileName, r.reason])).toEqual([['3.txt', 'tooMany']])
    expect((await parse(parts, { maxKeptBytes: 100 })).refused.map((r) => [r.fileName, r.reason])).toEqual([['3.txt', 'uploadFull']])
  })

  it('cuts off an oversized text field and an oversized request', async () => {
    await expect(parse([{ name: 'text', value: 'x'.repeat(200) }], { maxFieldBytes: 100 })).rejects.toBeInstanceOf(UploadTooLargeError)
    await expect(parse([{ name: 'files', filename: 'big.pdf', size: 5000 }], { maxRequestBytes: 1000 })).rejects.toBeInstanceOf(
      UploadTooLargeError,
    )
  })

  it('rejects a body cut off inside a file that the handler has not reached yet, with no uncaught error', async () => {
    const boundary = 'cut-off'
    const body = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="Q3; cut.txt"\r\n\r\nhalf a fi`,
    )
    const cut = new Request('http://localhost/documents', {
      method: 'POST',
      body,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    })
    await expect(createDocumentUploadHandler().parse(cut)).rejects.toThrow('Unexpected end of form')
  })
})
