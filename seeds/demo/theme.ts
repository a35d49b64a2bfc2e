import type { DemoTheme } from './types.ts'

// The first theme, distilled from the Soochow Securities (2023-12-18) and CICC
// (2024-03-05) reports on multimodal AI.

const THESIS_MD = `## Thesis

Large language models proved that scale buys general ability in text. The next leg is
models that see, hear and produce images, video, sound and 3D, and in the end any mix of
them from a single model. We expect the value to show up in two places: productivity for
businesses (2B) and cheaper content creation for consumers (2C).

Progress is uneven across modalities. Image generation has settled on diffusion with
transformer backbones and already has products people pay for. Video in 2023 looked like
images two years earlier, until Sora in February 2024 suggested the same recipe of DiT
plus scale will carry it forward. Audio is comparatively mature. 3D is early and short of
data, and any-to-any models are still research projects. Scoring each modality
separately, week by week, is how we keep this picture current.

On the 2B side the first paying uses are e-commerce, marketing, finance and education,
with autonomous driving, AI agents and embodied AI further out. On the 2C side the test is
user-generated content platforms: a rough rule from the reports is that every time the
effort of making a piece of content halves, the amount users create grows about tenfold.

Overseas, OpenAI and Google lead on models while private specialists (Stability AI,
Midjourney, Runway, Pika) set the bar in image and video. At home the large platforms
(Baidu, Alibaba, ByteDance, Tencent) have both models and distribution, listed model
companies (Kunlun Tech, iFlytek, SenseTime) sell the capability, and application
companies such as Meitu and Wondershare turn it into tools people already use.

A constraint to watch is training data. Epoch AI's estimates put the stock of
high-quality text close to exhaustion within a few years; synthetic data is the usual
answer, and how well it works will shape the pace of every modality above.
`

// The same thesis for Chinese readers: written for them, not a word-for-word translation.
const THESIS_ZH_MD = `## 投资逻辑

大语言模型证明了规模可以换来文本上的通用能力，下一步是能看、能听，并能生成图像、视频、声音和 3D 内容的模型，最终由一个模型处理任意模态的组合。我们认为价值主要来自两处：面向企业的生产力提升（2B）与面向个人的内容创作降本（2C）。

各模态进展并不同步：图像生成已统一到扩散模型加 Transformer 的路线，并有付费产品；视频在 2023 年大致相当于两年前的图像，Sora 的发布显示 DiT 加规模化同样适用于视频；音频相对成熟；3D 仍处早期且数据匮乏；任意模态模型还停留在研究阶段。因此我们按模态逐周打分，持续更新判断。

2B 端率先落地的是电商、营销、金融和教育，自动驾驶、AI Agent 与具身智能则更远一些；2C 端看 UGC 内容平台，报告给出的经验是创作门槛每降低一半，用户创作的内容量约增长十倍。

海外由 OpenAI 与谷歌领跑模型，Stability AI、Midjourney、Runway、Pika 等垂直独角兽定义图像与视频的水准；国内科技大厂（百度、阿里巴巴、字节跳动、腾讯）兼具模型与流量，昆仑万维、科大讯飞、商汤等上市模型公司输出能力，美图、万兴科技等应用公司把能力做进用户已在使用的工具。

需要持续跟踪的约束是训练数据：按 Epoch AI 的估计，高质量文本数据将在几年内耗尽，合成数据是常见对策，其效果将影响各模态的演进速度。
`

export const MULTIMODAL_AI_THEME: DemoTheme = {
  slug: 'multimodal-ai',
  nameEn: 'Multimodal AI',
  nameZh: '多模态 AI',
  summaryEn:
    'After text, models are learning images, video, audio and 3D. We follow who builds them and who profits, in enterprise productivity (2B) and consumer content creation (2C).',
  summaryZh: '继文本之后，模型正在掌握图像、视频、音频与 3D。我们跟踪谁在构建这些模型、谁从中获益：企业生产力（2B）与个人内容创作（2C）。',
  thesisMd: THESIS_MD,
  thesisZhMd: THESIS_ZH_MD,
  stance: 'positive',
  status: 'active',
  rubric: 'default',
  // Context for ambiguous names: "Sora、Runway和Pika" in a sentence about 文生视频 means the companies.
  topicWords: [
    '多模态',
    '模型',
    '大模型',
    '视频生成',
    '文生图',
    '文生视频',
    '图生视频',
    '图像生成',
    '视频模型',
    '扩散模型',
    '生成式AI',
    'AIGC',
    'multimodal',
    'model',
    'models',
    'video generation',
    'text-to-image',
    'text-to-video',
    'image generation',
    'video model',
    'generative AI',
    'diffusion',
    'AI video',
    'AI视频',
  ],
  points: [
    {
      kind: 'risk',
      textEn: 'Models improve more slowly than hoped, so quality stays short of what paying users need.',
      textZh: '技术进步不及预期，生成质量迟迟达不到付费用户的要求。',
    },
    {
      kind: 'risk',
      textEn: 'Products reach customers and workflows later than expected, pushing revenue out.',
      textZh: '应用落地慢于预期，产品进入客户与业务流程的时间推迟，收入兑现延后。',
    },
    {
      kind: 'risk',
      textEn: 'More entrants and price cuts squeeze the returns of model vendors and application companies alike.',
      textZh: '行业竞争加剧，新进入者增多与价格战压缩模型厂商和应用公司的回报。',
    },
    {
      kind: 'catalyst',
      textEn:
        'Sora-class video models: OpenAI showed in February 2024 that DiT plus scale produces long, coherent clips; wider access and domestic follow-ups would move video up the rubric.',
      textZh:
        'Sora 级视频模型：OpenAI 于 2024 年 2 月展示了 DiT 加规模化可生成长且连贯的视频，开放使用及国内跟进将推动视频模态的成熟度提升。',
    },
    {
      kind: 'catalyst',
      textEn:
        'Natively multimodal models: Gemini (December 2023) was trained across modalities from the start; similar releases from domestic labs would test the any-to-any thesis.',
      textZh: '原生多模态模型：Gemini（2023 年 12 月）从训练之初即融合多种模态，国内厂商推出同类模型将检验“任意模态”逻辑。',
    },
    {
      kind: 'catalyst',
      textEn:
        'Vertical models entering paid workflows, such as Meitu MiracleVision 4.0 (December 2023) for e-commerce and advertising design.',
      textZh: '垂类模型进入付费工作流，例如美图奇想智能 4.0（2023 年 12 月）服务电商与广告设计。',
    },
  ],
}
