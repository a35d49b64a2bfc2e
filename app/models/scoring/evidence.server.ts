import type { DB } from '#app/models/db.server.ts'

// The evidence search box on the scoring page: documents whose title or publisher matches,
// the theme's own documents first, and mentions whose company alias matches (a mention
// points at the sentence that moved the analyst).

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&')

export async function searchEvidence(db: DB, themeId: number, query: string, limit = 8) {
  const q = query.trim()
  if (q.length === 0) return { documents: [], mentions: [] }
  const pattern = `%${escapeLike(q)}%`
  const [documents, mentions] = await Promise.all([
    db
      .selectFrom('document')
      .leftJoin('document_theme', (join) =>
        join.onRef('document_theme.document_id', '=', 'document.id').on('document_theme.theme_id', '=', themeId),
      )
      .select([
        'document.id',
        'document.title',
        'document.publisher',
        'document.published_on as publishedOn',
        'document_theme.theme_id as inTheme',
      ])
      .where((eb) => eb.or([eb('document.title', 'ilike', pattern), eb('document.publisher', 'ilike', pattern)]))
      .orderBy((eb) => eb('document_theme.theme_id', 'is', null))
      .orderBy('document.published_on', (ob) => ob.desc().nullsLast())
      .limit(limit)
      .execute(),
    db
      .selectFrom('mention')
      .innerJoin('document', 'document.id', 'mention.document_id')
      .select(['mention.id', 'mention.alias_text as alias', 'mention.snippet', 'document.title', 'document.published_on as publishedOn'])
      .where('mention.alias_text', 'ilike', pattern)
      .orderBy('document.published_on', (ob) => ob.desc().nullsLast())
      .orderBy('mention.id', 'desc')
      .limit(limit)
      .execute(),
  ])
  return {
    documents: documents.map(({ inTheme, ...d }) => ({ ...d, inTheme: inTheme != null })),
    mentions: mentions.map((m) => ({ ...m, snippet: m.snippet.slice(0, 160) })),
  }
}
