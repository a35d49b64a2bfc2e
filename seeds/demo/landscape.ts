import type { DemoDataStock, DemoSegment, DemoThemeCompany } from './types.ts'

// How the multimodal-AI theme maps onto companies: where it is applied (2B and 2C
// segments), who drives or benefits from it, and the data-exhaustion estimates.
// Companies are named by name_en from DEMO_COMPANIES.

export const MULTIMODAL_SEGMENTS: DemoSegment[] = [
  {
    audience: '2B',
    slug: 'ecommerce',
    nameEn: 'E-commerce',
    nameZh: '电商',
    noteEn: 'Product photos, listings and short videos generated at catalogue scale.',
    noteZh: '按商品目录规模批量生成商品图、详情页文案与短视频。',
    companies: [
      { company: 'Alibaba', note: 'Runs the largest domestic marketplaces and uses its own models for merchant tools.' },
      { company: 'Meitu', note: 'MiracleVision is sold into e-commerce design work.' },
      { company: 'Wondershare', note: 'Video and design software used by online sellers.' },
    ],
  },
  {
    audience: '2B',
    slug: 'marketing',
    nameEn: 'Marketing',
    nameZh: '营销',
    noteEn: 'Ad creative and campaign material produced and varied by models.',
    noteZh: '由模型生成并批量改写广告素材与营销内容。',
    companies: [
      { company: 'Tencent', note: 'The reports see advertising as its first multimodal use.' },
      { company: 'Meitu', note: 'Targets advertising design with MiracleVision 4.0.' },
    ],
  },
  {
    audience: '2B',
    slug: 'finance',
    nameEn: 'Finance',
    nameZh: '金融',
    noteEn: 'Reading documents, charts and customer conversations; the reports name no vendor here yet.',
    noteZh: '识别文档、图表与客户对话；报告暂未点名具体厂商。',
    companies: [],
  },
  {
    audience: '2B',
    slug: 'education',
    nameEn: 'Education',
    nameZh: '教育',
    noteEn: 'Tutoring and marking that combine speech, handwriting and text.',
    noteZh: '融合语音、手写与文本的辅导和批改。',
    companies: [{ company: 'iFlytek', note: 'Speech and education products are its established business.' }],
  },
  {
    audience: '2B',
    slug: 'autonomous-driving',
    nameEn: 'Autonomous driving',
    nameZh: '自动驾驶',
    noteEn: 'A later application: perception and planning from camera and sensor input.',
    noteZh: '较远期的应用：基于摄像头与传感器输入的感知与规划。',
    companies: [],
  },
  {
    audience: '2B',
    slug: 'ai-agents',
    nameEn: 'AI agents',
    nameZh: 'AI Agent',
    noteEn: 'A later application: assistants that see a screen or document and act on it.',
    noteZh: '较远期的应用：能看懂屏幕或文档并执行操作的智能体。',
    companies: [],
  },
  {
    audience: '2B',
    slug: 'embodied-ai',
    nameEn: 'Embodied AI',
    nameZh: '具身智能',
    noteEn: 'A later application: robots, including humanoids, that act on what they see and hear.',
    noteZh: '较远期的应用：依据视觉与听觉行动的机器人，包括人形机器人。',
    companies: [],
  },
  {
    audience: '2C',
    slug: 'ugc-platforms',
    nameEn: 'UGC content platforms',
    nameZh: 'UGC 内容平台',
    noteEn: 'Rule of thumb from the reports: halve the effort of creating content and users create roughly ten times as much.',
    noteZh: '报告中的经验法则：内容创作成本每降低一半，用户创作量约增长十倍。',
    companies: [
      { company: 'Xiaohongshu', note: 'Photo and video notes.' },
      { company: 'Zhihu', note: 'Long-form answers and articles.' },
      { company: 'Douyin', note: 'Short video, owned by ByteDance.' },
      { company: 'Kuaishou', note: 'Short video and live streaming.' },
    ],
  },
]

