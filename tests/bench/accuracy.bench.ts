// `npm run bench -- accuracy`: the accuracy corpus (tests/accuracy/) through the real ingest
// pipeline against the demo registry, on a fresh in-memory PGlite. Prints precision and
// recall by kind and overall, by company-document pair and by mention, then every false
// positive, false negative and wrong count, and writes tests/bench/out/accuracy.json.
//   npm run bench -- accuracy            everything
//   npm run bench -- accuracy --quiet    figures only, no error list
//   npm run bench -- accuracy --universe the same, then again with 10,000 listed companies
//                                        imported (tests/bench/accuracy-universe.ts)
import { openPglite } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { type AccuracyReport, type Figures, loadDemoRegistry, measureAccuracy } from '#tests/accuracy/measure.ts'

import { runWithUniverse } from './accuracy-universe.ts'
import { type BenchContext, formatTable } from './bench-kit.ts'

const TARGET = { precision: 0.98, recall: 0.95 }

function figureCells(figures: Figures): string[] {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall } = figures
  return [precision.toFixed(3), recall.toFixed(3), String(tp), String(fp), String(fn)]
}

function printTable(title: string, part: AccuracyReport['pairs']): void {
  const rows = [
    ...Object.entries(part.byKind).map(([kind, figures]) => [kind, ...figureCells(figures!)]),
    ['overall', ...figureCells(part.overall)],
  ]
  console.log(`\n${title}`)
  console.log(formatTable(['kind', 'precision', 'recall', 'TP', 'FP', 'FN'], rows))
}

export async function run(context: BenchContext): Promise<void> {
  if (context.args.includes('--universe')) return runWithUniverse(context)
  const { args, writeResults } = context
  const conn = await openPglite()
  try {
    await migrateToLatest(conn.db)
    await loadDemoRegistry(conn.db)
    const started = performance.now()
    const report = await measureAccuracy(conn.db)
    const seconds = (performance.now() - started) / 1000
    console.log(`${report.texts} texts ingested in ${seconds.toFixed(1)} s`)
    printTable('By company-document pair', report.pairs)
    printTable('By mention', report.mentions)
    const { precision, recall } = report.pairs.overall
    const pass = precision >= TARGET.precision && recall >= TARGET.recall
    console.log(
      `\nBy pair: precision ${precision.toFixed(3)} (target >= ${TARGET.precision}), recall ${recall.toFixed(3)} (target >= ${TARGET.recall}): ${pass ? 'PASS' : 'FAIL'}`,
    )
    context.report({
      figure: 'precision / recall by pair, hand-labelled corpus',
      value: `${precision.toFixed(3)} / ${recall.toFixed(3)}`,
      target: `>= ${TARGET.precision} / >= ${TARGET.recall}`,
      pass,
    })
    if (!args.includes('--quiet')) {
      for (const error of ['false-positive', 'false-negative', 'count'] as const) {
        const rows = report.errors.filter((e) => e.error === error)
        console.log(`\n${error} (${rows.length})`)
        for (const e of rows)
          console.log(`  ${e.textId} [${e.kinds.join(',')}] ${e.company}: expected ${e.expected ?? 'any'}, found ${e.found} :: ${e.detail}`)
      }
    }
    const file = writeResults('accuracy', { measuredAt: new Date().toISOString(), target: TARGET, seconds, ...report })
    console.log(`\nwrote ${file}`)
  } finally {
    await conn.close()
  }
}
