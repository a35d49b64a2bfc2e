import type { UniverseRecord } from '#app/ingest/universe/types.ts'

import { createRandom } from './bench-kit.ts'

// A synthetic company universe shaped like the real lists: about half A-shares (Shanghai
// main and STAR, Shenzhen main and ChiNext, Beijing), a fifth Hong Kong (some of them the
// H share of an A-share company, as one record with two tickers), the rest US. Names are
// made from syllables, unique, with the legal forms the real lists carry.

const ZH_SYLLABLES = [...'华腾讯阿里百度科大昆仑万维兴美图商汤智谱星辰云海光明天启东方北斗瑞德嘉信达恒远创新鼎盛晶微芯联宏通泰安']
const EN_SYLLABLES = ['al', 'ver', 'tor', 'lex', 'mar', 'quin', 'sol', 'dyn', 'ka', 'ro', 'ne', 'vi', 'zen', 'tra', 'lu', 'cor']
const ZH_SUFFIX = ['科技股份有限公司', '集团股份有限公司', '智能股份有限公司', '控股股份有限公司', '股份有限公司']
const EN_SUFFIX = ['Technologies Inc.', 'Holdings Ltd', 'Group Co., Ltd.', 'Corp', 'Inc.', 'Robotics Inc.']

export function makeUniverse(count: number, seed = 13): UniverseRecord[] {
  const random = createRandom(seed)
  const usedZh = new Set<string>()
  const usedEn = new Set<string>()
  const zhName = () => {
    for (;;) {
      const name = Array.from({ length: 2 + random.int(3) }, () => random.pick(ZH_SYLLABLES)).join('')
      if (!usedZh.has(name)) return (usedZh.add(name), name)
    }
  }
  const enName = () => {
    for (;;) {
      const word = Array.from({ length: 2 + random.int(3) }, () => random.pick(EN_SYLLABLES)).join('')
      const name = word[0].toUpperCase() + word.slice(1)
      if (!usedEn.has(name)) return (usedEn.add(name), name)
    }
  }
  const records: UniverseRecord[] = []
  let a = 0
  let hk = 0
  const usedUs = new Set<string>()
  for (let i = 0; i < count; i += 1) {
    const kind = random.next()
    const row = i + 2
    if (kind < 0.5) {
      const short = zhName()
      const [exchange, board, prefix] = random.pick([
        ['SH', 'sh_main', '60'],
        ['SH', 'star', '68'],
        ['SZ', 'sz_main', '00'],
        ['SZ', 'chinext', '30'],
        ['BJ', 'bse', '83'],
      ] as const)
      const tickers: UniverseRecord['tickers'] = [{ exchange, code: `${prefix}${String(a++).padStart(4, '0')}`, board }]
      if (random.chance(0.05)) tickers.push({ exchange: 'HK', code: String(1000 + hk++).padStart(4, '0'), board: 'hk_main' })
      records.push({
        row,
        tickers,
        nameEn: `${enName()} ${random.pick(EN_SUFFIX)}`,
        nameZh: `${short}${random.pick(ZH_SUFFIX)}`,
        shortNames: [short],
        aliases: [],
      })
    } else if (kind < 0.7) {
      const short = zhName()
      records.push({
        row,
        tickers: [{ exchange: 'HK', code: String(1000 + hk++).padStart(4, '0'), board: random.chance(0.1) ? 'hk_gem' : 'hk_main' }],
        nameEn: '',
        nameZh: '',
        shortNames: [`${short}${random.pick(['控股', '集团', ''])}`],
        aliases: [],
      })
    } else {
      const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + random.int(26))).join('')
      // One to five letters, as real symbols are (A, ON, AI, SNAP...); repeats are drawn again.
      let code = letters(1 + random.int(5))
      while (usedUs.has(code)) code = letters(1 + random.int(5))
      usedUs.add(code)
      records.push({
        row,
        tickers: [{ exchange: 'US', code, board: random.pick(['nasdaq', 'nyse'] as const) }],
        nameEn: `${enName()} ${random.pick(EN_SUFFIX)}`,
        nameZh: '',
        shortNames: [],
        aliases: [],
      })
    }
  }
  return records
}
