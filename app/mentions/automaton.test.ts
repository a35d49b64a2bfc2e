import { buildAutomaton } from './automaton.ts'
import { CharClass, foldText, getFoldTables } from './fold.ts'

// Every (key, end) pair the automaton reports, following the dictionary links.
function allOutputs(keys: string[], text: string): string[] {
  const automaton = buildAutomaton(keys)
  const keyOfNode = new Map<number, string>()
  keys.forEach((key, i) => keyOfNode.set(automaton.nodeOfKey[i], key))
  const found: string[] = []
  const outputs = automaton.scan(text)
  for (let k = 0; k < outputs.length; k += 2) {
    for (let u = outputs[k]; u !== 0; u = automaton.dictLink[u]) {
      if (automaton.terminal[u]) found.push(`${keyOfNode.get(u)}@${outputs[k + 1]}`)
    }
  }
  return found.sort()
}

// Occurrences whose start is allowed: not a letter or digit right after another one
// (all occurrences with allowedOnly false).
function bruteForce(keys: string[], text: string, allowedOnly: boolean): string[] {
  const { charClass } = getFoldTables()
  const isWord = (index: number) => charClass[text.charCodeAt(index)] === CharClass.Word
  const folded = foldText(text)
  const found: string[] = []
  for (const key of new Set(keys)) {
    for (let i = folded.indexOf(key); i >= 0; i = folded.indexOf(key, i + 1)) {
      if (!allowedOnly || i === 0 || !isWord(i) || !isWord(i - 1)) found.push(`${key}@${i + key.length}`)
    }
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
  it('reports every occurrence of every key not starting mid-word, like a brute-force search', () => {
    const next = random(7)
    const alphabet = 'abc-美图百度'
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
    for (let round = 0; round < 30; round++) {
      const keys = Array.from({ length: 1 + Math.floor(next() * 40) }, () => word(1 + Math.floor(next() * 5)))
      const text = word(300)
      expect(allOutputs(keys, text)).toEqual(bruteForce(keys, text, true))
    }
  })

  it('reports every occurrence when no key starts with a letter or digit', () => {
    const next = random(11)
    const alphabet = '-美图百度·'
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
    for (let round = 0; round < 10; round++) {
      const keys = Array.from({ length: 1 + Math.floor(next() * 30) }, () => word(1 + Math.floor(next() * 4)))
      const text = word(300)
      expect(allOutputs(keys, text)).toEqual(bruteForce(keys, text, false))
    }
  })

  it('matches folded text and reports the length consumed', () => {
    const automaton = buildAutomaton(['open ai'])
    const [node, end] = automaton.scan('Ｏｐｅｎ ＡＩ!')
    expect([end, automaton.depth[node]]).toEqual([7, 7])
  })

  it('skips white space that follows white space', () => {
    const automaton = buildAutomaton(['a b'])
    expect(automaton.scan('a \n\t b')[1]).toBe(6)
  })

  it('grows its output buffer for texts full of matches', () => {
    const automaton = buildAutomaton(['a'])
    expect(automaton.scan('a '.repeat(5000))).toHaveLength(10_000)
  })

  it('keeps every match when the first buffer holds an odd number of entries', () => {
    // 8,224 units: a first buffer of 257 entries, which once dropped every match past it.
    const outputs = buildAutomaton(['a']).scan('a '.repeat(4112))
    expect(outputs).toHaveLength(8224)
    expect(outputs[8223]).toBe(8223)
  })

  it('starts nothing in the middle of a word, but finishes what started before it', () => {
    const automaton = buildAutomaton(['pika', 'ai', '-2'])
    const ends = (text: string) => Array.from(automaton.scan(text).filter((_, k) => k % 2 === 1))
    expect(ends('pikachu')).toEqual([4])
    expect(ends('xpika')).toEqual([])
    expect(ends('openai 美ai gen-2')).toEqual([10, 16])
  })

  it('maps duplicate keys to one node', () => {
    const automaton = buildAutomaton(['x', 'yz', 'x'])
    expect(automaton.nodeOfKey[0]).toBe(automaton.nodeOfKey[2])
    expect(automaton.nodeOfKey[0]).not.toBe(automaton.nodeOfKey[1])
  })
})
