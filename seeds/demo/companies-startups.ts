import { DARK_SIDE_ALBUM, KIMI_PEOPLE } from './negative-context.ts'
import { type DemoCompany, name, product, short } from './types.ts'

// Domestic model start-ups that later research on the theme names next to the big-tech
// vendors, mostly for video generation (海螺AI, 清影, Vidu) and long-context chat (Kimi).

export const DOMESTIC_STARTUPS: DemoCompany[] = [
  {
    nameEn: 'MiniMax',
    nameZh: '稀宇科技',
    region: 'domestic',
    isListed: false,
    vendorType: 'model_company',
    website: 'https://www.minimaxi.com',
    notesMd: 'Private when the reports were written. Its Hailuo (海螺AI) video model was among the first domestic rivals to Sora.',
    tickers: [],
    // Not 海螺 alone: that is also Conch Cement (海螺水泥) and a sea shell.
    aliases: [name('MiniMax', 'any'), name('稀宇科技', 'zh'), product('海螺AI', 'zh'), product('Hailuo AI', 'en'), product('Hailuo', 'en')],
    modalities: ['text', 'video', 'audio'],
  },
  {
    nameEn: 'Zhipu AI',
    nameZh: '智谱',
    region: 'domestic',
    isListed: false,
    vendorType: 'model_company',
    website: 'https://www.zhipuai.cn',
    notesMd: 'A Tsinghua spin-off behind the GLM models and the CogVideoX / 清影 video model.',
    tickers: [],
    aliases: [
      name('智谱', 'zh'),
      name('智谱AI', 'zh'),
      name('智谱华章', 'zh'),
      name('Zhipu AI', 'en'),
      short('Zhipu', 'en'),
      product('ChatGLM', 'any'),
      product('GLM-4', 'any'),
      product('清影', 'zh', { ambiguous: 'chinese_word' }),
      product('CogVideoX', 'any'),
    ],
    modalities: ['text', 'video'],
  },
  {
    nameEn: 'Moonshot AI',
    nameZh: '月之暗面',
    region: 'domestic',
    isListed: false,
    vendorType: 'model_company',
    website: 'https://www.moonshot.cn',
    notesMd: 'Private. Its Kimi assistant made long documents (a whole annual report) the selling point.',
    tickers: [],
    aliases: [
      name('月之暗面', 'zh', { not: DARK_SIDE_ALBUM }),
      name('Moonshot AI', 'en'),
      product('Kimi', 'any', { caseSensitive: true, ambiguous: 'set_by_user', not: KIMI_PEOPLE }),
    ],
    modalities: ['text'],
  },
  {
    nameEn: 'Shengshu Technology',
    nameZh: '生数科技',
    region: 'domestic',
    isListed: false,
    vendorType: 'vertical_unicorn',
    website: 'https://www.shengshu-ai.com',
    notesMd: 'Private. Built Vidu, a text-to-video model on its U-ViT architecture, with Tsinghua researchers.',
    tickers: [],
    aliases: [name('生数科技', 'zh'), name('Shengshu', 'en'), product('Vidu', 'any')],
    modalities: ['video', '3d'],
  },
]
