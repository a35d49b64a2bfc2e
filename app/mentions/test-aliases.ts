import type { MentionAlias } from './types.ts'

/** A small alias list shaped like company_alias rows, for the engine's tests. */
export function makeAliases(rows: [companyId: number, text: string, extra?: Partial<MentionAlias>][]): MentionAlias[] {
  return rows.map(([companyId, text, extra], index) => ({
    id: index + 1,
    companyId,
    text,
    language: 'any',
    kind: 'name',
    caseSensitive: false,
    isAmbiguous: false,
    ...extra,
  }))
}

export const company = {
  meitu: 1,
  baidu: 2,
  kuaishou: 3,
  bytedance: 4,
  google: 5,
  runway: 6,
  stability: 7,
  openai: 8,
  meta: 9,
  pika: 10,
  tencent: 11,
  pixart: 12,
  apple: 13,
  sensetime: 14,
} as const

export const ALIASES = makeAliases([
  [company.meitu, '美图'],
  [company.meitu, '奇想智能', { kind: 'product' }],
  [company.baidu, '百度'],
  [company.baidu, 'Baidu', { language: 'en' }],
  [company.baidu, 'BIDU', { kind: 'ticker', caseSensitive: true }],
  [company.baidu, '文心一言', { kind: 'product', language: 'zh' }],
  [company.kuaishou, '快手'],
  [company.bytedance, '抖音', { kind: 'product' }],
  [company.google, 'Google'],
  [company.google, 'Gemini', { kind: 'product', isAmbiguous: true }],
  [company.runway, 'Runway', { isAmbiguous: true }],
  [company.runway, 'Gen-2', { kind: 'product' }],
  [company.stability, 'Stability AI'],
  [company.stability, 'Stable Diffusion', { kind: 'product' }],
  [company.stability, 'Stable', { kind: 'short_name', isAmbiguous: true }],
  [company.openai, 'OpenAI'],
  [company.openai, 'Open AI'],
  [company.openai, 'DALL·E', { kind: 'product' }],
  [company.openai, 'DALL·E 3', { kind: 'product' }],
  [company.openai, 'GPT-4V', { kind: 'product' }],
  [company.openai, 'W.A.L.T', { kind: 'product' }],
  [company.meta, 'Meta', { isAmbiguous: true }],
  [company.meta, 'META', { kind: 'ticker', caseSensitive: true }],
  [company.meta, 'SAM', { kind: 'product', caseSensitive: true, isAmbiguous: true }],
  [company.pika, 'Pika', { isAmbiguous: true }],
  [company.pika, 'Pika 1.0', { kind: 'product' }],
  [company.tencent, '腾讯'],
  [company.tencent, '0700.HK', { kind: 'ticker' }],
  [company.pixart, 'PixArt-α', { kind: 'product' }],
  [company.apple, 'Apple', { isAmbiguous: true }],
  [company.apple, 'AAPL', { kind: 'ticker', caseSensitive: true }],
  [company.sensetime, '商汤科技'],
  [company.sensetime, '商汤', { kind: 'short_name' }],
])
