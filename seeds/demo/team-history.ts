// A demo team's last eight weeks on the multimodal-AI theme, so a fresh install opens a
// meeting that has something to discuss: three demo analysts (accounts that cannot sign
// in, named "(demo)"), their weekly scores with a few moves and one disagreement, the two
// source reports' views as markers, and last week's meeting notes.
//
// Weeks are relative: week 8 is the week the data is loaded in (saved just before loading),
// week 1 seven weeks earlier. The meetings of weeks 6 and 7 have notes, so this week's
// meeting opens with last week's decisions.

export const DEMO_HISTORY_WEEKS = 8

export interface DemoAnalyst {
  key: string
  displayName: string
  email: string
}

export const DEMO_ANALYSTS: DemoAnalyst[] = [
  { key: 'zhou', displayName: '周敏 Zhou Min (demo)', email: 'zhou.min@demo.invalid' },
  { key: 'chen', displayName: '陈浩 Chen Hao (demo)', email: 'chen.hao@demo.invalid' },
  { key: 'li', displayName: 'Sarah Li (demo)', email: 'sarah.li@demo.invalid' },
]

type Dimension = 'technology' | 'data' | 'compute-cost' | 'adoption-2b' | 'adoption-2c'
type Modality = 'text' | 'image' | 'video' | 'audio' | '3d' | 'any-to-any'

// Where the team starts, on the default five-level rubric, read from the two reports:
// text and image in application, video at breakthrough, audio between convergence and
// application, 3D and any-to-any still exploring.
export const DEMO_STARTING_LEVELS: Record<Modality, Record<Dimension, number>> = {
  text: { technology: 4, data: 3, 'compute-cost': 3, 'adoption-2b': 3, 'adoption-2c': 4 },
  image: { technology: 4, data: 3, 'compute-cost': 3, 'adoption-2b': 3, 'adoption-2c': 4 },
  video: { technology: 2, data: 2, 'compute-cost': 1, 'adoption-2b': 2, 'adoption-2c': 2 },
  audio: { technology: 3, data: 3, 'compute-cost': 4, 'adoption-2b': 3, 'adoption-2c': 3 },
  '3d': { technology: 1, data: 1, 'compute-cost': 1, 'adoption-2b': 1, 'adoption-2c': 1 },
  'any-to-any': { technology: 1, data: 1, 'compute-cost': 1, 'adoption-2b': 1, 'adoption-2c': 1 },
}

export interface DemoMove {
  /** 2..8: the week (counted from the first demo week) in which the analyst changes the cell. */
  week: number
  analyst: string
  modality: Modality
  dimension: Dimension
  level: number
  reason: string
}

// Each move stands from its week on. The last week's 3D moves leave the team two levels
// apart on 3D technology: the "to discuss" slide has a case.
export const DEMO_MOVES: DemoMove[] = [
  {
    week: 3,
    analyst: 'li',
    modality: 'audio',
    dimension: 'technology',
    level: 4,
    reason: 'Transformer 已是语音识别与合成的默认架构，路线收敛完成，进入应用期。',
  },
  {
    week: 5,
    analyst: 'zhou',
    modality: 'video',
    dimension: 'technology',
    level: 3,
    reason: 'DiT plus scale now carries over to video; labs compete on scale, so convergence.',
  },
  {
    week: 6,
    analyst: 'chen',
    modality: 'video',
    dimension: 'technology',
    level: 3,
    reason: '视频扩散模型论文数量激增，主流架构向 DiT 集中。',
  },
  {
    week: 6,
    analyst: 'zhou',
    modality: 'video',
    dimension: 'adoption-2c',
    level: 3,
    reason: 'Short-video platforms ship AI video tools to creators; halving creation effort multiplies UGC.',
  },
  { week: 7, analyst: 'li', modality: 'audio', dimension: 'adoption-2b', level: 4, reason: '语音转写进入客服与会议纪要等企业流程。' },
  {
    week: 8,
    analyst: 'chen',
    modality: '3d',
    dimension: 'technology',
    level: 3,
    reason: 'Objaverse-XL (~10M objects) removes the data bottleneck; Instant3D-style models converge.',
  },
  {
    week: 8,
    analyst: 'li',
    modality: '3d',
    dimension: 'technology',
    level: 1,
    reason: '表示方式（网格、点云、NeRF、体素）仍无共识，维持探索期。',
  },
  {
    week: 8,
    analyst: 'zhou',
    modality: 'text',
    dimension: 'data',
    level: 2,
    reason: 'High-quality language data is estimated to run out before 2026: data is the constraint again.',
  },
]

/** Reports' published views, shown on the charts as markers (never in the consensus). */
export const DEMO_SOURCE_SCORES: {
  source: string
  publishedOn: string
  modality: Modality
  dimension: Dimension
  level: number
  note: string
}[] = [
  {
    source: '东吴证券 Soochow Securities',
    publishedOn: '2023-12-18',
    modality: 'image',
    dimension: 'technology',
    level: 4,
    note: 'Route converged on diffusion; popular consumer apps (Midjourney, DALL·E 3).',
  },
  {
    source: '东吴证券 Soochow Securities',
    publishedOn: '2023-12-18',
    modality: 'text',
    dimension: 'technology',
    level: 4,
    note: 'LLMs broke through first and anchor the other modalities.',
  },
  {
    source: '中金公司 CICC',
    publishedOn: '2024-03-05',
    modality: 'video',
    dimension: 'technology',
    level: 2,
    note: 'Sora brought DiT and scaling to video; not yet converged.',
  },
  {
    source: '中金公司 CICC',
    publishedOn: '2024-03-05',
    modality: 'audio',
    dimension: 'technology',
    level: 3,
    note: 'Relatively mature; Transformer is the baseline (Whisper large-v3, VALL-E).',
  },
  {
    source: '中金公司 CICC',
    publishedOn: '2024-03-05',
    modality: '3d',
    dimension: 'technology',
    level: 1,
    note: 'Early: no agreed representation, thin data.',
  },
  {
    source: '中金公司 CICC',
    publishedOn: '2024-03-05',
    modality: 'any-to-any',
    dimension: 'technology',
    level: 1,
    note: 'Exploratory: Gemini, CoDi-2, NExT-GPT.',
  },
]

/** Notes of the demo meetings, by demo week. */
export const DEMO_MEETINGS: { week: number; notesMd: string; actionsMd: string }[] = [
  {
    week: 6,
    notesMd:
      '- 视频：两位分析师认为技术已进入收敛期，等待第三方验证。\n- Short-video platforms: 2C adoption of video tools raised to convergence.',
    actionsMd: '- [ ] Sarah: collect 2B speech deployments for next week\n- [ ] 陈浩：整理 3D 数据集进展',
  },
  {
    week: 7,
    notesMd:
      '- 音频 2B 落地上调至应用期：客服与会议纪要场景已规模化。\n- 3D: data sets are growing fast (Objaverse-XL); does the data bottleneck still hold?',
    actionsMd: '- [ ] 陈浩 and Sarah: bring evidence on 3D representation convergence\n- [ ] 周敏：复核高质量语言数据枯竭的最新估计',
  },
]
