import { SpanSelector } from './span-selector.ts'

// Reference: at each position take the longest span starting there, then jump past it.
function leftmostLongest(spans: [number, number][]): [number, number][] {
  const chosen: [number, number][] = []
  let position = 0
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  for (const span of sorted) {
    if (span[0] < position) continue
    chosen.push(span)
    position = span[1]
  }
  return chosen
}

// Feeds spans the way the scan does: by end, longest first, stopping once one is taken.
function select(spans: [number, number][]): [number, number][] {
  const selector = new SpanSelector()
  const byEnd = new Map<number, [number, number][]>()
  for (const span of spans) byEnd.set(span[1], [...(byEnd.get(span[1]) ?? []), span])
  for (const end of [...byEnd.keys()].sort((a, b) => a - b)) {
    for (const span of byEnd.get(end)!.sort((a, b) => a[0] - b[0])) if (selector.offer(span[0], span[1], 0)) break
  }
  return selector.starts.map((start, i) => [start, selector.ends[i]])
}

describe('SpanSelector', () => {
  it('lets a later shorter span in when the longer one loses (AB, BCD, CD over ABCD)', () => {
    expect(
      select([
        [0, 2],
        [1, 4],
        [2, 4],
      ]),
    ).toEqual([
      [0, 2],
      [2, 4],
    ])
  })

  it('replaces shorter spans by a longer one starting no later', () => {
    expect(
      select([
        [0, 6],
        [0, 16],
        [7, 16],
      ]),
    ).toEqual([[0, 16]])
  })

  it('agrees with the reference on random spans', () => {
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let round = 0; round < 500; round++) {
      const spans = new Map<string, [number, number]>()
      for (let i = 0; i < 12; i++) {
        const start = Math.floor(next() * 30)
        const span: [number, number] = [start, start + 1 + Math.floor(next() * 6)]
        spans.set(span.join(), span)
      }
      expect(select([...spans.values()])).toEqual(leftmostLongest([...spans.values()]))
    }
  })
})
