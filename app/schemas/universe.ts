import { z } from 'zod'

import { VENDOR_TYPES } from './watchlist.ts'

// The company-universe import (issue 13): which publisher's layout a file is in, and the
// upload form. Shared by server, browser and the command line.

/** HKEX's list is the largest a team meets: about 17,000 rows, 1.5 MB as XLSX. */
export const MAX_UNIVERSE_BYTES = 20_000_000
export const MAX_UNIVERSE_ROWS = 30_000

/** The layouts an import reads; 'auto' recognises one from the file's columns. */
export const UNIVERSE_FORMATS = ['sec', 'hkex', 'sse', 'szse', 'bse', 'wind', 'choice', 'ifind', 'template'] as const
export type UniverseFormat = (typeof UNIVERSE_FORMATS)[number]

/** Boards a ticker can be tagged with (company_ticker.board). */
export const TICKER_BOARDS = [
  'sh_main',
  'star',
  'sz_main',
  'chinext',
  'bse',
  'hk_main',
  'hk_gem',
  'nasdaq',
  'nyse',
  'nyse_american',
  'cboe',
  'otc',
] as const
export type TickerBoardCode = (typeof TICKER_BOARDS)[number]

export const UniverseImportSchema = z.object({
  intent: z.enum(['preview', 'apply']),
  format: z.enum(['auto', ...UNIVERSE_FORMATS]).default('auto'),
  vendorType: z.enum(VENDOR_TYPES).default('application_company'),
})
export type UniverseImportForm = z.infer<typeof UniverseImportSchema>
