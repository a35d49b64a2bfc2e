import { type AccuracyText, text } from './types.ts'

// Hong Kong and Taiwan press in traditional script, and Chinese notes that write Latin
// names in whatever case the author typed. Written for this corpus.

export const HK_TAIWAN_PRESS: AccuracyText[] = [
  text(
    't01',
    'news',
    'zh-Hant',
    ['traditional', 'latin-case', 'lists'],
    { OpenAI: 2, Runway: 1, Pika: 1 },
    'OpenAI推出Sora後，台灣影音新創也開始用RUNWAY與Pika製作廣告短片。',
  ),
  text(
    't02',
    'news',
    'zh-Hant',
    ['traditional', 'tickers'],
    { Baidu: 4 },
    '百度文心一言用戶數突破3億，蘿蔔快跑在武漢擴大營運；百度集團（9888.HK）股價隔日回落。',
  ),
  text(
    't03',
    'news',
    'zh-Hant',
    ['traditional', 'tickers'],
    { Apple: 3 },
    '蘋果（AAPL）宣布Apple Intelligence將支援繁體中文，但台灣用戶仍需等到明年。',
  ),
  text(
    't04',
    'news',
    'zh-Hant',
    ['traditional', 'lists', 'baseline'],
    { Xiaohongshu: 1, Douyin: 1, Zhihu: 1 },
    '小紅書與抖音上AI生成內容的比例持續上升，知乎則推出了AI搜尋。',
  ),
  text(
    't05',
    'wechat',
    'zh-Hans',
    ['latin-case'],
    { 'Meta Platforms': 2, Alphabet: 1 },
    'META开源LLAMA 3，谷歌跟进发布小尺寸开源模型，开源与闭源模型的差距正在缩小。',
  ),
  text(
    't06',
    'wechat',
    'zh-Hans',
    ['latin-case', 'lists'],
    { OpenAI: 2, Anthropic: 1 },
    '我们先用openai的whisper做会议转写，再交给claude写纪要，效率提升明显。',
  ),
  text(
    't07',
    'news',
    'zh-Hans',
    ['latin-case'],
    { 'Stability AI': 1, Midjourney: 1 },
    'STABILITY AI发布第三代开源图像模型，MIDJOURNEY则推出了网页版编辑器。',
  ),
  text(
    't08',
    'news',
    'zh-Hant',
    ['traditional', 'negative', 'ordinary-words'],
    {},
    '日本青森的蘋果今年豐收，每顆售價比去年便宜了三成，超市排起長龍。',
  ),
  text(
    't09',
    'broker',
    'zh-Hans',
    ['tickers', 'lists'],
    { Tencent: 1, Alibaba: 1, Kuaishou: 1 },
    '港股通标的：00700 HK、09988 HK、01024 HK本周均获南向资金净买入。',
  ),
  text(
    't10',
    'news',
    'en',
    ['latin-case'],
    { Kuaishou: 2, ByteDance: 1 },
    "Kuaishou's KLING 1.6 beat ByteDance's latest video model on motion quality in a blind test run by a Hong Kong broker.",
  ),
]
