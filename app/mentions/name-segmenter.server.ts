/**
 * The segmenter and word lists new-names.ts is given on the server: @node-rs/jieba (its
 * default dictionary, with part-of-speech tags), the matcher's traditional-to-simplified
 * characters (traditional.ts, OpenCC's data) and word-list's English words. Server only (a native module and files read
 * from node_modules): import this file directly, never through app/mentions/index.ts.
 *
 * Measured on the shared 2-core machine: loading jieba's dictionary takes about 0.3 s and
 * the simplified table about 0.2 s, once per process. Tagging a window of up to 16
 * characters takes 4-11 µs; the extractor tags only windows around company words and
 * after known companies, and a window seen before comes from the cache. A megabyte of
 * Chinese text dense with company names (3 per sentence) took 1.8 s before the cache and
 * the table, 0.5 s after; a megabyte of English 0.2-0.3 s.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { Jieba } from '@node-rs/jieba'
import wordListPath from 'word-list'

import type { NameSegmenter, TaggedWord } from './new-names.ts'
import { traditionalToSimplified } from './traditional.ts'

const require = createRequire(import.meta.url)

let jieba: Jieba | undefined
let englishWords: Set<string> | undefined
let simplifiedOf: Uint16Array | undefined
// Reports repeat the same names: the same window is tagged once (bounded; cleared when full).
const tagged = new Map<string, readonly TaggedWord[]>()
const MAX_TAGGED = 20_000

function loadJieba(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')))
  return jieba
}

/** Code unit -> simplified code unit (itself when unchanged): the matcher's own fold (traditional.ts), so keys agree with it. */
function loadSimplified(): Uint16Array {
  if (simplifiedOf) return simplifiedOf
  const table = new Uint16Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) table[unit] = unit
  for (const [from, to] of traditionalToSimplified()) table[from] = to
  simplifiedOf = table
  return table
}

function loadEnglishWords(): Set<string> {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'))
  return englishWords
}

/** Loads jieba's dictionary, the fold table and the word list now, not in the first ingest (the server calls it at start-up). */
export function loadNameSegmenter(): void {
  loadJieba()
  loadSimplified()
  loadEnglishWords()
}

function toSimplified(text: string): string {
  const table = loadSimplified()
  let i = 0
  while (i < text.length && table[text.charCodeAt(i)] === text.charCodeAt(i)) i++
  if (i === text.length) return text
  // In chunks: fromCharCode's arguments are on the stack.
  let out = text.slice(0, i)
  for (let from = i; from < text.length; from += 4096) {
    const units: number[] = []
    for (let k = from; k < Math.min(text.length, from + 4096); k++) units.push(table[text.charCodeAt(k)]!)
    out += String.fromCharCode(...units)
  }
  return out
}

export const nameSegmenter: NameSegmenter = {
  tag(text: string): readonly TaggedWord[] {
    let words = tagged.get(text)
    if (!words) {
      if (tagged.size >= MAX_TAGGED) tagged.clear()
      words = loadJieba().tag(text, true)
      tagged.set(text, words)
    }
    return words
  },
  toSimplified,
  isEnglishWord(word: string): boolean {
    return loadEnglishWords().has(word)
  },
}
