/**
 * Set phrases and idioms that hold a short Chinese alias as ordinary words: 快手快脚
 * ("quick and deft") holds 快手, 天工开物 (a Ming-dynasty book) holds 天工. The CJK split
 * filter (cjk-filter.ts) vetoes a match inside one, as written around it.
 *
 * Taken from jieba's dictionary by part-of-speech tag rather than listed by hand, so a new
 * alias gets its idioms without anyone thinking of them: i (idiom, 成语), l (fixed
 * expression, 习用语) and z (descriptive word, 状态词), four characters or more. Names
 * (nr, ns, nz) are not taken: 美图秀秀 is Meitu's own product. Nor is a phrase that is the
 * alias and a noun, whatever its tag: 微软拼音 (tagged an idiom) is Microsoft's input method.
 *
 * Server only, like ordinary-words.ts: the dictionary is read from node_modules on first
 * use (about 0.3 s) and its idioms kept; import this file directly, never through index.ts.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const IDIOM_TAGS = new Set(['i', 'l', 'z'])
const ONLY_HAN = /^\p{Script=Han}+$/u
const MIN_LENGTH = 4

const require = createRequire(import.meta.url)
let loaded: { idioms: string[]; nouns: Set<string> } | undefined

function load() {
  if (loaded) return loaded
  const idioms: string[] = []
  const nouns = new Set<string>()
  for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
    const [word, , tag = ''] = line.split(' ')
    if (!word || !ONLY_HAN.test(word)) continue
    if (word.length >= MIN_LENGTH && IDIOM_TAGS.has(tag)) idioms.push(word)
    else if (word.length === 2 && (tag === 'n' || tag === 'vn')) nouns.add(word)
  }
  loaded = { idioms, nouns }
  return loaded
}

const brandAndNoun = (idiom: string, alias: string, nouns: Set<string>) =>
  (idiom.startsWith(alias) && nouns.has(idiom.slice(alias.length))) || (idiom.endsWith(alias) && nouns.has(idiom.slice(0, -alias.length)))

/** The dictionary's idioms and set phrases that contain one of these aliases (short, Chinese). */
export function idiomsContaining(aliases: Iterable<string>): string[] {
  const wanted = [...new Set(aliases)].filter((alias) => alias.length > 0 && alias.length <= 2 && ONLY_HAN.test(alias))
  if (wanted.length === 0) return []
  const { idioms, nouns } = load()
  return idioms.filter((idiom) => wanted.some((alias) => idiom.includes(alias) && !brandAndNoun(idiom, alias, nouns)))
}
