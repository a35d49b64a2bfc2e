/**
 * Traditional Chinese folded to simplified, one character to one character, for the fold
 * tables (fold.ts). Taiwan and Hong Kong sources write 騰訊, 字節跳動 and 萬興科技; every
 * Chinese alias should match them as it matches 腾讯, 字节跳动 and 万兴科技.
 *
 * The data is OpenCC's (opencc-js, a maintained conversion project): its Hong Kong and
 * Taiwan variant tables (台 -> 臺, 啟 -> 啓) and its traditional-to-simplified character table
 * (臺 -> 台, 騰 -> 腾). Only its single-character entries are used, and only where both
 * sides are one UTF-16 unit: the engine folds one unit at a time so that offsets into the
 * original text stay exact. Phrase rules (乾隆 keeps 乾) are left out on purpose; folding
 * 乾 to 干 everywhere only merges two characters in both the aliases and the text.
 */
import { Locale } from 'opencc-js/t2cn'

type Pairs = Map<number, number>

function singleUnitPairs(groups: readonly unknown[], into: Pairs = new Map()): Pairs {
  const visit = (dict: unknown): void => {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [from, to] = entry.split(' ')
        if (from?.length === 1 && to?.length === 1 && from !== to) into.set(from.charCodeAt(0), to.charCodeAt(0))
      }
    } else if (Array.isArray(dict)) {
      // A dictionary as [from, to] pairs, or a group of dictionaries.
      if (dict.length === 2 && typeof dict[0] === 'string' && typeof dict[1] === 'string' && !dict[0].includes(' ')) {
        const [from, to] = dict as [string, string]
        if (from.length === 1 && to.length === 1 && from !== to) into.set(from.charCodeAt(0), to.charCodeAt(0))
      } else for (const inner of dict) visit(inner)
    }
  }
  visit(groups)
  return into
}

let table: Pairs | undefined

/** Traditional (and HK/TW variant) code unit -> simplified code unit, for units that change. */
export function traditionalToSimplified(): Pairs {
  if (table) return table
  const variants = singleUnitPairs(Locale.from.hk)
  singleUnitPairs(Locale.from.tw, variants)
  const simplified = singleUnitPairs(Locale.to.cn)
  const result: Pairs = new Map()
  for (const [from, to] of simplified) result.set(from, to)
  // A regional variant goes to OpenCC's standard traditional form first, then to simplified.
  // A variant whose standard form has no simplified entry is left alone: the tables also
  // hold 么 -> 幺, and folding the everyday 么 into a rare character helps no one.
  for (const [from, standard] of variants) {
    const to = simplified.get(standard)
    if (to !== undefined && to !== from && !result.has(from)) result.set(from, to)
  }
  table = result
  return table
}
