// The mention engine against the alternatives, in one process, on the same data:
//   ours                           buildMentionMatcher().findMentions(): folding, Latin word
//                                  boundaries, case, CJK filter, leftmost-longest, ambiguity
//                                  context and snippets
//   ours, scan only                the automaton pass alone (no candidate checks)
//   @monyone/aho-corasick          default (Map trie, all overlapping matches)
//   @monyone/aho-corasick/fast     double array, all overlapping matches
//   @monyone/aho-corasick/greedy   leftmost-longest, non-overlapping
//   RegExp alternation             one /a|b|.../g, longest first, on a slice (it is slow)
// The others match the aliases as written against the raw text: no folding, no
// boundaries, no filters. That is less work than ours does; the report says so.
//
// Each engine is built and warmed up on its own (build time, memory), then the timed runs
// go round-robin: one run of each engine per round, so a burst of load from something
// else on the machine hits every engine alike. MB/s is the median over the rounds.
import { AhoCorasick as MonyoneDefault } from '@monyone/aho-corasick'
import { AhoCorasick as MonyoneFast } from '@monyone/aho-corasick/fast'
import { AhoCorasick as MonyoneGreedy } from '@monyone/aho-corasick/greedy'

import { buildAutomaton } from '#app/mentions/automaton.ts'
import { DEFAULT_COMPANY_WORDS, PRODUCT_WORDS } from '#app/mentions/context.ts'
import { buildMentionMatcher, foldAliasKey, type MentionMatcherOptions, summariseByCompany } from '#app/mentions/index.ts'
import { BareCode, tickerVariants } from '#app/mentions/tickers.ts'

import { type BenchContext, collectGarbage, formatTable, median, memoryInUse } from './bench-kit.ts'
import { BENCH_TOPIC_WORDS, generateAliases, generateText, generateTickers } from './mentions-data.ts'

interface Engine {
  name: string
  work: string
  /** Leftmost-longest non-overlapping output, like ours. */
  nonOverlapping: boolean
  /** Measured on the small slice instead of the whole text (the RegExp). */
  onSlice?: boolean
  /** Shown, but not one of "the others" in the ratio. */
  informational?: boolean
  build: () => { match(text: string): number }
}

const MB = 1e6
const option = (args: readonly string[], name: string, fallback: number) => {
  const arg = args.find((a) => a.startsWith(`--${name}=`))
  return arg ? Number(arg.slice(name.length + 3)) : fallback
}

