import { type AccuracyText, text } from './types.ts'

// A later batch across every source, written after the engine work began so that it was
// not tuned on them: ticker styles the first batch lacks (01357 in brackets, HK:9988,
// NASDAQ: ADBE), names without their hyphen (GPT4o), and homonyms from medicine and the
// Hong Kong press (Meta分析, 蘋果日報). Written for this corpus.

export const MIXED_SOURCES: AccuracyText[] = [
  text(
    'm01',
    'broker',
    'zh-Hans',
    ['tickers'],
    { Meitu: 2, Kuaishou: 2, Tencent: 2 },
    '美图公司(01357)与快手(1024 HK)同日发布视频生成模型更新；腾讯 00700.HK 收涨2%。',
  ),
  text(
    'm02',
    'news',
    'en',
    ['tickers'],
    { NVIDIA: 2, Adobe: 2, Alibaba: 2 },
    "Nvidia (NVDA) and Adobe (NASDAQ: ADBE) led the gains; Alibaba's HK:9988 line lagged in Hong Kong.",
  ),
  text(
    'm03',
    'news',
    'zh-Hant',
    ['traditional'],
    { 'Kunlun Tech': 2, iFlytek: 2, SenseTime: 1 },
    '崑崙萬維旗下天工AI與科大訊飛的星火大模型均已支援語音輸入；商湯則聚焦視覺。',
  ),
  text('m04', 'wechat', 'zh-Hans', ['latin-case'], { OpenAI: 4 }, 'chatgpt、gpt-4o与dall-e 3的组合，让OpenAI在多模态上领先了一个身位。'),
  text('m05', 'news', 'zh-Hans', ['negative'], {}, '一项纳入12项随机对照试验的Meta分析显示，该药物可显著降低复发率。'),
  text('m06', 'news', 'zh-Hant', ['negative', 'traditional'], {}, '據蘋果日報當年報導，那篇頭版曾引起社會熱議。'),
  text('m07', 'news', 'zh-Hans', ['negative', 'latin-case'], { OpenAI: 1 }, 'OpenAI首席执行官SAM ALTMAN表示，下一代模型将更擅长推理。'),
  text(
    'm08',
    'broker',
    'zh-Hans',
    ['lists'],
    { 'Stability AI': 1, Midjourney: 1, Runway: 1 },
    '海外图像生成三强：Stability、Midjourney和Runway，各自的商业模式截然不同。',
  ),
  text(
    'm09',
    'news',
    'en',
    ['latin-case', 'baseline'],
    { Pika: 1, Runway: 2 },
    "Sources said Pika 2.2 and Runway's Gen-3 Alpha Turbo both cut their prices this month.",
  ),
  text('m10', 'wechat', 'zh-Hans', ['latin-case'], { OpenAI: 1, Alphabet: 1 }, 'GPT4o的语音模式与Gemini Live相比，延迟更低。'),
  text('m11', 'broker', 'zh-Hans', ['tickers'], { Alibaba: 2 }, '我们测算阿里云AI相关收入今年将翻倍，阿里巴巴-SW的港股估值仍低于同业。'),
  text(
    'm12',
    'news',
    'en',
    ['negative', 'ordinary-words'],
    {},
    "Claude Monet's water lilies sold for $74m at an auction in New York on Tuesday.",
  ),
  text('m13', 'news', 'zh-Hant', ['traditional'], { ByteDance: 3 }, '字節跳動旗下TikTok在台灣推出AI特效，CapCut同步更新了模板庫。'),
  text('m14', 'wechat', 'zh-Hans', ['negative', 'ordinary-words'], {}, '苹果醋和苹果汁的销量今年都不错，果汁饮料板块整体增长。'),
]
