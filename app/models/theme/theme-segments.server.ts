import type { Actor } from '#app/models/account/user.server.ts'
import { findCompanyByIdentifier } from '#app/models/company/company-lookup.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { suggestSlug } from '#app/schemas/theme.ts'
import { EditConflict, isStale } from '#app/utils/edit-conflict.ts'
import type { Audience } from '#db/types.ts'

import { auditTheme, changedFields, languageStamps, lockTheme, THEME_CONFLICT_KEY, ThemeEditError } from './theme-edit.server.ts'

// Application segments (2B: e-commerce, marketing...; 2C: UGC platforms) and the
// companies behind each.

export interface SegmentInput {
  audience: Audience
  nameEn: string
  nameZh: string
  noteEn: string
  noteZh: string
}

async function findSegment(tx: DB, themeId: number, segmentId: number) {
  const segment = await tx
    .selectFrom('application_segment')
    .select(['id', 'audience', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'note_en as noteEn', 'note_zh as noteZh', 'version'])
    .where('id', '=', segmentId)
    .where('theme_id', '=', themeId)
    .executeTakeFirst()
  if (!segment) throw new ThemeEditError('notFound')
  return segment
}

async function assertNameFree(tx: DB, themeId: number, input: SegmentInput, exceptId?: number) {
  let q = tx
    .selectFrom('application_segment')
    .select('id')
    .where('theme_id', '=', themeId)
    .where('audience', '=', input.audience)
    .where((eb) => eb(eb.fn('lower', ['name_en']), '=', input.nameEn.toLowerCase()))
  if (exceptId) q = q.where('id', '<>', exceptId)
  if (await q.executeTakeFirst()) throw new ThemeEditError('segmentExists', 'nameEn')
}

/** A slug not yet used in this theme: the English name's, with -2, -3... when taken. */
export async function freeSlug(tx: DB, table: 'application_segment' | 'data_stock', themeId: number, name: string, fallback: string) {
  const base = suggestSlug(name).slice(0, 56).replace(/-$/, '') || fallback
  const taken = new Set((await tx.selectFrom(table).select('slug').where('theme_id', '=', themeId).execute()).map((r) => r.slug))
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

export async function addSegment(db: DB, actor: Actor, themeId: number, input: SegmentInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    await assertNameFree(tx, themeId, input)
    const slug = await freeSlug(tx, 'application_segment', themeId, input.nameEn, 'segment')
    const last = await tx
      .selectFrom('application_segment')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('theme_id', '=', themeId)
      .where('audience', '=', input.audience)
      .executeTakeFirst()
    const { id } = await tx
      .insertInto('application_segment')
      .values({
        theme_id: themeId,
        audience: input.audience,
        slug,
        name_en: input.nameEn,
        name_zh: input.nameZh,
        note_en: input.noteEn,
        note_zh: input.noteZh,
        note_en_updated_at: input.noteEn ? new Date() : null,
        note_zh_updated_at: input.noteZh ? new Date() : null,
        position: (last?.max ?? -1) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await auditTheme(tx, actor, themeId, 'segment.add', null, { id, ...input })
    return id
  })
}

/** A segment's fields as its form posts them. */
const segmentTexts = ({ audience, nameEn, nameZh, noteEn, noteZh }: SegmentInput) => ({ audience, nameEn, nameZh, noteEn, noteZh })

/** `baseVersion`: the segment's version when the form was opened; a stale one is refused (EditConflict). */
export async function editSegment(
  db: DB,
  actor: Actor,
  themeId: number,
  segmentId: number,
  input: SegmentInput,
  baseVersion?: number,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const { id: _id, slug: _slug, version, ...before } = await findSegment(tx, themeId, segmentId)
    const changes = changedFields(before, input)
    if (!changes) return
    if (isStale(baseVersion, version, segmentTexts(before), segmentTexts(input)))
      throw new EditConflict(THEME_CONFLICT_KEY, version, segmentTexts(before), segmentTexts(input))
    await assertNameFree(tx, themeId, input, segmentId)
    const stamps = languageStamps({ en: before.noteEn, zh: before.noteZh }, { en: input.noteEn, zh: input.noteZh })
    await tx
      .updateTable('application_segment')
      .set({
        note_en_updated_at: stamps.en,
        note_zh_updated_at: stamps.zh,
        audience: input.audience,
        name_en: input.nameEn,
        name_zh: input.nameZh,
        note_en: input.noteEn,
        note_zh: input.noteZh,
        version: version + 1,
      })
      .where('id', '=', segmentId)
      .execute()
    const subject = { nameEn: before.nameEn, nameZh: before.nameZh }
    await auditTheme(
      tx,
      actor,
      themeId,
      'segment.edit',
      { id: segmentId, subject, ...changes.oldValue },
      { id: segmentId, subject, ...changes.newValue },
    )
  })
}

export async function removeSegment(db: DB, actor: Actor, themeId: number, segmentId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const segment = await findSegment(tx, themeId, segmentId)
    const companies = await tx
      .selectFrom('segment_company')
      .innerJoin('company', 'company.id', 'segment_company.company_id')
      .select(['company.name_en as nameEn', 'company.name_zh as nameZh'])
      .where('segment_id', '=', segmentId)
      .orderBy('company.name_en')
      .execute()
    await tx.deleteFrom('application_segment').where('id', '=', segmentId).execute()
    const { slug: _slug, ...old } = segment
    await auditTheme(tx, actor, themeId, 'segment.remove', { ...old, companies: companies.map((c) => c.nameEn).join(', ') }, null)
  })
}

export async function linkSegmentCompany(db: DB, actor: Actor, themeId: number, segmentId: number, identifier: string): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      await lockTheme(tx, themeId)
      const segment = await findSegment(tx, themeId, segmentId)
      const company = await findCompanyByIdentifier(tx, identifier)
      if (!company) throw new ThemeEditError('companyNotFound', 'company', { text: identifier })
      const existing = await tx
        .selectFrom('segment_company')
        .select('company_id')
        .where('segment_id', '=', segmentId)
        .where('company_id', '=', company.id)
        .executeTakeFirst()
      if (existing) throw new ThemeEditError('companyAlreadyLinked', 'company')
      await tx.insertInto('segment_company').values({ segment_id: segmentId, company_id: company.id }).execute()
      await auditTheme(tx, actor, themeId, 'segment.link_company', null, {
        subject: { nameEn: segment.nameEn, nameZh: segment.nameZh },
        company: { id: company.id, nameEn: company.nameEn, nameZh: company.nameZh },
      })
    })
  } catch (error) {
    // Two people linking the same company at once: the second is told it is there.
    if (sqlState(error) === UNIQUE_VIOLATION) throw new ThemeEditError('companyAlreadyLinked', 'company')
    throw error
  }
}

export async function unlinkSegmentCompany(db: DB, actor: Actor, themeId: number, segmentId: number, companyId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const segment = await findSegment(tx, themeId, segmentId)
    const company = await tx
      .selectFrom('segment_company')
      .innerJoin('company', 'company.id', 'segment_company.company_id')
      .select(['company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh'])
      .where('segment_id', '=', segmentId)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!company) throw new ThemeEditError('notFound')
    await tx.deleteFrom('segment_company').where('segment_id', '=', segmentId).where('company_id', '=', companyId).execute()
    await auditTheme(
      tx,
      actor,
      themeId,
      'segment.unlink_company',
      { subject: { nameEn: segment.nameEn, nameZh: segment.nameZh }, company },
      null,
    )
  })
}
