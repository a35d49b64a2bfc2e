import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { COMPANIES_USAGE, runCompaniesCommand } from './companies-command.ts'
import { runIngestCommand } from './ingest-command.ts'
import type { CliIo } from './io.ts'
import { runSearchCommand, SEARCH_USAGE } from './search-command.ts'

// The command line for batch work: `npm run themeradar -- <command> ...`.
// main() takes its arguments and its input/output explicitly so tests run it in-process.

export const USAGE = `Usage: npm run themeradar -- <command> [options]

Commands:
  ingest <file>... [--title T] [--publisher P] [--published YYYY-MM-DD]
                   [--tag TAG]... [--theme SLUG]... [--json]
      Adds PDF, TXT, Markdown or HTML files as documents and finds the companies they
      mention. Content already ingested is reported and not added again.
      --json prints one JSON object per file, one per line.
${SEARCH_USAGE}
${COMPANIES_USAGE}

The database is the app's: DATABASE_URL, or the PGlite under DATA_DIR (default ./data),
which must not be open in a running app at the same time.`

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'ingest':
      return runIngestCommand(rest, io)
    case 'search':
      return runSearchCommand(rest, io)
    case 'companies':
      return runCompaniesCommand(rest, io)
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE)
      return 0
    default:
      io.stderr(command ? `themeradar: unknown command "${command}"\n\n${USAGE}` : USAGE)
      return 2
  }
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  const code = await main(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  })
  // The worker pool and the database may keep timers alive; the work is done and flushed.
  process.stdout.write('', () => process.exit(code))
}
