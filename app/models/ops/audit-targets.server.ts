import type { DB } from '#app/models/db.server.ts'

// What an audit entry is about, by name and with a link, so the log reads "Wang edited
// the watchlist Core AI" instead of "watchlist #16". Looked up per page in one query per
// kind of object; an object deleted since keeps its id ("#16") and no link.

export interface AuditTarget {
  nameEn: string
  nameZh: string
  href?: string
}

type Rows = { id: number; nameEn: string; nameZh: string; href?: string }[]
type Lookup = (db: DB, ids: number[]) => Promise<Rows>

const both = (name: string) => ({ nameEn: name, nameZh: name })

const LOOKUPS: Record<string, Lookup> = {
  document: async (db, ids) =>
    (await db.selectFrom('document').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      ...both(r.title),
      href: `/documents/${r.id}`,
    })),
  company: async (db, ids) =>
    (await db.selectFrom('company').select(['id', 'name_en as nameEn', 'name_zh as nameZh']).where('id', 'in', ids).execute()).map((r) => ({
      ...r,
      href: `/companies/${r.id}`,
    })),
  theme: async (db, ids) =>
    (await db.selectFrom('theme').select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh']).where('id', 'in', ids).execute()).map(
      (r) => ({ id: r.id, nameEn: r.nameEn, nameZh: r.nameZh, href: `/themes/${r.slug}` }),
    ),
  watchlist: async (db, ids) =>
    (await db.selectFrom('watchlist').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      ...both(r.name),
      href: `/watchlists/${r.id}`,
    })),
  watchlist_entry: async (db, ids) =>
    (
      await db
        .selectFrom('watchlist_entry as e')
        .innerJoin('company as c', 'c.id', 'e.company_id')
        .innerJoin('watchlist as w', 'w.id', 'e.watchlist_id')
        .select(['e.id', 'e.watchlist_id as watchlistId', 'c.name_en as nameEn', 'c.name_zh as nameZh', 'w.name as listName'])
        .where('e.id', 'in', ids)
        .execute()
    ).map((r) => ({
      id: r.id,
      nameEn: `${r.nameEn} (${r.listName})`,
      nameZh: `${r.nameZh || r.nameEn}（${r.listName}）`,
      href: `/watchlists/${r.watchlistId}`,
    })),
  user: async (db, ids) =>
    (await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      ...both(r.display_name),
    })),
  webhook: async (db, ids) =>
    (await db.selectFrom('webhook').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      ...both(r.name),
      href: '/admin/webhooks',
    })),
  feed: async (db, ids) =>
    (await db.selectFrom('feed').select(['id', 'title', 'url']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      ...both(r.title || r.url),
      href: '/feeds',
    })),
  rubric: async (db, ids) =>
    (await db.selectFrom('rubric').select(['id', 'name_en as nameEn', 'name_zh as nameZh']).where('id', 'in', ids).execute()).map((r) => ({
      ...r,
      href: `/admin/rubrics/${r.id}`,
    })),
  invite: async (db, ids) =>
    (await db.selectFrom('invite').select(['id', 'email']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, ...both(r.email) })),
  mention: async (db, ids) =>
    (
      await db
        .selectFrom('mention')
        .innerJoin('document', 'document.id', 'mention.document_id')
        .select(['mention.id', 'document.id as documentId', 'document.title'])
        .where('mention.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, ...both(r.title), href: `/documents/${r.documentId}` })),
  meeting: async (db, ids) =>
    (await db.selectFrom('meeting').select(['id', 'iso_week']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      ...both(r.iso_week),
      href: `/meetings/${r.iso_week}`,
    })),
  job: async (_db, ids) => ids.map((id) => ({ id, ...both(`#${id}`), href: `/jobs/${id}` })),
}

/** The named, linked objects of a page of entries, keyed "type:id". */
export async function auditTargets(db: DB, entries: { entityType: string; entityId: string | null }[]) {
  const wanted = new Map<string, Set<number>>()
  for (const e of entries) {
    const id = Number(e.entityId)
    if (!LOOKUPS[e.entityType] || !Number.isSafeInteger(id) || id <= 0) continue
    const ids = wanted.get(e.entityType) ?? new Set<number>()
    ids.add(id)
    wanted.set(e.entityType, ids)
  }
  const targets: Record<string, AuditTarget> = {}
  // One after the other: PGlite has one connection, and a page has a handful of kinds.
  for (const [type, ids] of wanted) {
    for (const { id, ...target } of await LOOKUPS[type](db, [...ids])) targets[`${type}:${id}`] = target
  }
  return targets
}
