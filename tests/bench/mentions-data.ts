// Deterministic test data for the mention benchmark: 10,000 aliases shaped like our
// company_alias rows and tens of MB of mixed Chinese/English text that mentions some of
// them. No downloads: everything comes from a seeded PRNG and the word lists below.
import type { MentionAlias, MentionTicker } from '#app/mentions/index.ts'
import { foldAliasKey } from '#app/mentions/index.ts'

import { createRandom, type Random } from './bench-kit.ts'

// The ~400 most frequent Chinese characters: filler text is drawn from these, so short
// Chinese aliases also occur by accident, as they do in real news.
const COMMON_HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'
// Characters that companies like in their names, plus name endings.
const NAME_HAN = '智云数华通信网达创新源海天星宇光明科技芯视图灵思维象联想腾飞跃云帆鲸鹿蓝鹰极速澜峰启元宙瀚谱曜深度言语音像灵犀'
const NAME_ENDINGS = ['科技', '智能', '集团', '网络', '数据', '股份', '控股', '半导体', '机器人', '']
const SYLLABLES = [
  'zen',
  'tri',
  'nova',
  'lux',
  'vex',
  'ora',
  'qua',
  'lin',
  'tek',
  'mo',
  'ra',
  'xi',
  'ly',
  'fy',
  'ion',
  'ar',
  'el',
  'kai',
  'sol',
  'vy',
  'dro',
  'pix',
  'nex',
  'zor',
]
const LATIN_ENDINGS = ['', '', '', ' AI', ' Labs', ' Robotics', ' Systems', ' Technologies', ' Inc.']
const ENGLISH_WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were ' +
  'her she there been one all we their has would when if so no will more can said about new model video image launch ' +
  'market growth revenue users quarter release generation research team product company platform data cloud chips'
).split(' ')
// Ordinary words that are also aliases (isAmbiguous), like Apple, Runway, Gemini.
const AMBIGUOUS_WORDS = [
  'Apple',
  'Runway',
  'Gemini',
  'Spark',
  'Orbit',
  'Pilot',
  'Atlas',
  'Echo',
  'Nova',
  'Pulse',
  'Summit',
  'Anchor',
  'Beacon',
  'Harbor',
  'Canvas',
]

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1)

function latinName(random: Random): string {
  let name = ''
  for (let i = 2 + random.int(2); i > 0; i--) name += random.pick(SYLLABLES)
  return capitalise(name)
}

function chineseName(random: Random): string {
  const length = 2 + random.int(3) // 2-4 characters, then maybe an ending (up to 6)
  let name = ''
  for (let i = 0; i < length; i++) name += random.pick(random.chance(0.7) ? NAME_HAN : COMMON_HAN)
  const ending = length <= 4 ? random.pick(NAME_ENDINGS) : ''
  return (name + ending).slice(0, 6)
}

function productName(random: Random): string {
  const base = latinName(random)
  switch (random.int(7)) {
    case 0:
      return `${base}-${1 + random.int(5)}`
    case 1:
      return `${base} ${1 + random.int(4)}.${random.int(10)}`
    case 2:
      return `${base}·${String.fromCharCode(65 + random.int(26))} ${1 + random.int(3)}`
    case 3:
      return Array.from({ length: 3 + random.int(2) }, () => String.fromCharCode(65 + random.int(26))).join('.')
    case 4:
      return `${base}-α`
    case 5:
      return `${base}-${1 + random.int(5)}V`
    default:
      return `${chineseName(random).slice(0, 2)}${base}`
  }
}

function ticker(random: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(10)).join('')
  switch (random.int(4)) {
    case 0:
      return `${digits(4)}.HK`
    case 1:
      return `6${digits(5)}.SH`
    case 2:
      return `3${digits(5)}.SZ`
    default:
      return Array.from({ length: 3 + random.int(2) }, () => String.fromCharCode(65 + random.int(26))).join('')
  }
}

/** 10,000 aliases of ~2,500 companies; folded keys are unique, as in company_alias. */
export function generateAliases(count = 10_000, seed = 20261123): MentionAlias[] {
  const random = createRandom(seed)
  const aliases: MentionAlias[] = []
  const keys = new Set<string>()
  const add = (companyId: number, text: string, extra: Partial<MentionAlias>) => {
    const key = foldAliasKey(text)
    if (key.length < 2 || keys.has(key) || ENGLISH_WORDS.includes(key)) return // keys are unique, like company_alias
    keys.add(key)
    aliases.push({
      id: aliases.length + 1,
      companyId,
      text,
      language: 'any',
      kind: 'name',
      caseSensitive: false,
      isAmbiguous: false,
      ...extra,
    })
  }
  AMBIGUOUS_WORDS.forEach((word, i) => {
    keys.add(word.toLowerCase())
    aliases.push({
      id: aliases.length + 1,
      companyId: i + 1,
      text: word,
      language: 'en',
      kind: 'name',
      caseSensitive: false,
      isAmbiguous: true,
      // Every rule on: negative context to check around each of them.
      negativeContext: ['city block', 'weather', '水果', '机场'],
    })
  })
  for (let companyId = 1; aliases.length < count; companyId = 1 + random.int(2500)) {
    const roll = random.next()
    if (roll < 0.45) add(companyId, chineseName(random), { language: 'zh', kind: random.chance(0.3) ? 'short_name' : 'name' })
    else if (roll < 0.7) add(companyId, latinName(random) + random.pick(LATIN_ENDINGS), { language: 'en' })
    else if (roll < 0.9) add(companyId, productName(random), { kind: 'product' })
    else add(companyId, ticker(random), { kind: 'ticker', caseSensitive: true })
  }
  return aliases
}

