/**
 * Aho-Corasick automaton over folded UTF-16 code units, stored as a double-array trie.
 *
 * Why this shape: a document is scanned once, one code unit at a time, and almost every
 * step is "fold the unit, follow one transition". A double array makes that two typed
 * array reads (`t = base[s] + code; check[t] === s`, double-array.ts) with no hashing and
 * no objects, for an alphabet of thousands of Han characters as cheaply as for ASCII. Units that occur in
 * no key map to code 0 and reset the scan to the root without touching the trie.
 *
 * Keys are given already folded (fold.ts); the code table folds the text on the fly.
 * A white space unit directly after another is skipped, which is how "Stable  Diffusion"
 * or a line break inside a name still matches the key "stable diffusion".
 *
 * Mid-word starts are skipped: from the root, a letter or digit of a spaced script
 * (CharClass.Word) right after another one starts nothing. A key starting there would
 * fail the Latin word-boundary rule anyway (matcher.ts), and this keeps the scan at the
 * root through the inside of English words, where most of the work used to go. The
 * failure links follow the same rule (double-array.ts). The state is then always the
 * longest suffix of the text that is a trie prefix and does not start mid-word, so
 * exactly the occurrences with an allowed start are reported (automaton.test.ts checks
 * this against a brute-force search).
 */
import { type DoubleArray, DoubleArrayBuilder } from './double-array.ts'
import { CharClass, getFoldTables, SPACE } from './fold.ts'

// Code table entries: the unit's alphabet code in the low 15 bits (0: in no key), and
// this bit when the unit is a spaced-script letter or digit.
const WORD_BIT = 0x8000
const CODE_MASK = 0x7fff

export interface Automaton {
  /** For each input key (same order), the node where it ends. */
  readonly nodeOfKey: Int32Array
  /** Folded units consumed to reach each node (the length of the key ending there). */
  readonly depth: Int32Array
  /** 1 when a key ends exactly at the node. */
  readonly terminal: Uint8Array
  /** The nearest proper suffix node where a key ends (0: none): the shorter outputs. */
  readonly dictLink: Int32Array
  /** Number of trie nodes, for reporting. */
  readonly nodeCount: number
  /**
   * Every position where some key ends, as pairs [node, end, node, end, ...] in text
   * order (end is exclusive). The caller walks dictLink from each node for the shorter
   * keys ending there. Collected into a buffer rather than passed to a callback: a call
   * in the loop cost more than the loop itself (spilled registers, a bigger loop body).
   */
  scan(text: string): Int32Array
}

export function buildAutomaton(keys: readonly string[]): Automaton {
  const { fold, charClass } = getFoldTables()

  // Frequent units get small codes: the arrays stay dense where most nodes live.
  const frequency = new Int32Array(0x10000)
  for (const key of keys) for (let i = 0; i < key.length; i++) frequency[key.charCodeAt(i)]++
  const units: number[] = []
  for (let unit = 0; unit < 0x10000; unit++) if (frequency[unit] > 0) units.push(unit)
  units.sort((a, b) => frequency[b] - frequency[a] || a - b)
  const codeOfUnit = new Uint16Array(0x10000)
  units.forEach((unit, index) => (codeOfUnit[unit] = index + 1))
  const alphabet = units.length
  if (alphabet > CODE_MASK) throw new RangeError(`Aliases use ${alphabet} distinct characters; at most ${CODE_MASK} fit`)
  const code = new Uint16Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) {
    code[unit] = codeOfUnit[fold[unit]] | (charClass[unit] === CharClass.Word ? WORD_BIT : 0)
  }

  // Sorted unique keys: every trie node is then a contiguous range of keys.
  const unique = [...new Set(keys)].sort()
  let totalUnits = 0
  const coded = new Array<Int32Array>(unique.length)
  for (let k = 0; k < unique.length; k++) {
    const key = unique[k]
    const codes = new Int32Array(key.length)
    for (let i = 0; i < key.length; i++) codes[i] = codeOfUnit[key.charCodeAt(i)]
    coded[k] = codes
    totalUnits += key.length
  }
  const builder = new DoubleArrayBuilder(alphabet, totalUnits)
  const nodeOfUnique = builder.place(coded)
  const nodeOf = new Map<string, number>()
  for (let k = 0; k < unique.length; k++) nodeOf.set(unique[k], nodeOfUnique[k])
  const nodeOfKey = new Int32Array(keys.length)
  for (let k = 0; k < keys.length; k++) nodeOfKey[k] = nodeOf.get(keys[k])!
  const isWordCode = new Uint8Array(alphabet + 1)
  units.forEach((unit, index) => (isWordCode[index + 1] = charClass[unit] === CharClass.Word ? 1 : 0))
  return new DoubleArrayAutomaton(code, builder.finish(nodeOfKey, isWordCode), nodeOfKey, codeOfUnit[SPACE])
}

