// Shared helpers for `npm run bench` modules: deterministic data, timing, memory, output.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** One measured figure against its target, for the summary `npm run bench` prints last. */
export interface BenchFigure {
  /** What was measured, e.g. "CSV, 5 years of scores". */
  figure: string
  /** The measurement with its unit, e.g. "1.84 s". */
  value: string
  /** The target in words, e.g. "<= 2 s"; none for a figure shown for context. */
  target?: string
  pass?: boolean
}

/** What run.ts hands each benchmark module. */
export interface BenchContext {
  /** Arguments after the benchmark name filter, e.g. ["--mb=8"]. */
  args: readonly string[]
  /** Writes tests/bench/out/<name>.json (git-ignored) and returns its path. */
  writeResults(name: string, data: unknown): string
  /** Adds a figure to the closing summary (each with its target and PASS or FAIL). */
  report(figure: BenchFigure): void
}

export interface BenchModule {
  run(context: BenchContext): Promise<void> | void
}

/** mulberry32: a tiny seeded PRNG, so generated data is identical on every run. */
export function createRandom(seed: number) {
  let state = seed | 0
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[] | string): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  }
}

export type Random = ReturnType<typeof createRandom>

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Runs fn `warmups` times untimed, then `runs` times; returns the times in ms. */
export function time(fn: () => unknown, runs: number, warmups = 1): number[] {
  for (let i = 0; i < warmups; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    fn()
    times.push(performance.now() - started)
  }
  return times
}

let collect: (() => void) | undefined
/** A full garbage collection, without needing node --expose-gc on the command line. */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}

/** JS heap plus memory held outside it (typed arrays' buffers), in bytes. */
export function memoryInUse(): number {
  const { heapUsed, external } = process.memoryUsage()
  return heapUsed + external
}

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)))
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** "2 cores, load average 5.1 4.8 3.9": other work on the machine shows in every figure. */
export function machineLoad(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} (1, 5, 15 min)`
}

export function writeResults(name: string, data: unknown): string {
  const dir = path.resolve(import.meta.dirname, 'out')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  return file
}
