import { describe, expect, it } from 'vitest'

import { ordinaryWordReason } from './ordinary-words.ts'

// Real company and product short names, each judged by hand: would a reader meet this
// string in ordinary text that is not about the company?
const english: [string, 'english_word' | null][] = [
  ['Apple', 'english_word'],
  ['Target', 'english_word'],
  ['Block', 'english_word'],
  ['Snap', 'english_word'],
  ['Runway', 'english_word'],
  ['Gemini', 'english_word'],
  ['Pika', 'english_word'],
  ['Meta', 'english_word'],
  ['Stability', 'english_word'],
  ['Oracle', 'english_word'],
  ['Shell', 'english_word'],
  ['Square', 'english_word'],
  ['Notion', 'english_word'],
  ['Firefly', 'english_word'],
  ['Llama', 'english_word'],
  ['apples', 'english_word'],
  ['OpenAI', null],
  ['Baidu', null],
  ['Google', null],
  ['Midjourney', null],
  ['Microsoft', null],
  ['Tencent', null],
  ['Kuaishou', null],
  ['Nvidia', null],
  ['Synthesia', null],
  ['ElevenLabs', null],
  ['HeyGen', null],
  ['Kling', null],
  ['Qwen', null],
  ['Samsung', null],
  ['SAM', null],
  ['BIDU', null],
  ['Stability AI', null],
  ['Gen-2', null],
  ['DALL·E', null],
]

const chinese: [string, 'chinese_word' | null][] = [
  ['苹果', 'chinese_word'],
  ['小米', 'chinese_word'],
  ['理想', 'chinese_word'],
  ['美的', 'chinese_word'],
  ['长城', 'chinese_word'],
  ['东方', 'chinese_word'],
  ['长安', 'chinese_word'],
  ['联想', 'chinese_word'],
  ['平安', 'chinese_word'],
  ['大众', 'chinese_word'],
  ['芒果', 'chinese_word'],
  ['星火', 'chinese_word'],
  ['腾讯', null],
  ['百度', null],
  ['美图', null],
  ['阿里巴巴', null],
  ['字节跳动', null],
  ['快手', null],
  ['商汤', null],
  ['科大讯飞', null],
  ['万兴科技', null],
  ['昆仑万维', null],
  ['华为', null],
  ['京东', null],
  ['美团', null],
  ['网易', null],
  ['搜狐', null],
  ['微软', null],
  ['比亚迪', null],
  ['中兴', null],
  ['索尼', null],
  ['英特尔', null],
  ['可灵', null],
  ['文心一言', null],
  ['豆包', null],
  ['完美世界', null],
]

describe('ordinaryWordReason', () => {
  it.each(english)('English alias %s -> %s', (alias, reason) => {
    expect(ordinaryWordReason(alias)).toBe(reason)
  })

  it.each(chinese)('Chinese alias %s -> %s', (alias, reason) => {
    expect(ordinaryWordReason(alias)).toBe(reason)
  })

  it('reads traditional Chinese as its simplified word', () => {
    expect(ordinaryWordReason('蘋果')).toBe('chinese_word')
    expect(ordinaryWordReason('長城')).toBe('chinese_word')
    expect(ordinaryWordReason('騰訊')).toBeNull()
  })

  it('ignores surrounding space and full-width letters', () => {
    expect(ordinaryWordReason('  Ａｐｐｌｅ ')).toBe('english_word')
    expect(ordinaryWordReason('')).toBeNull()
    expect(ordinaryWordReason('   ')).toBeNull()
  })

  it('treats a short all-capitals alias as an acronym but a long one as the word', () => {
    expect(ordinaryWordReason('SNAP')).toBeNull()
    expect(ordinaryWordReason('RUNWAY')).toBe('english_word')
  })
})
