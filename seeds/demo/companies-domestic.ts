import { type DemoCompany, name, product, short, symbol } from './types.ts'

// Domestic vendors and platforms named in the two source reports: big tech (科技大厂),
// model companies (大模型公司), vision application companies and the 2C platforms.
// Douyin is its own row under ByteDance, because the 2C side tracks it as a platform.

export const DOMESTIC_COMPANIES: DemoCompany[] = [
  {
    nameEn: 'Baidu', nameZh: '百度', region: 'domestic', isListed: true, vendorType: 'big_tech',
    website: 'https://www.baidu.com',
    notesMd: 'Listed in New York and Hong Kong. ERNIE Bot (文心一言) is its general model and chat product.',
    tickers: ['BIDU', '9888.HK'],
    aliases: [
      name('百度', 'zh'), name('Baidu', 'en'), symbol('BIDU'),
      product('文心一言', 'zh'), product('ERNIE Bot', 'en'),
    ],
    modalities: ['text', 'image'],
  },
  {
    nameEn: 'Alibaba', nameZh: '阿里巴巴', region: 'domestic', isListed: true, vendorType: 'big_tech',
    website: 'https://www.alibabagroup.com',
    notesMd: 'Listed in New York and Hong Kong. Tongyi Qianwen (通义千问) is its model family; the reports single out its e-commerce businesses as an early place where generated images and copy pay off.',
    tickers: ['BABA', '9988.HK'],
    aliases: [
      name('阿里巴巴', 'zh'), short('阿里', 'zh'), name('Alibaba', 'en'), name('Alibaba Group', 'en'), symbol('BABA'),
      product('通义千问', 'zh'), product('Tongyi Qianwen', 'en'), product('Qwen', 'en'),
    ],
    modalities: ['text', 'image'],
  },
  {
    nameEn: 'ByteDance', nameZh: '字节跳动', region: 'domestic', isListed: false, vendorType: 'big_tech',
    website: 'https://www.bytedance.com',
    notesMd: 'Private. Owner of Douyin, so both a model builder and one of the largest outlets for generated short video.',
    tickers: [],
    aliases: [
      name('字节跳动', 'zh'), short('字节', 'zh', { ambiguous: true }), name('ByteDance', 'en'),
    ],
    modalities: ['text', 'video'],
  },
  {
    nameEn: 'Douyin', nameZh: '抖音', region: 'domestic', isListed: false, vendorType: 'platform',
    parent: 'ByteDance',
    website: 'https://www.douyin.com',
    notesMd: "ByteDance's domestic short-video app, one of the 2C platforms where cheaper creation should show up as more uploads.",
    tickers: [],
    aliases: [name('抖音', 'zh'), name('Douyin', 'en')],
    modalities: ['video'],
  },
  {
    nameEn: 'Tencent', nameZh: '腾讯', region: 'domestic', isListed: true, vendorType: 'big_tech',
    website: 'https://www.tencent.com',
    notesMd: 'Listed in Hong Kong. Hunyuan (混元) is its model; the reports point to advertising and marketing as its first multimodal use.',
    tickers: ['0700.HK'],
    aliases: [
      name('腾讯', 'zh'), name('腾讯控股', 'zh'), name('Tencent', 'en'),
      product('混元', 'zh'), product('Hunyuan', 'en'),
    ],
    modalities: ['text', 'image'],
  },
  {
    nameEn: 'Kunlun Tech', nameZh: '昆仑万维', region: 'domestic', isListed: true, vendorType: 'model_company',
    notesMd: 'Listed in Shenzhen. Builds the Tiangong (天工) models and applies them to games and music.',
    tickers: ['300418.SZ'],
    aliases: [
      name('昆仑万维', 'zh'), name('Kunlun Tech', 'en'),
      product('天工', 'zh', { ambiguous: true }), product('Skywork', 'en'),
    ],
    modalities: ['text', 'audio'],
  },
  {
    nameEn: 'iFlytek', nameZh: '科大讯飞', region: 'domestic', isListed: true, vendorType: 'model_company',
    website: 'https://www.iflytek.com',
    notesMd: 'Listed in Shenzhen. A speech specialist that now ships the Spark (星火) general model.',
    tickers: ['002230.SZ'],
    aliases: [
      name('科大讯飞', 'zh'), short('讯飞', 'zh'), name('iFlytek', 'en'),
      product('讯飞星火', 'zh'), product('星火', 'zh', { ambiguous: true }), product('SparkDesk', 'en'),
    ],
    modalities: ['text', 'audio'],
  },
  {
    nameEn: 'SenseTime', nameZh: '商汤', region: 'domestic', isListed: true, vendorType: 'model_company',
    website: 'https://www.sensetime.com',
    notesMd: 'Listed in Hong Kong. Came from computer vision; SenseNova (日日新) is its model family.',
    tickers: ['0020.HK'],
    aliases: [
      name('商汤', 'zh'), name('商汤科技', 'zh'), name('SenseTime', 'en'),
      product('日日新', 'zh', { ambiguous: true }), product('SenseNova', 'en'),
    ],
    modalities: ['text', 'image'],
  },
  {
    nameEn: 'Wondershare', nameZh: '万兴科技', region: 'domestic', isListed: true, vendorType: 'application_company',
    website: 'https://www.wondershare.com',
    notesMd: 'Listed in Shenzhen. Sells creative software for video and design, much of it abroad; a direct user of image and video models.',
    tickers: ['300624.SZ'],
    aliases: [name('万兴科技', 'zh'), short('万兴', 'zh'), name('Wondershare', 'en')],
    modalities: ['image', 'video'],
  },
  {
    nameEn: 'Meitu', nameZh: '美图', region: 'domestic', isListed: true, vendorType: 'application_company',
    website: 'https://www.meitu.com',
    notesMd: 'Listed in Hong Kong. Version 4.0 of its MiracleVision (奇想智能) model came out in December 2023, aimed at AI design and video and sold into e-commerce and advertising work.',
    tickers: ['1357.HK'],
    aliases: [
      name('美图', 'zh'), name('美图公司', 'zh'), name('Meitu', 'en'),
      product('MiracleVision', 'en'), product('Miracle Vision', 'en'), product('奇想智能', 'zh'),
    ],
    modalities: ['image', 'video'],
  },
  {
    nameEn: 'Xiaohongshu', nameZh: '小红书', region: 'domestic', isListed: false, vendorType: 'platform',
    website: 'https://www.xiaohongshu.com',
    notesMd: 'Private. A lifestyle community built on user photo and video notes.',
    tickers: [],
    aliases: [
      name('小红书', 'zh'), name('Xiaohongshu', 'en'),
      short('RED', 'en', { caseSensitive: true, ambiguous: true }),
    ],
    modalities: ['image', 'video'],
  },
  {
    nameEn: 'Zhihu', nameZh: '知乎', region: 'domestic', isListed: true, vendorType: 'platform',
    website: 'https://www.zhihu.com',
    notesMd: 'Listed in New York and Hong Kong. A question-and-answer community, the text-heavy member of the 2C group.',
    tickers: ['ZH', '2390.HK'],
    aliases: [name('知乎', 'zh'), name('Zhihu', 'en')],
    modalities: ['text'],
  },
  {
    nameEn: 'Kuaishou', nameZh: '快手', region: 'domestic', isListed: true, vendorType: 'platform',
    website: 'https://www.kuaishou.com',
    notesMd: "Listed in Hong Kong. Douyin's main short-video rival.",
    tickers: ['1024.HK'],
    aliases: [name('快手', 'zh'), name('Kuaishou', 'en')],
    modalities: ['video'],
  },
  {
    nameEn: 'Huawei', nameZh: '华为', region: 'domestic', isListed: false, vendorType: 'big_tech',
    website: 'https://www.huawei.com',
    notesMd: 'Private. Its researchers took part in PixArt-α, a fast-training diffusion transformer for images.',
    tickers: [],
    aliases: [name('华为', 'zh'), name('Huawei', 'en'), product('PixArt-α', 'any'), product('PixArt-alpha', 'any')],
    modalities: ['image'],
  },
]