export const MULTIMODAL_THEME_COMPANIES: DemoThemeCompany[] = [
  { company: 'OpenAI', role: 'driver', exposure: 'high', note: 'Leads in image, speech and video models.' },
  { company: 'Alphabet', role: 'driver', exposure: 'medium', note: 'Gemini; multimodality is one business among many.' },
  { company: 'Google DeepMind', role: 'driver', exposure: 'high', note: 'Research lab behind Flamingo.' },
  { company: 'Stability AI', role: 'driver', exposure: 'high', note: 'Stable Diffusion.' },
  { company: 'Midjourney', role: 'driver', exposure: 'high', note: 'Image generation is the whole business.' },
  { company: 'Runway', role: 'driver', exposure: 'high', note: 'Video generation is the whole business.' },
  { company: 'Pika', role: 'driver', exposure: 'high', note: 'Video generation is the whole business.' },
  { company: 'Meta Platforms', role: 'enabler', exposure: 'low', note: 'Open research such as SAM.' },
  { company: 'Microsoft', role: 'enabler', exposure: 'low', note: 'VALL-E; cloud partner to OpenAI.' },
  { company: 'Huawei', role: 'enabler', exposure: 'low', note: 'Research contribution to PixArt-α.' },
  { company: 'Baidu', role: 'driver', exposure: 'medium', note: 'ERNIE Bot.' },
  { company: 'Alibaba', role: 'driver', exposure: 'medium', note: 'Tongyi Qianwen, applied first in e-commerce.' },
  { company: 'ByteDance', role: 'driver', exposure: 'medium', note: 'Models plus the Douyin audience.' },
  { company: 'Tencent', role: 'driver', exposure: 'medium', note: 'Hunyuan, applied first in advertising.' },
  { company: 'Kunlun Tech', role: 'driver', exposure: 'high', note: 'Tiangong models, AI games and AI music.' },
  { company: 'iFlytek', role: 'driver', exposure: 'high', note: 'Spark model; speech heritage.' },
  { company: 'SenseTime', role: 'driver', exposure: 'high', note: 'SenseNova; vision heritage.' },
  {
    company: 'Wondershare',
    role: 'beneficiary',
    exposure: 'high',
    note: 'Creative software that gains directly from better image and video models.',
  },
  { company: 'Meitu', role: 'beneficiary', exposure: 'high', note: 'MiracleVision inside its consumer and business tools.' },
  { company: 'Douyin', role: 'beneficiary', exposure: 'high', note: 'More generated short video on the platform.' },
  { company: 'Kuaishou', role: 'beneficiary', exposure: 'medium', note: 'More generated short video on the platform.' },
  { company: 'Xiaohongshu', role: 'beneficiary', exposure: 'medium', note: 'Cheaper photo and video notes.' },
  { company: 'Zhihu', role: 'beneficiary', exposure: 'low', note: 'Mostly text; gains more from language models.' },
]

// Epoch AI, "Will we run out of data?" (2022-10-26), as both reports cite it. The reports
// say high-quality language data runs out "before 2026"; stored as the range 2023-2026.
const EPOCH = { source: 'Epoch AI', estimatedOn: '2022-10-26' }

export const MULTIMODAL_DATA_STOCKS: DemoDataStock[] = [
  {
    slug: 'high-quality-language',
    nameEn: 'High-quality language data',
    nameZh: '高质量语言数据',
    estimates: [
      {
        ...EPOCH,
        yearFrom: 2023,
        yearTo: 2026,
        note: 'Reports quote "before 2026", entered as 2023-2026. Books, papers, news and similar edited text. / 报告表述为“2026 年前”，此处记为 2023-2026 年。',
      },
    ],
  },
  {
    slug: 'low-quality-language',
    nameEn: 'Low-quality language data',
    nameZh: '低质量语言数据',
    estimates: [
      {
        ...EPOCH,
        yearFrom: 2030,
        yearTo: 2050,
        note: 'Unfiltered web and social text; a much larger stock, so the horizon is decades away. / 未经筛选的网页与社交文本，存量大得多。',
      },
    ],
  },
  {
    slug: 'low-quality-vision',
    nameEn: 'Low-quality vision data',
    nameZh: '低质量视觉数据',
    estimates: [
      {
        ...EPOCH,
        yearFrom: 2030,
        yearTo: 2060,
        note: 'Images and video from the open web; the widest range of the three. Synthetic data is the proposed way out for all of them. / 来自公开网络的图像与视频；三者中区间最宽，合成数据是共同的对策。',
      },
    ],
  },
]
