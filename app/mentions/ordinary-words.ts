/**
 * Is an alias also an ordinary word? A user who adds "Apple" or 苹果 as an alias would
 * otherwise get "an apple a day" and 苹果今年秋季很甜 counted (issue 12, item 6). The alias
 * editor defaults such an alias to ambiguous (it then counts only with company context)
 * and shows this reason; the user can override it. Rules and the figures behind them:
 * docs/decisions/027-ordinary-word-aliases.md.
 *
 * Server only: the word lists are read from node_modules on first use (about 8 MB of
 * text) and kept for the life of the process. Import this file directly, never through
 * app/mentions/index.ts, which the browser bundle reaches.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import wordListPath from 'word-list'

export type OrdinaryWordReason = 'english_word' | 'chinese_word'

// jieba's dictionary counts each word in a corpus of 60 million words. 100 puts a word in
// the top fifth of two-character entries (median 8, 90th percentile 327); below it sit
// brand names that the corpus saw a little (腾讯 98, 商汤 48, 格力 73, 茅台 86) and rare
// words nobody would mistake for a company in running text.
export const CHINESE_COMMON_FREQUENCY = 100
// Proper-noun tags (person nr, place ns) are names, not words, unless the name is so common
// that it reads as a word of its own: 长城 1559, 长安 5355 (a historical city). Brand names
// tagged as names stay below it: 华为 373, 索尼 711, 英特尔 661, 中兴 684.
export const CHINESE_COMMON_NAME_FREQUENCY = 1000

// Tags jieba gives to coined proper nouns (nz other names, nt organisations, nrt
// transliterations, j abbreviations): never an ordinary word, however frequent (搜狐 4777).
const BRAND_TAGS = new Set(['nz', 'nt', 'nrt', 'j'])
const NAME_TAGS = new Set(['nr', 'ns', 'nrfg'])

// Words that became common only because the brand did: both lists count them from web
// text full of the company (百度 11008, 微软 tagged as an adjective, to google). A word a
// company made common is its name first.
const BRAND_COINAGES = new Set(['百度', '微软', '网易', 'google'])

// A two-character alias ending in a structural particle is a fragment of ordinary
// sentences whatever the dictionary says: 美的 is in 很美的风景.
const PARTICLE_ENDINGS = new Set(['的', '了'])

const HAN = /\p{Script=Han}/u
const ONLY_HAN = /^\p{Script=Han}+$/u
const ONLY_LATIN_LETTERS = /^[A-Za-z]+$/u

let englishWords: Set<string> | undefined
let chineseWords: Set<string> | undefined
let toSimplified: ((text: string) => string) | undefined

const require = createRequire(import.meta.url)

function loadEnglishWords(): Set<string> {
  // word-list: 274,000 lower-case words from a word-game dictionary; no proper nouns.
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'))
  return englishWords
}

function loadChineseWords(): Set<string> {
  if (chineseWords) return chineseWords
  const words = new Set<string>()
  // Each line: word, frequency, part-of-speech tag. Only the words that pass the rules
  // are kept, so the set holds about 50,000 entries rather than 349,000.
  for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
    const [word, count, tag = ''] = line.split(' ')
    if (!word || !ONLY_HAN.test(word)) continue
    const frequency = Number(count)
    if (BRAND_TAGS.has(tag)) continue
    const threshold = NAME_TAGS.has(tag) ? CHINESE_COMMON_NAME_FREQUENCY : CHINESE_COMMON_FREQUENCY
    if (frequency >= threshold) words.add(word)
  }
  chineseWords = words
  return words
}

function simplified(text: string): string {
  if (!toSimplified) {
    // The UMD build loads synchronously; the dictionary is small (about 40 ms).
    const opencc = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): (text: string) => string }
    toSimplified = opencc.Converter({ from: 't', to: 'cn' })
  }
  return toSimplified(text)
}

/**
 * A coined Latin name is not a word: OpenAI and DeepMind have a capital after a small
 * letter; SAM, BIDU and AAPL are acronyms or tickers (up to five capitals). Only a single
 * word of letters is looked up: "Stability AI", "Gen-2" and "DALL·E" are names.
 */
function englishReason(alias: string): OrdinaryWordReason | null {
  if (!ONLY_LATIN_LETTERS.test(alias)) return null
  if (/[a-z][A-Z]/u.test(alias)) return null
  if (alias.length <= 5 && alias === alias.toUpperCase()) return null
  const word = alias.toLowerCase()
  if (word.length < 2 || BRAND_COINAGES.has(word)) return null
  return loadEnglishWords().has(word) ? 'english_word' : null
}

function chineseReason(alias: string): OrdinaryWordReason | null {
  if (!ONLY_HAN.test(alias)) return null
  const word = simplified(alias)
  if (BRAND_COINAGES.has(word)) return null
  if (word.length === 2 && PARTICLE_ENDINGS.has(word[1]!)) return 'chinese_word'
  return loadChineseWords().has(word) ? 'chinese_word' : null
}

/** Why an alias reads as an ordinary word (so should default to ambiguous), or null. */
export function ordinaryWordReason(text: string): OrdinaryWordReason | null {
  const alias = text.normalize('NFKC').trim()
  if (!alias) return null
  return HAN.test(alias) ? chineseReason(alias) : englishReason(alias)
}
