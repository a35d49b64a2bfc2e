import { type Kysely, sql } from 'kysely'

// Where each mention's snippet starts in its document's text (UTF-16 units, like
// start_offset), so the company page marks the mention inside the snippet without
// searching the document again. The mention engine knows it when it cuts the snippet;
// ingest and rescans write it from now on.
//
// Existing rows are filled here, document by document, in TypeScript rather than SQL:
// offsets count UTF-16 units and PostgreSQL counts characters (they differ after an
// emoji), and substr() on UTF-8 text walks from the start of the text, so one UPDATE
// took ~60 s for 20,000 mentions in 150,000-character reports; this pass is linear.
// The snippet was cut from the text at a place between (end - its length) and start,
// so its first occurrence from there on is that place (or the same text again, which
// marks the same words). A row whose snippet is no longer found stays NULL, and the page
// then marks each occurrence of the alias, as it did when it could not place one.

/** Documents read per round trip: their texts are held in memory together. */
const DOCUMENTS_PER_BATCH = 50
/** Rows per UPDATE: two parameters a row. */
const ROWS_PER_UPDATE = 1000

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table mention add column snippet_offset integer
      constraint mention_snippet_offset_check check (snippet_offset >= 0 and snippet_offset <= start_offset)`.execute(db)

  let afterId = 0
  for (;;) {
    const documents = await sql<{ id: number; body: string }>`
      select d.id, d.body from document d
      where d.id > ${afterId} and exists (select 1 from mention m where m.document_id = d.id)
      order by d.id limit ${DOCUMENTS_PER_BATCH}`.execute(db)
    if (documents.rows.length === 0) break
    afterId = documents.rows[documents.rows.length - 1].id
    const bodies = new Map(documents.rows.map((d) => [d.id, d.body]))
    const mentions = await sql<{ id: number | string; documentId: number; start: number; end: number; snippet: string }>`
      select id, document_id as "documentId", start_offset as start, end_offset as "end", snippet from mention
      where document_id in (${sql.join([...bodies.keys()])})`.execute(db)
    const placed: [number | string, number][] = []
    for (const m of mentions.rows) {
      const body = bodies.get(m.documentId) ?? ''
      const at = body.indexOf(m.snippet, Math.max(0, m.end - m.snippet.length))
      if (at >= 0 && at <= m.start) placed.push([m.id, at])
    }
    for (let i = 0; i < placed.length; i += ROWS_PER_UPDATE) {
      const values = placed.slice(i, i + ROWS_PER_UPDATE).map(([id, at]) => sql`(${String(id)}::bigint, ${at}::integer)`)
      await sql`
        update mention set snippet_offset = v.at
        from (values ${sql.join(values)}) as v(id, at)
        where mention.id = v.id`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table mention drop column snippet_offset`.execute(db)
}
