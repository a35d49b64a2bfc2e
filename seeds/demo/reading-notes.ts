// The demo team's own reading notes on the two reports behind the first theme, stored as
// documents so a fresh install has mentions to count: the company pages, the mentions
// dashboard and the meeting's mentions slide. Written by the team, dated relative to the
// day the demo is loaded (weeksAgo 0 = this week).

export interface DemoReadingNote {
  title: string
  publisher: string
  weeksAgo: number
  tags: string[]
  text: string
}

export const DEMO_READING_NOTES: DemoReadingNote[] = [
  {
    title: '读书笔记：东吴证券多模态商业化深度报告（2023-12-18）',
    publisher: '团队笔记 Team notes',
    weeksAgo: 0,
    tags: ['reading-notes', '2C'],
    text: `东吴证券 2023 年 12 月的互联网传媒深度报告把多模态的商业价值分成两条线：面向企业的生产力（2B）和面向个人的内容创作（2C）。

2C 一侧看 UGC 平台。报告的经验法则是：内容创作的门槛每降低一半，用户创作的内容大约增加十倍。小红书、知乎、抖音、快手是最直接的受益平台，其中快手和知乎已上市，小红书和抖音（字节跳动旗下）仍是非上市公司。

A 股和港股里，美图公司在 2023 年 12 月发布 MiracleVision 4.0，把 AI 设计和 AI 视频接入电商与广告的工作流；万兴科技的视频剪辑软件向付费用户提供模型功能；昆仑万维把自研模型用在 AI 游戏和 AI 音乐上；科大讯飞在语音方向领先，教育需求是主要场景。

海外方面，图像生成的代表是 Midjourney 和 OpenAI 的 DALL·E 3；视频方向有 Runway 公司的 Gen-2 与初创公司 Pika 的 Pika 1.0。

风险：技术进展慢于预期，应用落地慢于预期，竞争加剧。`,
  },
  {
    title: 'Reading notes: CICC, AI ten-year outlook (17), multimodal models (2024-03-05)',
    publisher: '团队笔记 Team notes',
    weeksAgo: 0,
    tags: ['reading-notes', 'technology'],
    text: `CICC's March 2024 note places each modality on its own curve. Text broke through first and the other modalities align to it. Image generation has converged on diffusion with transformer backbones. Video in 2023 stood roughly where images stood in 2021; OpenAI's Sora (February 2024) showed that DiT plus scale carries over to video, but no single approach has won. Audio is comparatively mature: Whisper large-v3 for recognition and Microsoft's VALL-E for synthesis. 3D is early, with no agreed representation, and any-to-any models (Google's Gemini, CoDi-2, NExT-GPT) are exploratory.

Names to keep on the watchlist: OpenAI (GPT-4V, DALL·E 3, Whisper, Sora), Alphabet, whose company model Gemini is natively multimodal and which is strong in 3D generation, Stability AI behind Stable Diffusion, and Meta, the company that released SAM. At home, Baidu, Alibaba (e-commerce use), Tencent (marketing use) and SenseTime lead the model race, and Huawei's PixArt-α is the domestic DiT reference.

Video-diffusion papers went from 14 in 2022 to 103 in the first ten months of 2023.`,
  },
  {
    title: '数据枯竭：几种估计说了什么',
    publisher: '团队笔记 Team notes',
    weeksAgo: 2,
    tags: ['data-exhaustion'],
    text: `高质量语言数据预计在 2026 年之前用尽，低质量语言数据在 2030 到 2050 年之间，低质量视觉数据在 2030 到 2060 年之间。合成数据被视为主要的应对办法。

对 3D 来说，数据更少：ShapeNet（2015 年，约 5.1 万个 CAD 模型）、Objaverse（约 80 万个对象）、Objaverse-XL（约 1000 万个对象）。OpenAI 和谷歌公司都在用合成数据补足训练集；百度和阿里巴巴也在各自的大模型里尝试。`,
  },
]