// Node records interleaved in one Int32Array, 4 slots per node, addressed by
// offset = node * 4: [check (parent's offset), base * 4, fail offset, has output].
// One transition then touches one cache line instead of four separate arrays: the
// arrays for 10,000 aliases (~1 MB) do not fit in L2, and the scan is bound by misses.
const CHECK = 0
const BASE = 1
const FAIL = 2
const OUT = 3

class DoubleArrayAutomaton implements Automaton {
  private readonly records: Int32Array
  // The root's transitions by code, dense: most steps in running text start from the root.
  private readonly rootNext: Int32Array

  readonly depth: Int32Array
  readonly terminal: Uint8Array
  readonly dictLink: Int32Array
  readonly nodeCount: number

  constructor(
    private readonly code: Uint16Array,
    trie: DoubleArray,
    readonly nodeOfKey: Int32Array,
    // 0 when no key holds a space: spaces then reset the scan like any unknown unit.
    private readonly spaceCode: number,
  ) {
    const { base, check, fail, out } = trie
    this.depth = trie.depth
    this.terminal = trie.terminal
    this.dictLink = trie.dictLink
    this.nodeCount = trie.nodeCount
    const length = base.length
    const records = new Int32Array(length * 4)
    for (let node = 0; node < length; node++) {
      const at = node * 4
      records[at + CHECK] = check[node] < 0 ? -1 : check[node] * 4
      records[at + BASE] = base[node] * 4
      records[at + FAIL] = fail[node] * 4
      records[at + OUT] = out[node]
    }
    records[CHECK] = -1
    let alphabet = 0
    for (let unit = 0; unit < 0x10000; unit++) alphabet = Math.max(alphabet, code[unit] & CODE_MASK)
    const rootNext = new Int32Array(alphabet + 1)
    for (let c = 1; c <= alphabet; c++) if (check[base[0] + c] === 0) rootNext[c] = (base[0] + c) * 4
    this.records = records
    this.rootNext = rootNext
  }

  scan(text: string): Int32Array {
    const { code, records, rootNext, spaceCode } = this
    const length = text.length
    let outputs: Int32Array = new Int32Array(Math.max(256, length >> 5))
    let count = 0
    let state = 0 // an offset into records
    let previous = 0 // the previous unit's code table entry
    for (let i = 0; i < length; i++) {
      const entry = code[text.charCodeAt(i)]
      const c = entry & CODE_MASK
      if (c === 0) {
        state = 0
        previous = entry
        continue
      }
      if (c === spaceCode && (previous & CODE_MASK) === spaceCode) continue
      let next = 0
      while (state !== 0) {
        const t = records[state + BASE] + (c << 2)
        if (records[t + CHECK] === state) {
          next = t
          break
        }
        state = records[state + FAIL]
      }
      state = next !== 0 ? next : (entry & previous & WORD_BIT) !== 0 ? 0 : rootNext[c]
      previous = entry
      if (records[state + OUT] !== 0) {
        // Pairs: the first size may be odd (length >> 5), so grow before a pair would not fit.
        if (count + 2 > outputs.length) outputs = grow(outputs)
        outputs[count] = state >> 2
        outputs[count + 1] = i + 1
        count += 2
      }
    }
    return outputs.subarray(0, count)
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}
