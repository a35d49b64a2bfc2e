// Score export at bench scale (issue 14 item 4): every score of the meeting benchmark's
// theme (5 years, ~313,000 rows in themeradar_bench, built by meeting-bench-db.ts) through
// the real export route, CSV and XLSX, read to the end and thrown away.
// Targets: CSV <= 2 s, XLSX <= 5 s; peak memory is shown to check the stream stays bounded.
// Each format is exported --runs times (default 3, alternating formats) and judged by the
// median: on the shared 2-core machine one run's wall time swings 2-3x with the load. The
// PostgreSQL backends' CPU is shown next to Node's when the server runs on this machine.
//   npm run bench -- exports            full scale
//   npm run bench -- exports --small    the small data set
//   npm run bench -- exports --runs=1   one export of each
import { readFileSync } from 'node:fs'

import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'kysely'

import { loader } from '#app/routes/themes_.$slug.scores.export.tsx'

import { type BenchContext, collectGarbage, formatTable, machineLoad, median } from './bench-kit.ts'
import { openBenchDatabase, signInAs } from './meeting-bench-db.ts'
import { SCALES } from './meeting-data.ts'

const TARGET_S = { csv: 2, xlsx: 5 } as const
const SECRET = 'exports-bench-secret'

export async function run({ args, writeResults, report }: BenchContext) {
  const scale = args.includes('--small') ? SCALES.small : SCALES.full
  const bench = await openBenchDatabase(scale, { rebuild: args.includes('--rebuild'), log: (line) => console.log(line) })
  const { connection } = bench
  try {
    const theme = await connection.db.selectFrom('theme').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow()
    const { n } = await connection.db
      .selectFrom('score')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('theme_id', '=', theme.id)
      .executeTakeFirstOrThrow()
    const user = await connection.db.selectFrom('app_user').select('email').orderBy('id').executeTakeFirstOrThrow()
    const cookie = await signInAs(connection, user.email, SECRET)
    const context = { db: connection.db, dbKind: connection.kind, sessionSecret: SECRET, clientIp: '127.0.0.1' } as AppLoadContext
    const runs = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3))
    const samples: Record<'csv' | 'xlsx', Sample[]> = { csv: [], xlsx: [] }
    for (let run = 0; run < runs; run++)
      for (const format of ['csv', 'xlsx'] as const)
        samples[format].push(await exportOnce(format, theme.slug, cookie, context, connection.db))
    const results = (['csv', 'xlsx'] as const).map((format) => {
      const list = samples[format]
      const seconds = median(list.map((x) => x.seconds))
      return {
        format,
        rows: Number(n),
        csvLines: format === 'csv' ? list[0].lines : undefined,
        runs: list.map((x) => x.seconds),
        seconds,
        cpuSeconds: median(list.map((x) => x.cpuSeconds)),
        dbCpuSeconds: median(list.map((x) => x.dbCpuSeconds)),
        mb: list[0].bytes / 1e6,
        mbPerS: list[0].bytes / 1e6 / seconds,
        peakExtraMb: Math.max(...list.map((x) => x.peakExtraMb)),
        targetS: TARGET_S[format],
        pass: seconds <= TARGET_S[format],
      }
    })
    console.log(`${theme.slug}: ${Number(n)} scores (${scale.name} scale)`)
    console.log(
      formatTable(
        ['export', 'rows', 'seconds (median)', 'runs', 'Node CPU s', 'DB CPU s', 'MB', 'MB/s', 'peak RSS +MB', 'target s', 'result'],
        results.map((r) => [
          r.format,
          String(r.rows),
          r.seconds.toFixed(2),
          r.runs.map((x) => x.toFixed(2)).join(' / '),
          r.cpuSeconds.toFixed(2),
          Number.isNaN(r.dbCpuSeconds) ? '-' : r.dbCpuSeconds.toFixed(2),
          r.mb.toFixed(1),
          r.mbPerS.toFixed(1),
          r.peakExtraMb.toFixed(0),
          `<= ${r.targetS}`,
          r.pass ? 'PASS' : 'FAIL',
        ]),
      ),
    )
    for (const r of results)
      report({
        figure: `${r.format.toUpperCase()}, ${r.rows} scores (${scale.name} scale), median of ${r.runs.length}`,
        value:
          `${r.seconds.toFixed(2)} s (runs ${r.runs.map((x) => x.toFixed(2)).join(' / ')}; Node CPU ${r.cpuSeconds.toFixed(2)} s` +
          `${Number.isNaN(r.dbCpuSeconds) ? '' : `, DB CPU ${r.dbCpuSeconds.toFixed(2)} s`}, peak RSS +${r.peakExtraMb.toFixed(0)} MB)`,
        target: `<= ${r.targetS} s`,
        pass: r.pass,
      })
    console.log(`machine: ${machineLoad()}`)
    console.log(`results: ${writeResults('exports', { scale: scale.name, results, machine: machineLoad() })}`)
  } finally {
    await connection.close()
  }
}

interface Sample {
  seconds: number
  cpuSeconds: number
  dbCpuSeconds: number
  bytes: number
  lines: number
  peakExtraMb: number
}

/**
 * The CPU seconds so far of each PostgreSQL backend the bench's pool holds (at most 4),
 * read from /proc: empty when the server runs elsewhere. A backend that has gone keeps its
 * last reading, so the caller samples this while the export runs.
 */
async function dbBackends(db: AppLoadContext['db']) {
  const pids = (
    await Promise.all([0, 1, 2, 3].map(() => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db)))
  ).map((r) => r.rows[0].pid)
  const cpu = new Map<number, { first: number; last: number }>()
  const read = () => {
    for (const pid of new Set(pids)) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
        const seconds = (Number(fields[11]) + Number(fields[12])) / 100
        const seen = cpu.get(pid)
        if (seen) seen.last = seconds
        else cpu.set(pid, { first: seconds, last: seconds })
      } catch {
        // gone (or on another machine): its last reading stands
      }
    }
  }
  read()
  return {
    read,
    seconds: () => (cpu.size ? [...cpu.values()].reduce((sum, c) => sum + c.last - c.first, 0) : NaN),
  }
}

/** One export through the route, read to the end: wall time, Node's and the database's CPU, peak memory. */
async function exportOnce(
  format: 'csv' | 'xlsx',
  slug: string,
  cookie: string,
  context: AppLoadContext,
  db: AppLoadContext['db'],
): Promise<Sample> {
  const backends = await dbBackends(db)
  collectGarbage()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
    backends.read()
  }, 20)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const response = (await loader({
    request: new Request(`http://127.0.0.1/themes/${slug}/scores/export?format=${format}`, { headers: { Cookie: cookie } }),
    params: { slug },
    context,
  })) as Response
  let bytes = 0
  let lines = 0
  const reader = response.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (format === 'csv') for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++
  }
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  backends.read()
  peak = Math.max(peak, process.memoryUsage().rss)
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    dbCpuSeconds: backends.seconds(),
    bytes,
    lines,
    peakExtraMb: (peak - baseline) / 1e6,
  }
}
