import { buildAutomaton } from './automaton.ts'
import { foldText } from './fold.ts'

// Every (key, end) pair the automaton reports, following the dictionary links.
function allOutputs(keys: string[], text: string): string[] {
  const automaton = buildAutomaton(keys)
  const keyOfNode = new Map<number, string>()
  keys.forEach((key, i) => keyOfNode.set(automaton.nodeOfKey[i], key))
  const found: string[] = []
  automaton.scan(text, {
    onOutput(node, end) {
      for (let u = node; u !== 0; u = automaton.dictLink[u]) {
        if (automaton.terminal[u]) found.push(`${keyOfNode.get(u)}@${end}`)
      }
    },
  })
  return found.sort()
}

function bruteForce(keys: string[], text: string): string[] {
  const folded = foldText(text)
  const found: string[] = []
  for (const key of new Set(keys)) {
    for (let i = folded.indexOf(key); i >= 0; i = folded.indexOf(key, i + 1)) found.push(`${key}@${i + key.length}`)
  }
  return found.sort()
}

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('buildAutomaton', () => {
  it('reports every occurrence of every key, like a brute-force search', () => {
    const next = random(7)
    const alphabet = 'abc美图百度'
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
    for (let round = 0; round < 30; round++) {
      const keys = Array.from({ length: 1 + Math.floor(next() * 40) }, () => word(1 + Math.floor(next() * 5)))
      const text = word(300)
      expect(allOutputs(keys, text)).toEqual(bruteForce(keys, text))
    }
  })

  it('matches folded text and reports the length consumed', () => {
    const automaton = buildAutomaton(['open ai'])
    const ends: number[] = []
    automaton.scan('Ｏｐｅｎ ＡＩ!', { onOutput: (node, end) => ends.push(end, automaton.depth[node]) })
    expect(ends).toEqual([7, 7])
  })

  it('skips white space that follows white space', () => {
    const automaton = buildAutomaton(['a b'])
    const ends: number[] = []
    automaton.scan('a \n\t b', { onOutput: (_node, end) => ends.push(end) })
    expect(ends).toEqual([6])
  })

  it('maps duplicate keys to one node', () => {
    const automaton = buildAutomaton(['x', 'yz', 'x'])
    expect(automaton.nodeOfKey[0]).toBe(automaton.nodeOfKey[2])
    expect(automaton.nodeOfKey[0]).not.toBe(automaton.nodeOfKey[1])
  })
})
