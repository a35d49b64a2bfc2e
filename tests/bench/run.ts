// `npm run bench [-- <name filter> [benchmark args...]]`: runs the benchmark modules
// below, in order, or only those whose name contains the filter.
//   npm run bench                  all benchmarks
//   npm run bench -- mentions      the mention engine only
//   npm run bench -- mentions --mb=8
//   npm run bench -- meeting --small   (see meeting.bench.ts for its options)
//   npm run bench -- hostile --mb=0.25 (see hostile.bench.ts for its options)
//   npm run bench -- rematch --small   (see rematch.bench.ts)
//   npm run bench -- --list
// To add one: write tests/bench/<name>.bench.ts exporting `run(context: BenchContext)`
// (see bench-kit.ts) and add a line here. Each figure a module passes to context.report()
// is printed again at the end, with its target and PASS or FAIL, and the machine's load.
import { type BenchFigure, type BenchModule, formatTable, machineLoad, writeResults } from './bench-kit.ts'

interface Benchmark {
  name: string
  description: string
  load: () => Promise<BenchModule>
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'mentions',
    description: 'company-mention engine vs @monyone/aho-corasick vs one RegExp, 10,000 aliases',
    load: () => import('./mentions.bench.ts'),
  },
  {
    name: 'hostile',
    description:
      'pathological 1 MB inputs through every text path (forms, paste, HTML, Markdown, PDF, feeds, URL pages), as a ratio to an ordinary note',
    load: () => import('./hostile.bench.ts'),
  },
  {
    name: 'accuracy',
    description: 'mention precision and recall on the hand-labelled corpus (tests/accuracy/) against the demo registry',
    load: () => import('./accuracy.bench.ts'),
  },
  {
    name: 'universe',
    description: 'company universe import: 10,000 companies into PGlite in one transaction (target <= 10 s)',
    load: () => import('./universe.bench.ts'),
  },
  {
    name: 'rematch',
    description: "one alias change re-matches a company's history at team scale on PostgreSQL (target <= 30 s)",
    load: () => import('./rematch.bench.ts'),
  },
  {
    name: 'search',
    description: 'document full-text search over the 50,000 documents of the meeting data set on PostgreSQL (target p50 <= 100 ms)',
    load: () => import('./search.bench.ts'),
  },
  {
    name: 'exports',
    description: 'score export of 5 years (CSV and XLSX) through the export route on PostgreSQL (targets CSV <= 2 s, XLSX <= 5 s)',
    load: () => import('./exports.bench.ts'),
  },
  {
    name: 'ingest',
    description:
      'a 100-page broker PDF ingested end to end vs pdftotext (target <= 1x); /healthz and a theme page during a 30-file bulk upload, PGlite and PostgreSQL (target <= 3x idle p99)',
    load: () => import('./ingest.bench.ts'),
  },
  {
    name: 'meeting',
    description: 'the weekly meeting page at team scale on PostgreSQL: raw SQL vs server render (autocannon), JS shipped',
    load: () => import('./meeting.bench.ts'),
  },
]

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--list')) {
    for (const { name, description } of BENCHMARKS) console.log(`${name.padEnd(16)} ${description}`)
    return 0
  }
  const [first, ...rest] = argv
  const filter = first !== undefined && !first.startsWith('--') ? first : undefined
  const args = filter === undefined ? argv : rest
  const selected = BENCHMARKS.filter(({ name }) => filter === undefined || name.includes(filter))
  if (selected.length === 0) {
    console.log(`No benchmark matches "${filter}". Known: ${BENCHMARKS.map(({ name }) => name).join(', ')}`)
    return 1
  }
  const figures: (BenchFigure & { benchmark: string })[] = []
  const loadBefore = machineLoad()
  for (const benchmark of selected) {
    console.log(`\n== ${benchmark.name}: ${benchmark.description}`)
    const module = await benchmark.load()
    await module.run({ args, writeResults, report: (figure) => figures.push({ benchmark: benchmark.name, ...figure }) })
    if (!figures.some((f) => f.benchmark === benchmark.name))
      figures.push({ benchmark: benchmark.name, figure: '(no figures reported)', value: '' })
  }
  console.log('\n== summary')
  console.log(
    formatTable(
      ['benchmark', 'figure', 'result', 'target', 'verdict'],
      figures.map((f) => [f.benchmark, f.figure, f.value, f.target ?? '', f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL']),
    ),
  )
  console.log(`machine: ${loadBefore} at the start; ${machineLoad()} at the end`)
  const failed = figures.filter((f) => f.pass === false).length
  console.log(`${figures.filter((f) => f.pass !== undefined).length - failed} PASS, ${failed} FAIL`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
