import { readUniverseFile } from '#app/ingest/universe/read-universe.server.ts'
import type { UniverseRecord } from '#app/ingest/universe/types.ts'
import { applyUniverseImport, countUniversePlan } from '#app/models/company/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { clearMentionMatcherCache } from '#app/models/mentions/index.server.ts'
import { makeUniverse } from '#tests/bench/universe-data.ts'

// Issue 13: "with 10,000 imported companies the matcher's precision on the accuracy corpus
// drops by no more than 0.01". The universe goes in as a team would bring it: a Wind export
// (A shares and Hong Kong, 证券代码/证券简称/公司中文名称), the SEC's company_tickers.json
// (US) and the team's template, each read by the upload's parser and applied by the same
// function the CLI and the upload page call. Besides the synthetic names of the universe
// bench, it holds the real listed companies whose short names are ordinary words.

/** Real listings whose short names are ordinary words or one- and two-letter tickers. */
const WIND_REAL = [
  ['1810.HK', '小米集团-W', '小米集团'],
  ['2015.HK', '理想汽车-W', '理想汽车'],
  ['000333.SZ', '美的集团', '美的集团股份有限公司'],
  ['601633.SH', '长城汽车', '长城汽车股份有限公司'],
  ['300059.SZ', '东方财富', '东方财富信息股份有限公司'],
  ['600030.SH', '中信证券', '中信证券股份有限公司'],
] as const
const SEC_REAL = [
  ['APLE', 'Apple Hospitality REIT, Inc.'],
  ['TGT', 'TARGET CORP'],
  ['XYZ', 'Block, Inc.'],
  ['SNAP', 'Snap Inc'],
  ['AI', 'C3.ai, Inc.'],
  ['ON', 'ON SEMICONDUCTOR CORP'],
  ['U', 'Unity Software Inc.'],
  ['A', 'AGILENT TECHNOLOGIES INC'],
  ['BLK', 'BlackRock, Inc.'],
  ['WMT', 'Walmart Inc.'],
] as const
/** The short names people write, as a team's template adds them (the lists give the long ones). */
const TEMPLATE_ALIASES = [
  ['2015.HK', 'Li Auto Inc.', '理想汽车', '理想'],
  ['601633.SH', 'Great Wall Motor Co Ltd', '长城汽车', '长城'],
  ['300059.SZ', 'East Money Information Co Ltd', '东方财富', '东方'],
] as const

const csvCell = (text: string) => (/[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text)
const csv = (rows: readonly (readonly string[])[]) => `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`
const bytes = (text: string) => new TextEncoder().encode(text)

/** The three files: synthetic companies that collide with nothing in the registry, plus the real ones. */
async function universeFiles(db: DB, count: number) {
  const [tickers, aliases] = await Promise.all([
    db.selectFrom('company_ticker').select(['exchange', 'code']).execute(),
    db.selectFrom('company_alias').select('text').execute(),
  ])
  // A real list never gives a registry company's ticker or name to another company.
  const taken = new Set([
    ...tickers.map((t) => `${t.code}.${t.exchange}`),
    ...WIND_REAL.map((r) => r[0]),
    ...SEC_REAL.map((r) => `${r[0]}.US`),
  ])
  // Nor names another company after a registry one: the syllables can spell 百度集团.
  const hanNames = aliases.map((a) => a.text).filter((text) => /\p{Script=Han}{2}/u.test(text))
  const borrowsName = (r: UniverseRecord) => [r.nameZh, ...r.shortNames].some((n) => hanNames.some((known) => n.includes(known)))
  const synthetic = makeUniverse(count + 500)
    .filter((r: UniverseRecord) => r.tickers.every((t) => !taken.has(`${t.code}.${t.exchange}`)) && !borrowsName(r))
    .slice(0, count - WIND_REAL.length - SEC_REAL.length)
  const wind: string[][] = [['证券代码', '证券简称', '公司中文名称'], ...WIND_REAL.map((r) => [...r])]
  const sec: Record<string, { cik_str: number; ticker: string; title: string }> = {}
  const addSec = (ticker: string, title: string) =>
    (sec[String(Object.keys(sec).length)] = { cik_str: 900000 + Object.keys(sec).length, ticker, title })
  for (const [ticker, title] of SEC_REAL) addSec(ticker, title)
  for (const r of synthetic) {
    for (const t of r.tickers) {
      if (t.exchange === 'US') addSec(t.code, r.nameEn)
      else wind.push([`${t.code}.${t.exchange}`, r.shortNames[0] ?? r.nameZh, r.nameZh])
    }
  }
  const template = csv([['Tickers', 'Name (English)', 'Name (Chinese)', 'Aliases'], ...TEMPLATE_ALIASES.map((r) => [...r])])
  return [
    { name: 'wind-export.csv', bytes: bytes(csv(wind)) },
    { name: 'company_tickers.json', bytes: bytes(JSON.stringify(sec)) },
    { name: 'template.csv', bytes: bytes(template) },
  ]
}

export interface UniverseImported {
  companies: number
  records: number
  skipped: number
  counts: ReturnType<typeof countUniversePlan>[]
  /** The aliases the real ordinary-word listings got, and whether each is ambiguous. */
  ordinaryNames: string[]
}

/** Imports about `count` listed companies into a registry, through the upload's reader and the import. */
export async function importAccuracyUniverse(db: DB, count = 10_000): Promise<UniverseImported> {
  const counts = []
  let records = 0
  let skipped = 0
  for (const file of await universeFiles(db, count)) {
    const universe = await readUniverseFile(file.bytes, file.name, 'auto')
    records += universe.records.length
    skipped += universe.skipped.length
    const plan = await applyUniverseImport(db, null, universe.records, {
      fileName: file.name,
      format: universe.format,
      vendorType: 'application_company',
      skipped: universe.skipped,
    })
    counts.push(countUniversePlan(plan))
  }
  clearMentionMatcherCache()
  const { n } = await db
    .selectFrom('company')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const realAliases = await db
    .selectFrom('company_alias')
    .innerJoin('company_ticker', 'company_ticker.company_id', 'company_alias.company_id')
    .select(['company_ticker.code', 'company_alias.text', 'company_alias.is_ambiguous'])
    .where('company_ticker.code', 'in', [...WIND_REAL.map((r) => r[0].split('.')[0]), ...SEC_REAL.map((r) => r[0])])
    .orderBy('company_ticker.code')
    .execute()
  const ordinaryNames = realAliases.map((a) => `${a.code} ${a.text}${a.is_ambiguous ? ' (ambiguous)' : ''}`)
  return { companies: Number(n), records, skipped, counts, ordinaryNames }
}
