import { parseTicker } from '#app/utils/ticker.ts'

import { boardOf } from './board.ts'
import { cleanName } from './names.ts'
import type { ParsedUniverse, UniverseRecord, UniverseSkip } from './types.ts'

// The SEC's lists of US-listed companies (www.sec.gov/files/company_tickers.json:
// {"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}, and
// company_tickers_exchange.json: {"fields": ["cik", "name", "ticker", "exchange"],
// "data": [[320193, "Apple Inc.", "AAPL", "Nasdaq"], ...]}). One company per CIK: the
// file itself says that GOOGL and GOOG are one company.

interface SecEntry {
  position: number
  cik: string
  ticker: string
  title: string
  exchange: string
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

function entriesOf(json: unknown): SecEntry[] | null {
  if (json === null || typeof json !== 'object') return null
  const fields = (json as { fields?: unknown }).fields
  const data = (json as { data?: unknown }).data
  if (Array.isArray(fields) && Array.isArray(data)) {
    const at = (name: string) => fields.indexOf(name)
    const [cik, name, ticker, exchange] = [at('cik'), at('name'), at('ticker'), at('exchange')]
    if (cik < 0 || name < 0 || ticker < 0) return null
    return data.map((row: unknown, i) => {
      const cells = Array.isArray(row) ? row : []
      return {
        position: i + 1,
        cik: text(cells[cik]),
        ticker: text(cells[ticker]),
        title: text(cells[name]),
        exchange: text(cells[exchange]),
      }
    })
  }
  const values = Array.isArray(json) ? json : Object.values(json)
  if (values.length === 0 || !values.every((v) => v !== null && typeof v === 'object' && 'ticker' in v)) return null
  return values.map((v: Record<string, unknown>, i) => ({
    position: i + 1,
    cik: text(v.cik_str ?? v.cik),
    ticker: text(v.ticker),
    title: text(v.title ?? v.name),
    exchange: text(v.exchange),
  }))
}

/** The SEC file's companies, or null when the JSON is not one of its layouts. */
export function parseSec(json: unknown): ParsedUniverse | null {
  const entries = entriesOf(json)
  if (!entries) return null
  const byCik = new Map<string, UniverseRecord>()
  const records: UniverseRecord[] = []
  const skipped: UniverseSkip[] = []
  for (const entry of entries) {
    const title = cleanName(entry.title)
    const ticker = parseTicker(`US:${entry.ticker}`)
    if (!ticker) {
      skipped.push({ row: entry.position, reason: entry.ticker ? 'badTicker' : 'noTicker', text: entry.ticker })
      continue
    }
    if (!title) {
      skipped.push({ row: entry.position, reason: 'noName', text: entry.ticker })
      continue
    }
    const listed = { ...ticker, board: entry.exchange ? boardOf(ticker, entry.exchange) : null }
    const key = entry.cik || `ticker:${ticker.code}`
    const known = byCik.get(key)
    if (known) {
      if (!known.tickers.some((t) => t.code === ticker.code)) known.tickers.push(listed)
      continue
    }
    const record: UniverseRecord = { row: entry.position, tickers: [listed], nameEn: title, nameZh: '', shortNames: [], aliases: [] }
    byCik.set(key, record)
    records.push(record)
  }
  return { format: 'sec', records, skipped }
}
