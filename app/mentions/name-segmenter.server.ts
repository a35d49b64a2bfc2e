/**
 * The segmenter and word lists new-names.ts is given on the server: @node-rs/jieba (its
 * default dictionary, with part-of-speech tags), opencc-js's traditional-to-simplified
 * characters and word-list's English words. Server only (a native module and files read
 * from node_modules): import this file directly, never through app/mentions/index.ts.
 *
 * Measured on this machine: loading jieba's dictionary takes about 0.3 s once per
 * process; tagging a 15-character window takes about 4 µs, and the extractor tags only
 * windows around company words, so a 100 KB Chinese report costs a few milliseconds.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { Jieba } from '@node-rs/jieba'
import wordListPath from 'word-list'

import type { NameSegmenter, TaggedWord } from './new-names.ts'

const require = createRequire(import.meta.url)

let jieba: Jieba | undefined
let englishWords: Set<string> | undefined
let simplifiedOf: Map<string, string> | undefined

function loadJieba(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')))
  return jieba
}

/** Single characters only, so a text keeps its length and offsets. */
function loadSimplified(): Map<string, string> {
  if (simplifiedOf) return simplifiedOf
  const opencc = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): (text: string) => string }
  const convert = opencc.Converter({ from: 'hk', to: 'cn' })
  const convertTw = opencc.Converter({ from: 'tw', to: 'cn' })
  const map = new Map<string, string>()
  // The CJK unified ideographs block: every character whose simplified form is one other character.
  for (let unit = 0x4e00; unit <= 0x9fff; unit++) {
    const char = String.fromCharCode(unit)
    for (const to of [convert(char), convertTw(char)]) if (to.length === 1 && to !== char && !map.has(char)) map.set(char, to)
  }
  simplifiedOf = map
  return map
}

function toSimplified(text: string): string {
  const map = loadSimplified()
  let out = ''
  for (const char of text) out += map.get(char) ?? char
  return out
}

export const nameSegmenter: NameSegmenter = {
  tag(text: string): readonly TaggedWord[] {
    return loadJieba().tag(text, true)
  },
  toSimplified,
  isEnglishWord(word: string): boolean {
    englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'))
    return englishWords.has(word)
  },
}
