// Broker-style PDFs for the ingest benchmark (issue 14): Chinese and English paragraphs
// naming the demo registry's companies, a header and a disclaimer on every page, printed
// by the browser tests' chromium with Noto CJK embedded (fonts-noto-cjk), as a broker's
// report would be. Deterministic: the same seed gives the same text.
import { readFileSync } from 'node:fs'

import type { Browser } from 'playwright-core'

import { createRandom } from './bench-kit.ts'

const COMPANIES_ZH = [
  '百度',
  '阿里巴巴',
  '字节跳动',
  '腾讯',
  '科大讯飞',
  '商汤',
  '快手',
  '华为',
  '谷歌',
  '微软',
  '英伟达',
  '智谱',
  '月之暗面',
]
const COMPANIES_EN = ['OpenAI', 'Microsoft', 'NVIDIA', 'Anthropic', 'Midjourney', 'Runway', 'Adobe', 'Kuaishou', 'Tencent', 'Baidu']

const ZH_PHRASES = [
  '发布了新一代多模态大模型，视频生成时长提升至一分钟',
  '在文生图领域的调用量环比增长，商业化进度快于预期',
  '的算力投入继续加大，我们上调其资本开支预测',
  '与头部内容平台合作，面向短视频创作者推出工具',
  '的语音模型在中文评测中领先，企业客户数量稳步增加',
]
const EN_PHRASES = [
  'raised its guidance for multimodal revenue after a strong quarter',
  'shipped a video model that competes on clip length and consistency',
  'is expanding data-centre capacity, which supports our capex estimates',
  'signed enterprise customers for its image generation API',
]

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** One page: a header, about 23 company mentions in 16 paragraphs, the disclaimer and the page number. */
function pageHtml(page: number, seed: number): string {
  const random = createRandom(seed * 1000 + page)
  const paragraphs: string[] = []
  for (let i = 0; i < 16; i++) {
    if (i % 3 === 2) {
      const a = random.pick(COMPANIES_EN)
      paragraphs.push(`${a} ${random.pick(EN_PHRASES)}; peers such as ${random.pick(COMPANIES_EN)} trade at a discount to the sector.`)
    } else {
      const a = random.pick(COMPANIES_ZH)
      paragraphs.push(
        `${a}${random.pick(ZH_PHRASES)}。我们维持行业“推荐”评级，关注${random.pick(COMPANIES_ZH)}等公司的进展，第${page}页第${i + 1}段。`,
      )
    }
  }
  return (
    `<section style="page-break-after:always">` +
    `<div style="font-size:9pt;border-bottom:1px solid #999">华泰研究 | 行业深度报告 | 传媒与互联网</div>` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<div style="font-size:8pt">请务必阅读正文之后的免责声明部分。Please read the disclaimer at the end of this report.</div>` +
    `<div style="font-size:8pt;text-align:center">${page}</div></section>`
  )
}

/** A `pages`-page report; `seed` makes each file of a bulk upload different. */
export async function makeBrokerPdf(browser: Browser, pages: number, seed = 1): Promise<Uint8Array> {
  const html = Array.from({ length: pages }, (_, i) => pageHtml(i + 1, seed)).join('')
  const tab = await browser.newPage()
  try {
    await tab.setContent(
      `<html><head><title>多模态AI行业深度报告 ${seed}</title></head>` +
        `<body style="font-family:'Noto Sans CJK SC','Noto Serif CJK SC';font-size:10.5pt;line-height:1.5">${html}</body></html>`,
    )
    return new Uint8Array(await tab.pdf({ format: 'A4', margin: { top: '1.5cm', bottom: '1.5cm', left: '2cm', right: '2cm' } }))
  } finally {
    await tab.close()
  }
}

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc/self/stat
 * (Linux; null elsewhere): pdftotext's CPU time, to set beside ours (process.cpuUsage(),
 * every thread of this process: workers and PGlite included). On a busy machine the wall
 * times depend on who else runs (and the workers run at nice 10, decision 048); CPU time
 * much less so.
 */
export function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticksPerSecond = 100
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond
  } catch {
    return null
  }
}
