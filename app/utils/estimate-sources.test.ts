import { describe, expect, it } from 'vitest'

import { groupBySource, revisionsBySource, sourceOrder } from './estimate-sources.ts'

const epoch2022 = { id: 1, source: 'Epoch AI', estimatedOn: '2022-10-26', yearFrom: 2030, yearTo: 2050 }
const broker2024 = { id: 2, source: 'A broker', estimatedOn: '2024-03-01', yearFrom: 2026, yearTo: 2028 }
const epoch2024 = { id: 3, source: 'epoch ai ', estimatedOn: '2024-06-06', yearFrom: 2032, yearTo: 2052 }

describe('estimates by source', () => {
  it('does not read a second source as a revision of the first (the "-25 years" bug)', () => {
    const marked = revisionsBySource([epoch2022, broker2024])
    expect(marked.map((e) => [e.id, e.isCurrent, e.shiftFrom, e.shiftTo])).toEqual([
      [1, true, null, null],
      [2, true, null, null],
    ])
  })

  it('revises within a source, whatever its case and spacing, and keeps one current per source', () => {
    const marked = revisionsBySource([epoch2024, broker2024, epoch2022])
    expect(marked.map((e) => [e.id, e.isCurrent, e.shiftFrom, e.shiftTo])).toEqual([
      [1, false, null, null],
      [2, true, null, null],
      [3, true, 2, 2],
    ])
    expect(sourceOrder(marked)).toEqual(['epoch ai', 'a broker'])
    expect(groupBySource(marked).map((g) => [g.source, g.estimates.map((e) => e.id)])).toEqual([
      ['epoch ai ', [1, 3]],
      ['A broker', [2]],
    ])
  })
})
