// Inputs for hostile.bench.ts: an ordinary research note and pathological texts of the
// same length, and the wrappers that turn a text into what each path reads (an HTML page,
// a PDF, a feed). Deterministic: the same bytes on every run.
import { createRandom } from './bench-kit.ts'

export interface HostileCase {
  name: string
  /** Builds `size` UTF-16 units of the input (about that many bytes for these). */
  make: (size: number) => string
}

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
const around = (before: string, unit: string, after: string) => (size: number) =>
  before + fill(unit, size - before.length - after.length) + after

/** Cases that took seconds to hours before issue 11, and their neighbours. */
export const HOSTILE_CASES: HostileCase[] = [
  { name: 'space run', make: around('a', ' ', 'b') },
  { name: 'space run, line break', make: around('a', ' ', 'b\nc') },
  { name: 'spaces between words', make: (size) => fill(`a${' '.repeat(999)}`, size) },
  { name: 'tab run', make: around('a', '\t', 'b') },
  { name: 'nbsp run', make: around('a', '\u00a0', 'b') },
  { name: '&nbsp; run', make: around('a', '&nbsp;', 'b') },
  { name: '&#160; run', make: around('a', '&#160;', 'b') },
  { name: 'ideographic spaces', make: around('a', '\u3000', 'b') },
  { name: 'spaces before breaks', make: (size) => fill(`${' '.repeat(200)}\n`, size) },
  { name: 'line breaks', make: (size) => fill('\n', size) },
  { name: 'CR line breaks', make: (size) => fill('\r', size) },
  { name: 'heading, space run', make: around('# a', ' ', 'x') },
  { name: 'heading run', make: (size) => fill('#', size) },
  { name: 'heading lines', make: (size) => fill(`# a${' '.repeat(60)}#\n`, size) },
  { name: 'nested [ ]', make: (size) => fill('[', size / 2) + fill(']', size / 2) },
  { name: 'nested ( )', make: (size) => fill('(', size / 2) + fill(')', size / 2) },
  { name: 'unclosed <', make: (size) => fill('<', size) },
  { name: 'nested tags', make: (size) => fill('<div>', size) },
  { name: 'HTML comments', make: around('', '<!--a-->', 'x') },
  { name: 'one long line', make: (size) => fill('a', size) },
  { name: 'words, no line break', make: (size) => fill('word ', size) },
  { name: 'a_a_a', make: (size) => fill('a_', size) },
  { name: '*a*a*a', make: (size) => fill('*a', size) },
  { name: 'quote nesting', make: (size) => fill('> ', size) },
  { name: 'list nesting', make: (size) => fill('- ', size) },
  { name: 'bare links, ))))', make: (size) => fill(`www.a.com/${')'.repeat(500)} `, size) },
  { name: 'bare links, glued', make: (size) => fill('(www.a', size) },
  { name: 'CJK line per char', make: (size) => fill('中\n', size) },
  { name: 'dashes', make: (size) => fill('-', size) },
  { name: '&lt; run', make: (size) => fill('&lt;', size) },
  { name: 'control characters', make: around('a', '\u0001', 'b') },
  { name: 'lone surrogates', make: around('a', '\ud800', 'b') },
]

const EN = [
  'Tencent applies its Hunyuan model to advertising and games',
  'video generation costs fell by half this quarter',
  'the consensus expects **multimodal** revenue to double by 2026',
  'see [the CICC note](https://example.com/cicc/2024-03) for the assumptions',
  'data exhaustion remains the main risk to the thesis',
]
const ZH = ['百度发布文心一言新版本', '多模态大模型在电商场景落地', '视频生成的算力成本下降一半', '高质量文本数据将在几年内耗尽']

/** An ordinary research note in Markdown: headings, paragraphs in both languages, lists. */
export function normalText(size: number): string {
  const random = createRandom(11)
  const parts: string[] = []
  let length = 0
  for (let n = 0; length < size; n++) {
    let block: string
    if (n % 20 === 0) block = `## Section ${n / 20 + 1}: ${random.pick(ZH)}`
    else if (n % 7 === 0) block = [0, 1, 2].map(() => `- ${random.pick(EN)}`).join('\n')
    else
      block = Array.from({ length: 3 + random.int(4) }, () => (random.chance(0.4) ? `${random.pick(ZH)}。` : `${random.pick(EN)}.`)).join(
        ' ',
      )
    parts.push(block)
    length += block.length + 2
  }
  return parts.join('\n\n').slice(0, size)
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The text as a saved web page: each blank-line-separated block a paragraph, unescaped. */
export function asHtmlPage(text: string): string {
  const body = text
    .split('\n\n')
    .map((block) => `<p>${block}</p>`)
    .join('\n')
  return `<!doctype html><html><head><meta charset="utf-8"><title>Weekly note</title></head><body><article><h1>Weekly note</h1>\n${body}\n</article></body></html>`
}

/** An RSS feed with one item carrying the page's body as its markup and no title. */
export function asFeed(html: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Notes</title><link>https://feeds.example.com/</link>
<item><guid>note-1</guid><link>https://feeds.example.com/note-1</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>${escapeXml(html)}</description></item></channel></rss>`
}

/**
 * A one-page PDF showing the text line by line in Helvetica (WinAnsi: characters outside
 * Latin-1 become "?"), with the text's first 64 KB as its title.
 */
export function asPdf(text: string): Uint8Array {
  const latin1 = (s: string) => s.replace(/[^\n\u0020-\u007e\u00a0-\u00ff]/g, '?')
  const literal = (s: string) => `(${latin1(s).replace(/[\\()]/g, '\\$&')})`
  // Strings of at most 1,000 characters, as PDF writers cut them (one string per line would
  // hide what a long line costs a reader: PDFium stops reading a string at 32,767 bytes).
  const lines = text.split('\n').map((line) => {
    const pieces = line.match(/[^]{1,1000}/g) ?? ['']
    return `${literal(pieces[0])} ' ${pieces
      .slice(1)
      .map((piece) => `${literal(piece)} Tj`)
      .join(' ')}`
  })
  const content = `BT /F1 10 Tf 12 TL 72 760 Td\n${lines.join('\n')}\nET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${literal(text.slice(0, 65_536).replace(/\n/g, ' '))} /Author (Bench) >>`,
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(pdf, 'latin1'))
}
