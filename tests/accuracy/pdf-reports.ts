import { type AccuracyText, pages, text } from './types.ts'

// Text as it comes out of a multi-page PDF: a running header and a disclaimer footer on
// every page, which name the covered companies and tickers. Each such line counts once,
// however many pages repeat it. Written for this corpus.

const WEEKLY_HEADER = '国盛证券研究所 | 传媒行业周报 | 2024年第23周'
const WEEKLY_FOOTER = '本报告涉及的标的：美图公司（1357.HK）、快手-W（1024.HK）。请仔细阅读本报告末页声明。'
const EN_HEADER = 'Asia Internet | Tencent Holdings (700 HK) | 12 April 2024'
const EN_FOOTER = 'Disclosures: Tencent Holdings is or was a client of the firm in the past 12 months. See Appendix A for ratings.'
const HK_HEADER = '中國AI應用專題 | 2024年5月'
const HK_FOOTER = '免責聲明：本報告所述之騰訊控股（00700.HK）及阿里巴巴集團（09988.HK）股份，本公司或其聯屬公司可能持有權益。'
const ANNUAL_HEADER = '科大讯飞股份有限公司2023年年度报告全文'

const page = (...lines: string[]) => lines.join('\n')

export const PDF_REPORTS: AccuracyText[] = [
  text(
    'p01',
    'broker',
    'zh-Hans',
    ['furniture', 'tickers'],
    { Meitu: 3, Kuaishou: 3, 'Kunlun Tech': 1, Wondershare: 1 },
    pages(
      page(WEEKLY_HEADER, '本周AI应用催化密集：可灵上线海外版，美图发布面向电商的设计Agent。', WEEKLY_FOOTER),
      page(WEEKLY_HEADER, '风险提示：AI技术迭代不及预期，监管政策变化，行业竞争加剧。', WEEKLY_FOOTER),
      page(WEEKLY_HEADER, '重点推荐：昆仑万维、万兴科技，建议关注海外收入占比高的AI应用公司。', WEEKLY_FOOTER),
    ),
  ),
  text(
    'p02',
    'broker',
    'en',
    ['furniture', 'tickers', 'baseline'],
    { Tencent: 6, Douyin: 1, ByteDance: 1 },
    pages(
      page(EN_HEADER, "Tencent's ad revenue grew 26% as Hunyuan-generated creatives lifted click-through rates.", EN_FOOTER),
      page(EN_HEADER, 'Ad load on WeChat video accounts doubled in a year but remains well below that of Douyin.', EN_FOOTER),
      page(EN_HEADER, 'Valuation: we raise our target price by 5%; the main risk is competition from ByteDance.', EN_FOOTER),
    ),
  ),
  text(
    'p03',
    'broker',
    'zh-Hant',
    ['furniture', 'traditional', 'tickers'],
    { Tencent: 4, Alibaba: 4, ByteDance: 2 },
    pages(
      page(HK_HEADER, '阿里巴巴通義萬相已支援文生視頻，淘寶商家可批量生成商品短片。', HK_FOOTER),
      page(HK_HEADER, '騰訊混元與字節跳動豆包之間的價格戰仍在持續，模型調用單價一年內下跌九成。', HK_FOOTER),
      page(HK_HEADER, '風險提示：模型迭代不及預期；監管政策變化；行業競爭加劇。', HK_FOOTER),
    ),
  ),
  text(
    'p04',
    'filing',
    'zh-Hans',
    ['furniture'],
    { iFlytek: 3, Huawei: 1 },
    pages(
      page(ANNUAL_HEADER, '第三节 管理层讨论与分析', '报告期内，公司发布讯飞星火认知大模型V3.5，综合能力进一步提升。'),
      page(ANNUAL_HEADER, '公司与华为联合发布星火一体机，支持企业私有化部署。'),
      page(ANNUAL_HEADER, '报告期内，公司研发投入占营业收入的比例约为20%。'),
    ),
  ),
  // A chart title drawn with letter-spacing: the extraction puts a space between glyphs.
  text(
    'p05',
    'broker',
    'zh-Hans',
    ['furniture'],
    { Kuaishou: 1, MiniMax: 1 },
    '图 表 1 2 ： 快 手 与 稀 宇 科 技 的 视 频 模 型 调 用 量 对 比\n资料来源：公司官网，本团队整理',
  ),
]