export async function run({ args, writeResults, report }: BenchContext) {
  const megabytes = option(args, 'mb', 24)
  const rounds = option(args, 'runs', 7)
  const sliceMegabytes = option(args, 'regex-mb', 0.25)

  let started = performance.now()
  const aliases = generateAliases(10_000)
  // Every rule on: 3,000 registry tickers in all their written forms, a theme's topic words.
  const tickers = generateTickers(3000)
  const options: MentionMatcherOptions = { tickers, topicWords: BENCH_TOPIC_WORDS }
  const text = generateText(aliases, megabytes, 7, tickers)
  const textBytes = Buffer.byteLength(text)
  const slice = text.slice(0, Math.round((text.length * sliceMegabytes * MB) / textBytes))
  const sliceBytes = Buffer.byteLength(slice)
  // The others get every key ours holds: aliases, ticker forms and context words.
  const writtenAs = [
    ...new Set([
      ...aliases.map((alias) => alias.text),
      // Not the bracket-only symbols (ON, SNAP): ours looks for those behind a mention, not in the automaton.
      ...tickers.flatMap((ticker) =>
        tickerVariants(ticker)
          .filter((variant) => variant.bare !== BareCode.BracketedLetters)
          .map((variant) => variant.text),
      ),
      ...aliases.flatMap((alias) => alias.negativeContext ?? []),
      ...DEFAULT_COMPANY_WORDS,
      ...PRODUCT_WORDS,
      ...BENCH_TOPIC_WORDS,
    ]),
  ]
  console.log(
    `data: ${aliases.length} aliases, ${tickers.length} tickers (${writtenAs.length} keys in all), ${(textBytes / MB).toFixed(1)} MB UTF-8 (${text.length.toLocaleString()} UTF-16 units), ` +
      `slice for the RegExp ${(sliceBytes / MB).toFixed(2)} MB; generated in ${(performance.now() - started).toFixed(0)} ms`,
  )
  started = performance.now()
  buildMentionMatcher([]) // the fold tables: built once per process, not per matcher
  const foldTablesMs = performance.now() - started

  const monyone = (name: string, nonOverlapping: boolean, make: () => { matchInText(text: string): unknown[] }): Engine => ({
    name,
    work: `raw, case-sensitive, ${nonOverlapping ? 'leftmost-longest' : 'all overlapping matches'}`,
    nonOverlapping,
    build: () => {
      const matcher = make()
      return { match: (t) => matcher.matchInText(t).length }
    },
  })
  const engines: Engine[] = [
    {
      name: 'ours (findMentions)',
      work: 'fold + boundaries + case + CJK filter + longest + ambiguity + snippets',
      nonOverlapping: true,
      build: () => {
        const matcher = buildMentionMatcher(aliases, options)
        return { match: (t) => matcher.findMentions(t).length }
      },
    },
    {
      name: 'ours, scan only',
      work: 'fold + automaton pass, candidates not judged',
      nonOverlapping: false,
      informational: true,
      build: () => {
        const automaton = buildAutomaton(writtenAs.map((key) => foldAliasKey(key)))
        return { match: (t) => automaton.scan(t).length / 2 }
      },
    },
    monyone('@monyone/aho-corasick (default)', false, () => new MonyoneDefault(writtenAs)),
    monyone('@monyone/aho-corasick/fast', false, () => new MonyoneFast(writtenAs)),
    monyone('@monyone/aho-corasick/greedy', true, () => new MonyoneGreedy(writtenAs)),
    {
      name: 'RegExp alternation',
      work: 'raw, case-sensitive, leftmost-first (longest-first order)',
      nonOverlapping: true,
      onSlice: true,
      build: () => {
        const escaped = [...writtenAs].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
        const regex = new RegExp(escaped.join('|'), 'g')
        return {
          match: (t) => {
            regex.lastIndex = 0
            let count = 0
            while (regex.exec(t) !== null) count++
            return count
          },
        }
      },
    },
  ]

  collectGarbage()
  const baselineMemory = memoryInUse()
  const prepared = engines.map((engine) => prepare(engine, engine.onSlice ? slice : text))
  for (let round = 0; round < rounds; round++) {
    for (const p of prepared) {
      const t0 = performance.now()
      p.matches = p.built.match(p.input)
      p.times.push(performance.now() - t0)
    }
  }
  const results = prepared.map(({ engine, times, matches, buildMs, structure, peak }) => {
    const inputBytes = engine.onSlice ? sliceBytes : textBytes
    const ms = median(times)
    return {
      engine: engine.name,
      work: engine.work,
      nonOverlapping: engine.nonOverlapping,
      informational: engine.informational ?? false,
      inputMegabytes: inputBytes / MB,
      mbPerSecond: inputBytes / MB / (ms / 1000),
      medianMs: ms,
      runsMs: times,
      matches,
      buildMs,
      structureMegabytes: structure / MB,
      peakMegabytes: peak / MB,
      peakVsBaseline: (baselineMemory + peak) / baselineMemory,
    }
  })

  const ours = results[0]
  const others = results.filter((r) => r !== ours && !r.informational)
  const fastest = (list: typeof results) => list.reduce((a, b) => (b.mbPerSecond > a.mbPerSecond ? b : a))
  const best = fastest(others)
  const bestNonOverlapping = fastest(others.filter((r) => r.nonOverlapping))
  const ratio = ours.mbPerSecond / best.mbPerSecond
  console.log()
  console.log(
    formatTable(
      ['engine', 'MB/s', 'ours ÷ it', 'matches', 'build ms', 'build ÷ ours', 'structure MB', 'peak MB', 'peak ÷ baseline'],
      results.map((r) => [
        r.engine + (r.informational ? ' *' : ''),
        r.mbPerSecond.toFixed(1),
        `${(ours.mbPerSecond / r.mbPerSecond).toFixed(2)}x`,
        String(r.matches),
        r.buildMs.toFixed(0),
        `${(r.buildMs / ours.buildMs).toFixed(2)}x`,
        r.structureMegabytes.toFixed(1),
        r.peakMegabytes.toFixed(1),
        `${r.peakVsBaseline.toFixed(2)}x`,
      ]),
    ),
  )
  console.log(`
MB = 10^6 bytes of UTF-8 text. Median of ${rounds} round-robin runs after warm-up; the RegExp
runs on a ${(sliceBytes / MB).toFixed(2)} MB slice. * informational, not one of the others.
Build: median of 3 builds of 10,000 aliases (plus ${foldTablesMs.toFixed(0)} ms once per process for the fold tables).
Memory: heap + external. Structure = held after building; peak = most in use after a run,
garbage included. Baseline (the process with the text loaded) = ${(baselineMemory / MB).toFixed(1)} MB.
ours ÷ best other (${best.engine}): ${ratio.toFixed(2)}x   target >= 3x: ${ratio >= 3 ? 'met' : 'NOT met'}
ours ÷ best non-overlapping other (${bestNonOverlapping.engine}): ${(ours.mbPerSecond / bestNonOverlapping.mbPerSecond).toFixed(2)}x
Fairness: the others match the aliases as written against the raw text (no folding, word
boundaries, CJK filter, ambiguity rule or snippets); ours does all of that in the time shown.`)

  report({ figure: `ours ÷ best other engine (${best.engine})`, value: `${ratio.toFixed(2)}x`, target: '>= 3x', pass: ratio >= 3 })

  // Sanity: our mentions are ordered, do not overlap, and slice back to their alias.
  // A ticker mention (aliasId null) is checked against the forms of its company's tickers.
  const mentions = buildMentionMatcher(aliases, options).findMentions(slice)
  const forms = new Map<number, Set<string>>()
  for (const ticker of tickers) {
    const set = forms.get(ticker.companyId) ?? new Set<string>()
    for (const variant of tickerVariants(ticker)) set.add(foldAliasKey(variant.text))
    forms.set(ticker.companyId, set)
  }
  const bad = mentions.filter((m, i) => {
    const written = foldAliasKey(slice.slice(m.start, m.end))
    const fits = m.aliasId === null ? forms.get(m.companyId)?.has(written) : written === foldAliasKey(m.aliasText)
    return (i > 0 && m.start < mentions[i - 1].end) || !fits
  })
  console.log(
    `check: ${mentions.length} mentions in the slice, ${bad.length} inconsistent, ${summariseByCompany(mentions).length} companies`,
  )

  const file = writeResults('mentions', {
    generatedAt: new Date().toISOString(),
    node: process.version,
    data: {
      aliases: aliases.length,
      tickers: tickers.length,
      topicWords: BENCH_TOPIC_WORDS.length,
      textMegabytes: textBytes / MB,
      textUnits: text.length,
      regexSliceMegabytes: sliceBytes / MB,
    },
    rounds,
    unit: 'MB/s, MB = 1e6 bytes of UTF-8',
    foldTablesMs,
    baselineMemoryMegabytes: baselineMemory / MB,
    results,
    ratio: {
      oursVsBestOther: ratio,
      bestOther: best.engine,
      oursVsBestNonOverlapping: ours.mbPerSecond / bestNonOverlapping.mbPerSecond,
      bestNonOverlapping: bestNonOverlapping.engine,
      target: 3,
      met: ratio >= 3,
    },
    check: { mentionsInSlice: mentions.length, inconsistent: bad.length },
  })
  console.log(`results: ${file}`)
}

// Builds one engine (three times, keeping the last), measures its memory and warms it up.
// A function of its own so nothing of the previous engine is still reachable.
function prepare(engine: Engine, input: string) {
  collectGarbage()
  const before = memoryInUse()
  const buildTimes: number[] = []
  let built: ReturnType<Engine['build']> | undefined
  for (let i = 0; i < 3; i++) {
    built = undefined
    const t0 = performance.now()
    built = engine.build()
    buildTimes.push(performance.now() - t0)
  }
  collectGarbage()
  const structure = memoryInUse() - before
  built!.match(input.slice(0, Math.min(input.length, 200_000))) // let the JIT see it first
  const matches = built!.match(input)
  const peak = Math.max(structure, memoryInUse() - before)
  console.log(`  built ${engine.name} in ${median(buildTimes).toFixed(0)} ms; ${matches} matches`)
  return { engine, input, built: built!, buildMs: median(buildTimes), structure, peak, matches, times: [] as number[] }
}
