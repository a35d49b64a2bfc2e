import type { TickerBoardCode, UniverseFormat } from '#app/schemas/universe.ts'
import type { Exchange } from '#db/types.ts'

export type { UniverseFormat } from '#app/schemas/universe.ts'

/** A listed security as a publisher's list gives it, already normalised (parseTicker). */
export interface UniverseTicker {
  exchange: Exchange
  code: string
  board: TickerBoardCode | null
}

/** One company as a list describes it: one row, or (SEC) every ticker of one CIK. */
export interface UniverseRecord {
  /** Where it is in the file: the row number Excel shows, or the entry's position in JSON. */
  row: number
  tickers: UniverseTicker[]
  /** Full legal names as listed, '' when the list has none. */
  nameEn: string
  nameZh: string
  /** Short names as listed (证券简称, HKEX's short name), share-class marks removed. */
  shortNames: string[]
  /** Aliases the team's own template lists; kept as given. */
  aliases: string[]
}

export type UniverseSkipReason = 'noTicker' | 'badTicker' | 'notEquity' | 'noName'

/** A row that names no company the import can use, and why. */
export interface UniverseSkip {
  row: number
  reason: UniverseSkipReason
  text: string
}

export interface ParsedUniverse {
  format: UniverseFormat
  records: UniverseRecord[]
  skipped: UniverseSkip[]
}
