import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import baseline from '#tests/accuracy/baseline.json' with { type: 'json' }
import { type AccuracyReport, loadDemoRegistry, measureAccuracy } from '#tests/accuracy/measure.ts'
import { createTestDatabase } from '#tests/db.ts'

// The CI gate on mention accuracy: the hand-labelled corpus (tests/accuracy/) through the
// real ingest pipeline, against the demo registry a new install ships with. This is the
// one test that may use the demo data: what it measures is the shipped dictionary.
// It fails when precision or recall by company-document pair drops below the figures in
// tests/accuracy/baseline.json; `npm run bench -- accuracy` shows the details.

let conn: Connection
let report: AccuracyReport

beforeAll(async () => {
  conn = await createTestDatabase()
  await loadDemoRegistry(conn.db)
  report = await measureAccuracy(conn.db)
  // About 10 s alone; several times that when the whole suite shares two cores.
}, 180_000)
afterAll(async () => {
  await conn?.close()
})

function errorsOf(error: 'false-positive' | 'false-negative'): string {
  return report.errors
    .filter((e) => e.error === error)
    .map((e) => `${e.textId} ${e.company}: ${e.detail}`)
    .join('\n')
}

describe('mention accuracy on the corpus', () => {
  it('ingests every text of the corpus', () => {
    expect(report.texts).toBeGreaterThanOrEqual(90)
  })

  it('counts no more companies that a text does not name than the recorded precision allows', () => {
    expect(report.pairs.overall.precision, `false positives:\n${errorsOf('false-positive')}`).toBeGreaterThanOrEqual(
      baseline.pairs.precision,
    )
  })

  it('finds at least the recorded share of the companies each text names', () => {
    expect(report.pairs.overall.recall, `false negatives:\n${errorsOf('false-negative')}`).toBeGreaterThanOrEqual(baseline.pairs.recall)
  })
})
