import { type AccuracyText, text } from './types.ts'

// Exchange filings: A-share announcements (证券代码 / 证券简称 headers), HKEX announcements in
// traditional Chinese and English (股份代號 / Stock Code), a US annual-report paragraph.
// Written for this corpus in the layout such filings have.

const SZ_OATH = '本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。'
const HK_DISCLAIMER =
  '香港交易及結算所有限公司及香港聯合交易所有限公司對本公告的內容概不負責，對其準確性或完整性亦不發表任何聲明，並明確表示，概不對因本公告全部或任何部分內容而產生或因倚賴該等內容而引致的任何損失承擔任何責任。'

export const EXCHANGE_FILINGS: AccuracyText[] = [
  text(
    'f01',
    'filing',
    'zh-Hans',
    ['tickers', 'baseline'],
    { Wondershare: 4 },
    [
      '证券代码：300624　　证券简称：万兴科技　　公告编号：2024-012',
      '万兴科技集团股份有限公司关于自愿披露音视频多媒体大模型进展的公告',
      SZ_OATH,
      '近日，公司发布万兴天幕2.0，新增文生视频、视频续写等能力，并已向部分海外用户开放测试。本次发布对公司当期业绩不构成重大影响。',
    ].join('\n'),
  ),
  text(
    'f02',
    'filing',
    'zh-Hans',
    ['tickers'],
    { 'Kunlun Tech': 5 },
    [
      '证券代码：300418　　证券简称：昆仑万维　　公告编号：2024-056',
      '北京昆仑万维科技股份有限公司关于天工AI相关业务进展的自愿性信息披露公告',
      SZ_OATH,
      '近日，公司旗下天工AI音乐大模型完成升级，可根据文字描述生成带人声的完整歌曲。敬请广大投资者注意投资风险。',
    ].join('\n'),
  ),
  text(
    'f03',
    'filing',
    'zh-Hant',
    ['traditional', 'tickers'],
    { Tencent: 7 },
    [
      HK_DISCLAIMER,
      'TENCENT HOLDINGS LIMITED',
      '騰訊控股有限公司',
      '（於開曼群島註冊成立的有限公司）',
      '（股份代號：700）',
      '自願公告：騰訊混元大模型業務更新',
      '本公司董事會宣佈，騰訊混元文生視頻模型已正式開源，參數規模達130億。',
    ].join('\n'),
  ),
  text(
    'f04',
    'filing',
    'en',
    ['tickers', 'latin-case'],
    { Kuaishou: 6 },
    [
      'KUAISHOU TECHNOLOGY',
      '快手科技',
      '(A company controlled through weighted voting rights and incorporated in the Cayman Islands with limited liability)',
      '(Stock Code: 1024)',
      'VOLUNTARY ANNOUNCEMENT: BUSINESS UPDATE ON KLING AI',
      'The board of directors of Kuaishou Technology (the "Company") announces that Kling AI, the video generation model of the Group, has accumulated more than 6 million users since its launch in June 2024.',
    ].join('\n'),
  ),
  text(
    'f05',
    'filing',
    'zh-Hant',
    ['traditional', 'tickers'],
    { Meitu: 6 },
    [
      '美圖公司 Meitu, Inc.',
      '（於開曼群島註冊成立的有限公司）',
      '（股份代號：1357）',
      '自願性公告：美圖發佈奇想智能大模型MiracleVision 5.0',
      '董事會欣然宣佈，新版本大幅提升了視頻生成的連貫性，並已應用於本集團的設計與廣告產品。',
    ].join('\n'),
  ),
  text(
    'f06',
    'filing',
    'zh-Hans',
    ['tickers', 'lists'],
    { Wondershare: 3, Adobe: 1, ByteDance: 2 },
    [
      '证券代码：300624　　证券简称：万兴科技',
      '关于深圳证券交易所问询函的回复公告',
      '问题一回复：公司在视频创意软件领域的主要竞争对手包括Adobe、Canva以及剪映（CapCut）等。与竞争对手相比，万兴科技的产品更侧重个人与中小企业用户。',
    ].join('\n'),
  ),
  text(
    'f07',
    'filing',
    'mixed',
    ['tickers', 'latin-case'],
    { Baidu: 4 },
    [
      'BAIDU, INC.',
      '百度集團股份有限公司',
      '(Stock Code: 9888 (HKD counter) and 89888 (RMB counter))',
      'ANNOUNCEMENT: LAUNCH OF ERNIE 4.0',
      "The Board is pleased to announce that the latest version of its foundation model was launched at the company's annual technology conference in Beijing.",
    ].join('\n'),
  ),
  text(
    'f08',
    'filing',
    'en',
    ['tickers', 'baseline'],
    { Alphabet: 4 },
    "Item 5. Market for Registrant's Common Equity. Alphabet Inc.'s Class A common stock has been listed on the Nasdaq Global Select Market under the symbol GOOGL since April 2014. Item 7. In December 2023 we introduced Gemini, our most capable AI model, which is being integrated across Google products.",
  ),
  text(
    'f09',
    'filing',
    'zh-Hans',
    ['tickers'],
    { iFlytek: 5 },
    [
      '证券代码：002230　　证券简称：科大讯飞　　公告编号：2024-031',
      '科大讯飞股份有限公司关于讯飞星火认知大模型V4.0发布的自愿性信息披露公告',
      SZ_OATH,
      '本次升级后，星火大模型在文本生成、语言理解、多模态交互等方面的能力进一步提升。',
    ].join('\n'),
  ),
  text(
    'f10',
    'filing',
    'zh-Hant',
    ['traditional', 'tickers'],
    { Kuaishou: 5 },
    [
      HK_DISCLAIMER,
      '快手科技（股份代號：1024）',
      '自願公告：可靈AI業務最新進展',
      '截至本公告日期，快手可靈的月活躍用戶已突破一千萬。',
    ].join('\n'),
  ),
  text(
    'f11',
    'filing',
    'mixed',
    ['traditional', 'tickers'],
    { SenseTime: 5 },
    [
      '商湯集團股份有限公司 SenseTime Group Inc.',
      '（股份代號：0020）',
      '自願公告：發佈日日新SenseNova 5.0大模型體系',
      '新版本在多模態理解與文生圖方面的表現已接近國際領先水平。',
    ].join('\n'),
  ),
  text(
    'f12',
    'filing',
    'en',
    ['tickers'],
    { Alibaba: 5 },
    'Alibaba Group Holding Limited (NYSE: BABA and HKEX: 9988 (HKD Counter) and 89988 (RMB Counter)) today announced its results for the quarter. Revenue from AI-related products at Alibaba Cloud grew by triple digits for the fifth quarter in a row, and Qwen models were downloaded more than 40 million times.',
  ),
  text(
    'f13',
    'filing',
    'zh-Hans',
    ['negative', 'tickers'],
    {},
    [
      '证券代码：600585　　证券简称：海螺水泥　　公告编号：临2024-020',
      '安徽海螺水泥股份有限公司2024年第一季度主要经营数据公告',
      '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。',
    ].join('\n'),
  ),
  text(
    'f14',
    'filing',
    'zh-Hant',
    ['negative', 'traditional', 'baseline'],
    {},
    ['美團 Meituan（股份代號：3690）', '截至2024年3月31日止三個月業績公告', '核心本地商業分部收入同比增長，美團外賣訂單量創新高。'].join(
      '\n',
    ),
  ),
  text(
    'f15',
    'filing',
    'zh-Hans',
    ['negative'],
    {},
    [
      '证券代码：300xxx　　证券简称：某影视',
      '关于电视剧《成汤》取得发行许可证的公告',
      '该剧讲述商汤联合伊尹起兵、于鸣条之战击败夏桀、建立商朝的历史故事，预计于下半年在卫视播出。',
    ].join('\n'),
  ),
  text(
    'f16',
    'filing',
    'mixed',
    ['tickers'],
    { Zhihu: null },
    '知乎 Zhihu Inc.（纽约证券交易所股票代码：ZH；香港联交所股份代号：2390）今日公布截至2024年6月30日止季度的未经审计财务业绩。',
  ),
]
