import { listCompanies } from '#app/models/company/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { listDocumentPublishers, listDocuments, listDocumentTags } from '#app/models/document/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import type { DocumentFiltersInput } from '#app/schemas/documents.ts'

// The documents list with what its filters offer: companies, live themes, tags, publishers.

export async function loadDocumentsPage(db: DB, filters: DocumentFiltersInput) {
  const [list, companies, themes, tags, publishers] = await Promise.all([
    listDocuments(db, {
      q: filters.q,
      language: filters.language,
      companyId: filters.company,
      themeId: filters.theme,
      tag: filters.tag,
      publisher: filters.publisher,
      isoWeek: filters.week,
      page: filters.page,
    }),
    listCompanies(db),
    listThemes(db),
    listDocumentTags(db),
    listDocumentPublishers(db),
  ])
  return {
    ...list,
    filters: {
      q: filters.q,
      language: filters.language,
      company: filters.company,
      theme: filters.theme,
      tag: filters.tag,
      publisher: filters.publisher,
      week: filters.week,
    },
    companies: companies.map((c) => ({ id: c.id, nameEn: c.nameEn, nameZh: c.nameZh })),
    themes: themes.filter((t) => t.status !== 'archived').map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
    tags,
    publishers,
  }
}