/** A theme's topic words, as the multimodal theme declares them. */
export const BENCH_TOPIC_WORDS = ['视频生成', '文生图', '多模态', '模型', 'video generation', 'text-to-image', 'multimodal', 'diffusion']

/** Registry tickers of ~2,500 companies: Hong Kong, Shanghai, Shenzhen and US listings. */
export function generateTickers(count = 3000, seed = 20261204): MentionTicker[] {
  const random = createRandom(seed)
  const digits = (n: number) => Array.from({ length: n }, () => random.int(10)).join('')
  const seen = new Set<string>()
  const tickers: MentionTicker[] = []
  while (tickers.length < count) {
    const companyId = 1 + random.int(2500)
    const roll = random.int(4)
    const ticker: MentionTicker =
      roll === 0
        ? { companyId, exchange: 'HK', code: `${1 + random.int(9)}${digits(3)}` }
        : roll === 1
          ? { companyId, exchange: 'SH', code: `6${digits(5)}` }
          : roll === 2
            ? { companyId, exchange: 'SZ', code: `3${digits(5)}` }
            : {
                companyId,
                exchange: 'US',
                code: Array.from({ length: 2 + random.int(3) }, () => String.fromCharCode(65 + random.int(26))).join(''),
              }
    const key = `${ticker.exchange}:${ticker.code}`
    if (seen.has(key)) continue
    seen.add(key)
    tickers.push(ticker)
  }
  return tickers
}

/** One ticker as a research note writes it: 0700.HK, 700 HK, SZ300418, （300418）, BIDU US... */
function writtenTicker(random: Random, ticker: MentionTicker): string {
  const { exchange, code } = ticker
  if (exchange === 'US') return random.pick([`${code} US`, `${code}.O`, `NASDAQ:${code}`, `(${code})`])
  if (exchange === 'HK') return random.pick([`${code}.HK`, `${code.replace(/^0+/u, '')} HK`, `HK:${code}`, `（${code}）`])
  return random.pick([`${code}.${exchange}`, `${exchange}${code}`, `（${code}）`, `${exchange.toLowerCase()}${code}`])
}

/**
 * Mixed Chinese/English paragraphs of about `megabytes` MB of UTF-8. About one alias is
 * written per 170 Chinese characters or 80 English words (one per ~450 bytes: news about
 * companies), plus the short Chinese names that occur by accident, and 1% of English words
 * are ordinary words that are also ambiguous aliases (apple, runway...).
 */
export function generateText(
  aliases: readonly MentionAlias[],
  megabytes: number,
  seed = 7,
  tickers: readonly MentionTicker[] = [],
): string {
  const random = createRandom(seed)
  const parts: string[] = []
  let bytes = 0
  const push = (part: string, bytesPerUnit: number) => {
    parts.push(part)
    bytes += part.length * bytesPerUnit
  }
  const mention = () => {
    // One mention in ten is a ticker as people write it, when the registry has tickers.
    if (tickers.length > 0 && random.chance(0.1)) return writtenTicker(random, random.pick(tickers))
    const alias = random.pick(aliases).text
    // Some mentions are written full-width or in another case, as scraped text is.
    if (random.chance(0.05)) return alias.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    return random.chance(0.05) ? alias.toUpperCase() : alias
  }
  while (bytes < megabytes * 1e6) {
    if (random.chance(0.5)) {
      for (let sentence = 3 + random.int(5); sentence > 0; sentence--) {
        let text = ''
        for (let chars = 15 + random.int(40); chars > 0; chars--) {
          text += random.chance(0.006) ? mention() : random.pick(COMMON_HAN)
        }
        push(`${text}。`, 3)
      }
    } else {
      for (let sentence = 3 + random.int(5); sentence > 0; sentence--) {
        const words: string[] = []
        for (let n = 8 + random.int(20); n > 0; n--) {
          const roll = random.next()
          words.push(roll < 0.0125 ? mention() : roll < 0.0225 ? random.pick(AMBIGUOUS_WORDS).toLowerCase() : random.pick(ENGLISH_WORDS))
        }
        push(`${capitalise(words.join(' '))}. `, 1)
      }
    }
    push('\n', 1)
  }
  return parts.join('')
}
