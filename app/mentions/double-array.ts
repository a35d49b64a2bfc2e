/**
 * Builds the double-array trie behind the automaton (automaton.ts) and its Aho-Corasick
 * links. A node's children sit at base[node] + code(char), and check[child] = node says
 * the cell really belongs to that node. Keys arrive sorted, so each node is a contiguous
 * range of keys and no pointer trie is built first.
 */

export interface DoubleArray {
  base: Int32Array
  /** The parent of each cell, -1 for a free cell. */
  check: Int32Array
  /** Aho-Corasick failure link: the longest proper suffix that is also a trie node. */
  fail: Int32Array
  /** 1 when a key ends at the node or at one of its suffixes. */
  out: Uint8Array
  depth: Int32Array
  terminal: Uint8Array
  dictLink: Int32Array
  nodeCount: number
}

export class DoubleArrayBuilder {
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

  constructor(
    readonly alphabet: number,
    totalUnits: number,
  ) {
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
    // Queue of [node, lo, hi, depth]: keys[lo, hi) all pass through node. Breadth first
    // on purpose: shallow nodes, which running text visits most, land close together at
    // the front of the arrays and stay in cache.
    const queue: number[] = [0, 0, keys.length, 0]
    const codes: number[] = []
    const starts: number[] = []
    for (let head = 0; head < queue.length; head += 4) {
      const node = queue[head]
      let lo = queue[head + 1]
      const hi = queue[head + 2]
      const depth = queue[head + 3]
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
        queue.push(child, starts[c], starts[c + 1], depth + 1)
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

  /**
   * The finished trie with failure and dictionary links, all indexed by node.
   *
   * The links skip suffixes that start in the middle of a word: a suffix whose first
   * character and the character before it (inside the node's string) are both
   * letters/digits of a spaced script (`isWordCode`). A key found there would fail the
   * Latin boundary rule, so following it is wasted work (in English text, most failure
   * steps were exactly that). Which suffixes qualify depends only on the node's own
   * string, so the links stay static; the scan applies the same rule at the root.
   */
  finish(nodeOfKey: Int32Array, isWordCode: Uint8Array): DoubleArray {
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
    const endsInWord = new Uint8Array(length) // the node's last character is a word character

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
        endsInWord[child] = isWordCode[c]
        // The longest allowed proper suffix of node + c that is a node: extend the
        // allowed suffixes of node, longest first; the empty one only if c may start.
        let target = 0
        if (node !== 0) {
          for (let f = fail[node]; ; f = fail[f]) {
            if (f === 0 && endsInWord[node] === 1 && isWordCode[c] === 1) break
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
    return { base, check, fail, out, depth: this.depth.slice(0, length), terminal, dictLink, nodeCount: this.nodeCount }
  }
}
