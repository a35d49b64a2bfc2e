import type { DemoWatchlist } from './types.ts'

// Two starter watchlists so the dashboard and the mention counts have something to show.

export const DEMO_WATCHLISTS: DemoWatchlist[] = [
  {
    name: 'Multimodal core',
    description: 'The companies whose results move with multimodal AI most directly, at home and abroad.',
    theme: 'multimodal-ai',
    entries: [
      {
        company: 'OpenAI',
        rationale: 'Sets the frontier; its releases reset the rubric for image, audio and video.',
        tags: ['overseas', 'model', 'video'],
      },
      {
        company: 'Alphabet',
        rationale: 'Gemini is the reference natively multimodal model; listed exposure to the frontier.',
        tags: ['overseas', 'model', 'any-to-any'],
      },
      { company: 'Baidu', rationale: 'ERNIE Bot and search distribution; dual-listed.', tags: ['domestic', 'big-tech'] },
      {
        company: 'Alibaba',
        rationale: 'Tongyi Qianwen plus the marketplaces where generated product content pays first.',
        tags: ['domestic', 'big-tech', 'e-commerce'],
      },
      { company: 'Tencent', rationale: 'Hunyuan feeding its advertising business.', tags: ['domestic', 'big-tech', 'marketing'] },
      {
        company: 'Kunlun Tech',
        rationale: 'A-share pure play: own models applied to games and music.',
        tags: ['domestic', 'model', 'audio'],
      },
      { company: 'iFlytek', rationale: 'Speech leader with a general model; education demand.', tags: ['domestic', 'model', 'audio'] },
      { company: 'SenseTime', rationale: 'Vision-first model company listed in Hong Kong.', tags: ['domestic', 'model', 'image'] },
      {
        company: 'Meitu',
        rationale: 'MiracleVision 4.0 turns image and video models into paid design tools.',
        tags: ['domestic', 'application', 'image', 'video'],
      },
      {
        company: 'Wondershare',
        rationale: 'Video editing software that ships model features to paying users.',
        tags: ['domestic', 'application', 'video'],
      },
    ],
  },
  {
    name: '2C platforms',
    description: 'Content platforms where cheaper creation should show up as more user uploads.',
    theme: 'multimodal-ai',
    entries: [
      {
        company: 'Douyin',
        rationale: 'Largest short-video audience; private, tracked through ByteDance.',
        tags: ['domestic', 'platform', 'video'],
      },
      { company: 'Kuaishou', rationale: 'Listed short-video platform.', tags: ['domestic', 'platform', 'video'] },
      { company: 'Xiaohongshu', rationale: 'Photo and video notes; private.', tags: ['domestic', 'platform', 'image'] },
      { company: 'Zhihu', rationale: 'Text-first community; listed in New York and Hong Kong.', tags: ['domestic', 'platform', 'text'] },
    ],
  },
]
