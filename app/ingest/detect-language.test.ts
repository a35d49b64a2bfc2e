import { describe, expect, it } from 'vitest'

import { detectLanguage } from './detect-language.ts'

describe('detectLanguage', () => {
  it.each([
    ['Tencent applies Hunyuan to advertising and marketing.', 'en'],
    ['腾讯将混元大模型应用于广告营销，百度推出文心一言。', 'zh'],
    ['多模态模型（GPT-4V、Gemini、Stable Diffusion）是大语言模型之后的下一步，商业价值来自 2B 生产力和 2C 内容创作。', 'zh'],
    ['Baidu (百度) and Tencent (腾讯) lead the domestic big-tech group in multimodal models this year.', 'en'],
    ['Tencent released Hunyuan today. 腾讯今天发布了混元。', 'mixed'],
    ['2024-03-05 12:00 100%', 'en'],
  ])('%s -> %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language)
  })

  it('counts CJK characters and Latin letters, full-width letters as Latin', () => {
    expect(detectLanguage('百度ＢＩＤＵ')).toMatchObject({ cjk: 2, latin: 4 })
  })
})
