/**
 * Aho-Corasick automaton over folded UTF-16 code units, stored as a double-array trie.
 *
 * Why this shape: a document is scanned once, one code unit at a time, and almost every
 * step is "fold the unit, follow one transition". A double array makes that two typed
 * array reads (`t = base[s] + code; check[t] === s`) with no hashing and no objects, for
 * an alphabet of thousands of Han characters as cheaply as for ASCII. Units that occur in
 * no key map to code 0 and reset the scan to the root without touching the trie.
 *
 * Keys are given already folded (fold.ts); the code table folds the text on the fly.
 * A white space unit directly after another is skipped, which is how "Stable  Diffusion"
 * or a line break inside a name still matches the key "stable diffusion".
 */
import { SPACE, getFoldTables } from './fold.ts'

/** Receives every position where some key ends (rare next to the scan itself). */
export interface OutputSink {
  onOutput(node: number, end: number): void
}

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
  scan(text: string, sink: OutputSink): void
}

export function buildAutomaton(keys: readonly string[]): Automaton {
  const { fold } = getFoldTables()

  // Frequent units get small codes: the arrays stay dense where most nodes live.
  const frequency = new Int32Array(0x10000)
  for (const key of keys) for (let i = 0; i < key.length; i++) frequency[key.charCodeAt(i)]++
  const units: number[] = []
  for (let unit = 0; unit < 0x10000; unit++) if (frequency[unit] > 0) units.push(unit)
  units.sort((a, b) => frequency[b] - frequency[a] || a - b)
  const codeOfUnit = new Uint16Array(0x10000)
  units.forEach((unit, index) => (codeOfUnit[unit] = index + 1))
  const alphabet = units.length
  const code = new Uint16Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) code[unit] = codeOfUnit[fold[unit]]

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
  return builder.finish(nodeOfKey, codeOfUnit[SPACE], code)
}

class DoubleArrayBuilder {
  base: Int32Array
  check: Int32Array
  depth: Int32Array
  // Child codes per node, kept for the breadth-first failure pass.
  kidStart: Int32Array
  kidCount: Int32Array
  kids: number[] = []
  freeAfter: Int32Array
  size = 1
  nodeCount = 1

  constructor(readonly alphabet: number, totalUnits: number) {
    const capacity = Math.max(1024, totalUnits + alphabet + 2)
    this.base = new Int32Array(capacity)
    this.check = new Int32Array(capacity).fill(-1)
    this.depth = new Int32Array(capacity)
    this.kidStart = new Int32Array(capacity)
    this.kidCount = new Int32Array(capacity)
    this.freeAfter = new Int32Array(capacity)
    for (let i = 1; i < capacity; i++) this.freeAfter[i] = i
    this.freeAfter[0] = 1 // the root's cell
  }

  /** Places all keys (sorted, unique, as code arrays); returns each key's end node. */
  place(keys: Int32Array[]): Int32Array {
    const endNode = new Int32Array(keys.length)
    // Explicit stack of [node, lo, hi, depth]: keys[lo, hi) all pass through node.
    const stack: number[] = [0, 0, keys.length, 0]
    const codes: number[] = []
    const starts: number[] = []
    while (stack.length > 0) {
      const depth = stack.pop()!
      const hi = stack.pop()!
      let lo = stack.pop()!
      const node = stack.pop()!
      if (lo < hi && keys[lo].length === depth) endNode[lo++] = node // shortest sorts first
      if (lo === hi) continue
      codes.length = 0
      starts.length = 0
      for (let i = lo; i < hi; i++) {
        const unit = keys[i][depth]
        if (codes.length === 0 || codes[codes.length - 1] !== unit) {
          codes.push(unit)
          starts.push(i)
        }
      }
      starts.push(hi)
      const base = this.findBase(codes)
      this.base[node] = base
      this.kidStart[node] = this.kids.length
      this.kidCount[node] = codes.length
      for (let c = 0; c < codes.length; c++) {
        const child = base + codes[c]
        this.check[child] = node
        this.depth[child] = depth + 1
        this.kids.push(codes[c])
        stack.push(child, starts[c], starts[c + 1], depth + 1)
      }
      this.nodeCount += codes.length
    }
    return endNode
  }

  /** First base >= 0 whose cells for all `codes` are free (first fit). */
  private findBase(codes: number[]): number {
    let min = codes[0]
    let max = codes[0]
    for (const c of codes) {
      if (c < min) min = c
      if (c > max) max = c
    }
    for (let cell = this.firstFreeFrom(min); ; cell = this.firstFreeFrom(cell + 1)) {
      const base = cell - min
      this.ensure(base + max + 2)
      let fits = true
      for (const c of codes) {
        if (this.check[base + c] !== -1) {
          fits = false
          break
        }
      }
      if (fits) {
        for (const c of codes) this.freeAfter[base + c] = base + c + 1
        this.size = Math.max(this.size, base + max + 1)
        return base
      }
    }
  }

