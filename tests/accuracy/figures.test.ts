import { describe, expect, it } from 'vitest'

import { scoreCorpus, scoreText } from './figures.ts'
import { text } from './types.ts'

// The scoring behind the accuracy gate: a wrong company, a missed one and a wrong count
// each move the figures they should, and only those.

const found = (company: string, times = 1) =>
  Array.from({ length: times }, () => ({ company, aliasText: company, rule: 'name', context: company }))

describe('scoreText', () => {
  it('counts a labelled company found as a true positive, by pair and by mention', () => {
    const scored = scoreText({ text: text('t1', 'news', 'en', ['baseline'], { Baidu: 2 }, 'Baidu and Baidu'), found: found('Baidu', 2) })
    expect(scored.pairs).toEqual({ tp: 1, fp: 0, fn: 0 })
    expect(scored.mentions).toEqual({ tp: 2, fp: 0, fn: 0 })
    expect(scored.errors).toEqual([])
  })

  it('reports a company found but not labelled as a false positive, and a labelled one not found as a false negative', () => {
    const scored = scoreText({ text: text('t2', 'news', 'en', ['negative'], { Pika: 1 }, 'apple pie'), found: found('Apple') })
    expect(scored.pairs).toEqual({ tp: 0, fp: 1, fn: 1 })
    expect(scored.errors.map((e) => [e.company, e.error])).toEqual([
      ['Apple', 'false-positive'],
      ['Pika', 'false-negative'],
    ])
  })

  it('scores a wrong count by mention only, and an unpinned count not at all', () => {
    const pinned = scoreText({ text: text('t3', 'news', 'en', ['furniture'], { Baidu: 1 }, 'x'), found: found('Baidu', 3) })
    expect(pinned.pairs).toEqual({ tp: 1, fp: 0, fn: 0 })
    expect(pinned.mentions).toEqual({ tp: 1, fp: 2, fn: 0 })
    expect(pinned.errors.map((e) => e.error)).toEqual(['count'])
    const unpinned = scoreText({ text: text('t4', 'news', 'en', ['tickers'], { Zhihu: null }, 'x'), found: found('Zhihu', 3) })
    expect(unpinned.mentions).toEqual({ tp: 3, fp: 0, fn: 0 })
  })
})

describe('scoreCorpus', () => {
  it('gives each kind the figures of its texts, and the overall figures of all', () => {
    const report = scoreCorpus([
      { text: text('a', 'news', 'en', ['lists'], { Runway: 1 }, 'x'), found: found('Runway') },
      { text: text('b', 'news', 'en', ['negative'], {}, 'y'), found: found('Apple') },
    ])
    expect(report.pairs.byKind.lists).toMatchObject({ precision: 1, recall: 1 })
    expect(report.pairs.byKind.negative).toMatchObject({ precision: 0, falsePositives: 1 })
    expect(report.pairs.overall).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 })
  })
})
