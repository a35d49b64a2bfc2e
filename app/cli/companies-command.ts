import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { MAX_UNIVERSE_BYTES, readUniverseFile } from '#app/ingest/universe/read-universe.server.ts'
import { applyUniverseImport, countUniversePlan, planUniverseImport, type UniversePlan } from '#app/models/company/index.server.ts'
import { UNIVERSE_FORMATS, type UniverseFormat } from '#app/schemas/universe.ts'
import { VENDOR_TYPES } from '#app/schemas/watchlist.ts'
import { isRefusal } from '#app/utils/refusal.ts'
import { formatTicker } from '#app/utils/ticker.ts'

import { openDatabase } from './ingest-command.ts'
import type { CliIo } from './io.ts'

// `themeradar companies import <file>`: a company universe (the SEC's JSON, HKEX's list,
// SSE/SZSE/BSE lists, Wind/Choice/iFinD exports, our template) into the registry, in one
// transaction, or with --dry-run only what it would do.

export const COMPANIES_USAGE = `  companies import <file> [--format auto|${UNIVERSE_FORMATS.join('|')}] [--dry-run] [--json]
                   [--vendor-type ${VENDOR_TYPES.join('|')}]
      Adds a company universe to the registry: new companies are created, known ones
      (same ticker, or an A/H or ADR pair with the same name) get the tickers, boards and
      short names they lack; names, notes and aliases people edited are kept.
      --dry-run changes nothing; --json prints one JSON object.`

const OPTIONS = {
  format: { type: 'string', default: 'auto' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  'vendor-type': { type: 'string', default: 'application_company' },
} as const

// Refusals carry message keys for the web page; the command line says the same in English.
const FILE_MESSAGES: Record<string, string> = {
  oldExcel: 'this is an old binary Excel file (.xls); open it in Excel or WPS and save it as .xlsx or .csv',
  unknownLayout: 'its columns are none of the layouts this reads (see --format)',
  wrongLayout: 'its columns are not those of the format chosen with --format',
  badJson: 'it is not valid JSON',
  empty: 'the file is empty',
  tooManyRows: 'it has too many rows',
  tooLarge: `it is larger than ${MAX_UNIVERSE_BYTES / 1_000_000} MB`,
  conflict: 'someone changed the same tickers or aliases meanwhile; nothing was written, run it again',
}

function jsonOf(format: UniverseFormat, dryRun: boolean, plan: UniversePlan, skipped: number) {
  return {
    format,
    dryRun,
    ...countUniversePlan(plan),
    skipped,
    createdCompanies: plan.created.map((c) => ({ nameEn: c.nameEn, nameZh: c.nameZh, tickers: c.tickers.map(formatTicker) })),
    updatedCompanies: plan.updated.map((u) => ({
      id: u.companyId,
      nameEn: u.nameEn,
      tickersAdded: u.addTickers.map(formatTicker),
      aliasesAdded: u.addAliases.map((a) => a.text),
    })),
  }
}

export async function runCompaniesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'import') {
    io.stderr(`themeradar companies: unknown subcommand "${sub ?? ''}"\n\n${COMPANIES_USAGE}`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`themeradar companies import: ${(error as Error).message}`)
    return 2
  }
  const { values, positionals } = parsed
  const format = values.format as UniverseFormat | 'auto'
  const vendorType = values['vendor-type'] as (typeof VENDOR_TYPES)[number]
  if (positionals.length !== 1) return usageError(io, 'name one file')
  if (format !== 'auto' && !UNIVERSE_FORMATS.includes(format))
    return usageError(io, `--format must be auto or one of ${UNIVERSE_FORMATS.join(', ')}`)
  if (!VENDOR_TYPES.includes(vendorType)) return usageError(io, `--vendor-type must be one of ${VENDOR_TYPES.join(', ')}`)
  const file = positionals[0]

  let universe
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > MAX_UNIVERSE_BYTES) throw new Error(FILE_MESSAGES.tooLarge)
    universe = await readUniverseFile(new Uint8Array(await readFile(file)), path.basename(file), format)
  } catch (error) {
    io.stderr(`${file}: refused: ${explain(error)}`)
    return 1
  }
  const connection = await openDatabase(io).catch((error: Error) => error)
  if (connection instanceof Error) {
    io.stderr(`themeradar companies import: cannot open the database: ${connection.message}`)
    return 1
  }
  try {
    const dryRun = values['dry-run'] === true
    const plan = dryRun
      ? await planUniverseImport(connection.db, universe.records)
      : await applyUniverseImport(connection.db, null, universe.records, {
          fileName: path.basename(file),
          format: universe.format,
          vendorType,
          skipped: universe.skipped,
        })
    if (values.json) io.stdout(JSON.stringify(jsonOf(universe.format, dryRun, plan, universe.skipped.length)))
    else {
      const counts = countUniversePlan(plan)
      io.stdout(
        `${file} (${universe.format}): ${dryRun ? 'would create' : 'created'} ${counts.created}, ${dryRun ? 'would update' : 'updated'} ${counts.updated}, left alone ${counts.unchanged}; ${counts.tickersAdded} tickers and ${counts.aliasesAdded} aliases (${counts.ambiguousAliases} ambiguous); ${universe.skipped.length} rows skipped, ${counts.conflicts} conflicts`,
      )
      if (dryRun) io.stdout('Dry run: nothing was changed.')
    }
    return 0
  } catch (error) {
    io.stderr(`${file}: failed: ${explain(error)}`)
    return 1
  } finally {
    await connection.close()
  }
}

function explain(error: unknown): string {
  if (isRefusal(error)) return FILE_MESSAGES[error.reason] ?? error.messageKey
  return (error as Error).message === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? 'no such file'
    : (error as Error).message
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`themeradar companies import: ${message}`)
  return 2
}