  /**
   * The first free cell at or after `cell`. Union-find with path halving over
   * `freeAfter` (a used cell points past itself): scanning cell by cell made the build
   * quadratic once the front of the array filled up (seconds for 10,000 aliases).
   */
  private firstFreeFrom(cell: number): number {
    this.ensure(cell + 2)
    const next = this.freeAfter
    while (next[cell] !== cell) {
      next[cell] = next[next[cell]]
      cell = next[cell]
    }
    return cell
  }

  private ensure(length: number): void {
    if (length <= this.check.length) return
    const old = this.check.length
    const capacity = Math.max(length, old * 2)
    const grow = (from: Int32Array, fill = 0) => {
      const to = new Int32Array(capacity).fill(fill)
      to.set(from)
      return to
    }
    this.base = grow(this.base)
    this.check = grow(this.check, -1)
    this.depth = grow(this.depth)
    this.kidStart = grow(this.kidStart)
    this.kidCount = grow(this.kidCount)
    this.freeAfter = grow(this.freeAfter)
    for (let i = old; i < capacity; i++) this.freeAfter[i] = i
  }

  finish(nodeOfKey: Int32Array, spaceCode: number, code: Uint16Array): Automaton {
    // Padding: base[s] + any code stays inside the arrays, so the scan never reads
    // out of bounds (which would also make V8 leave its fast path).
    let maxBase = 0
    for (let s = 0; s < this.size; s++) if (this.base[s] > maxBase) maxBase = this.base[s]
    const length = Math.max(this.size, maxBase + this.alphabet + 1)
    const base = this.base.slice(0, length)
    const check = new Int32Array(length).fill(-1)
    check.set(this.check.subarray(0, Math.min(this.size, length)))
    check[0] = -1
    const terminal = new Uint8Array(length)
    for (const node of nodeOfKey) terminal[node] = 1
    const fail = new Int32Array(length)
    const dictLink = new Int32Array(length)
    const out = new Uint8Array(length)

    // Breadth first, so a node's failure target is final before its children need it.
    const queue = new Int32Array(this.nodeCount)
    let head = 0
    let tail = 1 // queue[0] = root
    while (head < tail) {
      const node = queue[head++]
      const first = this.kidStart[node]
      const count = this.kidCount[node]
      for (let k = first; k < first + count; k++) {
        const c = this.kids[k]
        const child = base[node] + c
        let target = 0
        if (node !== 0) {
          for (let f = fail[node]; ; f = fail[f]) {
            const t = base[f] + c
            if (check[t] === f) {
              target = t
              break
            }
            if (f === 0) break
          }
        }
        fail[child] = target
        dictLink[child] = terminal[target] === 1 ? target : dictLink[target]
        out[child] = terminal[child] === 1 || dictLink[child] !== 0 ? 1 : 0
        queue[tail++] = child
      }
    }
    return new DoubleArrayAutomaton(code, base, check, fail, out, this.depth.slice(0, length), terminal, dictLink, nodeOfKey, spaceCode, this.nodeCount)
  }
}

class DoubleArrayAutomaton implements Automaton {
  constructor(
    private readonly code: Uint16Array,
    private readonly base: Int32Array,
    private readonly check: Int32Array,
    private readonly fail: Int32Array,
    private readonly out: Uint8Array,
    readonly depth: Int32Array,
    readonly terminal: Uint8Array,
    readonly dictLink: Int32Array,
    readonly nodeOfKey: Int32Array,
    // 0 when no key holds a space: spaces then reset the scan like any unknown unit.
    private readonly spaceCode: number,
    readonly nodeCount: number,
  ) {}

  scan(text: string, sink: OutputSink): void {
    const { code, base, check, fail, out, spaceCode } = this
    const length = text.length
    let state = 0
    for (let i = 0; i < length; i++) {
      const c = code[text.charCodeAt(i)]
      if (c === 0) {
        state = 0
        continue
      }
      if (c === spaceCode && i > 0 && code[text.charCodeAt(i - 1)] === spaceCode) continue
      for (;;) {
        const next = base[state] + c
        if (check[next] === state) {
          state = next
          break
        }
        if (state === 0) break
        state = fail[state]
      }
      if (out[state] !== 0) sink.onOutput(state, i + 1)
    }
  }
}
