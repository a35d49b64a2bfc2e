// `npm run bench -- accuracy --universe`: issue 13's target for the company universe. The
// accuracy corpus is measured twice, each time on a fresh in-memory PGlite with the demo
// registry: as it is, and with 10,000 listed companies imported through the upload's
// reader and the import (tests/accuracy/universe.ts). Target: precision by pair drops by
// no more than 0.01. Prints both, the drop, and every false positive the universe added.
import { openPglite } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { type AccuracyError, type AccuracyReport, loadDemoRegistry, measureAccuracy } from '#tests/accuracy/measure.ts'
import { importAccuracyUniverse, type UniverseImported } from '#tests/accuracy/universe.ts'

import { type BenchContext, formatTable } from './bench-kit.ts'

const MAX_PRECISION_DROP = 0.01
const COMPANIES = 10_000

async function measure(universe: boolean): Promise<{ report: AccuracyReport; imported: UniverseImported | null }> {
  const conn = await openPglite()
  try {
    await migrateToLatest(conn.db)
    await loadDemoRegistry(conn.db)
    const imported = universe ? await importAccuracyUniverse(conn.db, COMPANIES) : null
    return { report: await measureAccuracy(conn.db), imported }
  } finally {
    await conn.close()
  }
}

const key = (e: AccuracyError) => `${e.textId} ${e.company}`

export async function runWithUniverse({ writeResults }: BenchContext): Promise<void> {
  const before = await measure(false)
  const started = performance.now()
  const after = await measure(true)
  const imported = after.imported!
  console.log(
    `imported ${imported.records} records (${imported.skipped} rows skipped): ${imported.companies} companies in the registry (${((performance.now() - started) / 1000).toFixed(1)} s with the corpus)`,
  )
  for (const c of imported.counts)
    console.log(
      `  created ${c.created}, updated ${c.updated}, aliases ${c.aliasesAdded} (${c.ambiguousAliases} ambiguous), held back ${JSON.stringify(c.heldBack)}`,
    )
  console.log(`the real listings' aliases: ${imported.ordinaryNames.join('; ')}`)
  const rows = [
    ['demo registry', before.report],
    [`+ ${COMPANIES} listed companies`, after.report],
  ].map(([label, r]) => {
    const { precision, recall, truePositives, falsePositives, falseNegatives } = (r as AccuracyReport).pairs.overall
    return [label as string, precision.toFixed(3), recall.toFixed(3), String(truePositives), String(falsePositives), String(falseNegatives)]
  })
  console.log('\nBy company-document pair')
  console.log(formatTable(['registry', 'precision', 'recall', 'TP', 'FP', 'FN'], rows))
  const drop = before.report.pairs.overall.precision - after.report.pairs.overall.precision
  const recallDrop = before.report.pairs.overall.recall - after.report.pairs.overall.recall
  const pass = drop <= MAX_PRECISION_DROP + 1e-9
  console.log(
    `\nprecision drop ${drop.toFixed(3)} (recall drop ${recallDrop.toFixed(3)}): precision drop <= ${MAX_PRECISION_DROP}: ${pass ? 'PASS' : 'FAIL'}`,
  )
  const old = new Set(before.report.errors.map(key))
  const added = after.report.errors.filter((e) => !old.has(key(e)))
  const gone = before.report.errors.filter((e) => !new Set(after.report.errors.map(key)).has(key(e)))
  for (const [title, list] of [
    ['new errors with the universe', added],
    ['errors the universe removed', gone],
  ] as const) {
    console.log(`\n${title} (${list.length})`)
    for (const e of list)
      console.log(`  ${e.error} ${e.textId} ${e.company}: expected ${e.expected ?? 'any'}, found ${e.found} :: ${e.detail}`)
  }
  const file = writeResults('accuracy-universe', {
    measuredAt: new Date().toISOString(),
    companies: imported.companies,
    before: before.report.pairs.overall,
    after: after.report.pairs.overall,
    drop,
    pass,
    added,
    gone,
  })
  console.log(`\nwrote ${file}`)
}
