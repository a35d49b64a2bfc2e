// Score export at bench scale (issue 14 item 4): every score of the meeting benchmark's
// theme (5 years, ~313,000 rows in themeradar_bench, built by meeting-bench-db.ts) through
// the real export route, CSV and XLSX, read to the end and thrown away.
// Targets: CSV <= 2 s, XLSX <= 5 s; peak memory is shown to check the stream stays bounded.
//   npm run bench -- exports            full scale
//   npm run bench -- exports --small    the small data set
import type { AppLoadContext } from '@remix-run/node'

import { loader } from '#app/routes/themes_.$slug.scores.export.tsx'

import { type BenchContext, collectGarbage, formatTable, machineLoad } from './bench-kit.ts'
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
    const results = []
    for (const format of ['csv', 'xlsx'] as const) {
      collectGarbage()
      const baseline = process.memoryUsage().rss
      let peak = baseline
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
      const cpuBefore = process.cpuUsage()
      const started = performance.now()
      const response = (await loader({
        request: new Request(`http://127.0.0.1/themes/${theme.slug}/scores/export?format=${format}`, { headers: { Cookie: cookie } }),
        params: { slug: theme.slug },
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
      peak = Math.max(peak, process.memoryUsage().rss)
      results.push({
        format,
        rows: Number(n),
        csvLines: format === 'csv' ? lines : undefined,
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        mb: bytes / 1e6,
        mbPerS: bytes / 1e6 / seconds,
        peakExtraMb: (peak - baseline) / 1e6,
        targetS: TARGET_S[format],
        pass: seconds <= TARGET_S[format],
      })
    }
    console.log(`${theme.slug}: ${Number(n)} scores (${scale.name} scale)`)
    console.log(
      formatTable(
        ['export', 'rows', 'seconds', 'Node CPU s', 'MB', 'MB/s', 'peak RSS +MB', 'target s', 'result'],
        results.map((r) => [
          r.format,
          String(r.rows),
          r.seconds.toFixed(2),
          r.cpuSeconds.toFixed(2),
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
        figure: `${r.format.toUpperCase()}, ${r.rows} scores (${scale.name} scale)`,
        value: `${r.seconds.toFixed(2)} s (Node CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS +${r.peakExtraMb.toFixed(0)} MB)`,
        target: `<= ${r.targetS} s`,
        pass: r.pass,
      })
    console.log(`machine: ${machineLoad()}`)
    console.log(`results: ${writeResults('exports', { scale: scale.name, results, machine: machineLoad() })}`)
  } finally {
    await connection.close()
  }
}
