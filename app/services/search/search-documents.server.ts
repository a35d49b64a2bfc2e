import { searchEverything } from '#app/models/company/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import {
  DOCUMENT_SEARCH_PAGE_SIZE,
  type DocumentSearchHit,
  type DocumentSearchResult,
  listDocumentPublishers,
  searchDocuments,
} from '#app/models/document/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import type { DocumentSearchParams } from '#app/schemas/document-search.ts'
import { isRefusal } from '#app/utils/refusal.ts'

// The search page's and the CLI's document search: the company filter is typed as a
// name, alias or ticker (the registry may hold thousands), so it is looked up the way the
// search box looks companies up, and the best match filters the documents.

export interface DocumentSearchAnswer {
  result: DocumentSearchResult
  /** The company the filter was read as; null without one, or when nothing matched (filter left out). */
  company: { id: number; nameEn: string; nameZh: string } | null
}

export async function searchDocumentsFor(db: DB, params: DocumentSearchParams, pageSize?: number): Promise<DocumentSearchAnswer> {
  let company: DocumentSearchAnswer['company'] = null
  if (params.company) {
    const [best] = (await searchEverything(db, params.company)).companies
    if (best) company = { id: best.id, nameEn: best.nameEn, nameZh: best.nameZh }
  }
  const result = await searchDocuments(db, {
    query: params.q,
    companyId: company?.id ?? null,
    publisher: params.publisher ?? null,
    language: params.language ?? null,
    themeSlug: params.theme ?? null,
    from: params.from ?? null,
    to: params.to ?? null,
    page: params.page ?? 1,
    pageSize,
  })
  return { result, company }
}

/** Everything the search page's Documents section shows; an unusable query becomes its message (the page answers 400). */
export async function documentSearchView(db: DB, params: DocumentSearchParams) {
  const [themes, publishers] = await Promise.all([listThemes(db), listDocumentPublishers(db)])
  const base = {
    query: params.q,
    filters: {
      company: params.company,
      publisher: params.publisher,
      language: params.language,
      theme: params.theme,
      from: params.from,
      to: params.to,
    },
    themes: themes.filter((t) => t.status !== 'archived').map((t) => ({ slug: t.slug, nameEn: t.nameEn, nameZh: t.nameZh })),
    publishers,
  }
  try {
    const { result, company } = await searchDocumentsFor(db, params)
    return { ...base, ...result, company, error: null }
  } catch (error) {
    if (!isRefusal(error)) throw error
    return {
      ...base,
      total: 0,
      page: 1,
      pageSize: DOCUMENT_SEARCH_PAGE_SIZE,
      hits: [] as DocumentSearchHit[],
      company: null,
      error: error.messageKey,
    }
  }
}
