import { describe, expect, it } from 'vitest'

import { makeBinary, utf8 } from '#tests/fixtures/documents.ts'

import { cleanDocumentText, decodeTextBytes, extractMarkdown, extractPlainText } from './extract-text.server.ts'
import { IngestError } from './ingest-error.ts'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof IngestError ? error.reason : error
  }
  return null
}

describe('text files', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 with BOM, and GB18030', () => {
    expect(decodeTextBytes(utf8('腾讯 Tencent'))).toBe('腾讯 Tencent')
    expect(decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('百度')]))).toBe('百度')
    expect(decodeTextBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from('百度 Baidu', 'utf16le')]))).toBe('百度 Baidu')
    // 百度 in GBK, as Chinese Windows tools save it
    expect(decodeTextBytes(new Uint8Array([0xb0, 0xd9, 0xb6, 0xc8]))).toBe('百度')
  })

  it('refuses binary files renamed .txt', () => {
    expect(refusal(() => decodeTextBytes(makeBinary()))).toBe('binary')
    // no NUL bytes, but invalid in every encoding and full of control characters
    const noNul = makeBinary().map((b) => (b === 0 ? 1 : b))
    expect(refusal(() => decodeTextBytes(noNul))).toBe('binary')
  })

  it('cleans text into its stored form', () => {
    expect(cleanDocumentText('a\r\nb\u0000c  \n\n\n\nd\ud800e\f')).toBe('a\nbc\n\nd\ufffde')
    expect(extractPlainText(utf8('\n\n  Title\n'))).toBe('Title')
  })

  it('reads Markdown as text, without markup or link targets, and runs nothing', () => {
    const text = extractMarkdown(
      utf8('# 多模态周报\n\n**Tencent** and [Baidu](https://www.baidu.com) ship.\n\n- 百度\n- 腾讯\n\n<script>alert(1)</script>'),
    )
    expect(text).toBe('多模态周报\n\nTencent and Baidu ship.\n\n百度\n\n腾讯')
  })
})
