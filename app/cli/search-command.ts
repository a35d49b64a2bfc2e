import { parseArgs } from 'node:util'

import { messages } from '#app/i18n/en.ts'
import type { MessageKey } from '#app/i18n/index.ts'
import { indexUnsearchedDocuments } from '#app/models/document/index.server.ts'
import { DocumentSearchParamsSchema } from '#app/schemas/document-search.ts'
import { searchDocumentsFor } from '#app/services/search/search-documents.server.ts'
import { isRefusal } from '#app/utils/refusal.ts'
import type { Connection } from '#db/connection.ts'

import { openDatabase } from './ingest-command.ts'
import type { CliIo } from './io.ts'

// `themeradar search "<query>"`: the search page's document search from the command line.

export const SEARCH_USAGE = `  search "<query>" [--company NAME] [--publisher P] [--language zh|en|mixed]
                   [--theme SLUG] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--page N] [--json]
      Finds documents whose title or text has every word ("a phrase" as written; Chinese
      needs no spaces), most relevant first: id, title, publisher, published date and a
      snippet with the matches in [brackets]. --json prints one JSON object per document.`

const OPTIONS = {
  company: { type: 'string' },
  publisher: { type: 'string' },
  language: { type: 'string' },
  theme: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  page: { type: 'string' },
  json: { type: 'boolean' },
} as const

function bracketed(text: string, marks: readonly { start: number; end: number }[]): string {
  let out = ''
  let at = 0
  for (const m of marks) {
    out += `${text.slice(at, m.start)}[${text.slice(m.start, m.end)}]`
    at = m.end
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ')
}

export async function runSearchCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`themeradar search: ${(error as Error).message}`)
    return 2
  }
  const { values, positionals } = parsed
  if (positionals.length === 0) {
    io.stderr('themeradar search: give the words to search for, e.g. npm run themeradar -- search "即梦"')
    return 2
  }
  const params = DocumentSearchParamsSchema.parse({ ...values, json: undefined, q: positionals.join(' ') })
  let connection: Connection
  try {
    connection = await openDatabase(io)
  } catch (error) {
    io.stderr(`themeradar search: cannot open the database: ${(error as Error).message}`)
    return 1
  }
  try {
    // Documents stored before the index existed are indexed first.
    await indexUnsearchedDocuments(connection.db)
    const { result } = await searchDocumentsFor(connection.db, params)
    for (const hit of result.hits) {
      const snippet = bracketed(hit.snippet.text, hit.snippet.marks)
      if (values.json) {
        const { id, title, publisher, publishedOn, language } = hit
        io.stdout(JSON.stringify({ id, title, publisher, publishedOn, language, snippet }))
      } else {
        io.stdout(`${hit.id}\t${hit.title}\t${hit.publisher || '-'}\t${hit.publishedOn ?? '-'}\n\t${snippet}`)
      }
    }
    if (!values.json) {
      const shown = result.hits.length
        ? `${(result.page - 1) * result.pageSize + 1}-${(result.page - 1) * result.pageSize + result.hits.length}`
        : '0'
      io.stderr(`${result.total} document${result.total === 1 ? '' : 's'} found; showing ${shown}`)
    }
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    io.stderr(`themeradar search: ${messages[error.messageKey as MessageKey] ?? error.messageKey}`)
    return 2
  } finally {
    await connection.close()
  }
}
