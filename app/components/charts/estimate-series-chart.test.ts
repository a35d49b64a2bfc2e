import { describe, expect, it } from 'vitest'

import { valueTicks } from './estimate-series-chart.tsx'

// The axis of an estimate series: round ticks from 0 that reach past the largest value, so
// every bar ends inside the chart; a share always runs 0-100.
describe('estimate series axis', () => {
  it('reaches past the largest value in round steps', () => {
    expect(valueTicks(45, false)).toEqual([0, 20, 40, 60])
    expect(valueTicks(150, false)).toEqual([0, 50, 100, 150])
    expect(valueTicks(0.003, false)).toEqual([0, 0.001, 0.002, 0.003])
  })

  it('draws a share from 0 to 100', () => {
    expect(valueTicks(35, true)).toEqual([0, 25, 50, 75, 100])
  })

  it('still draws an axis when every value is 0', () => {
    expect(valueTicks(0, false)).toEqual([0, 0.5, 1])
  })
})
