import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

import { modalityThemeId } from './company.server.ts'
import { CompanyEditError } from './company-conflicts.server.ts'

// Which AI modalities a company works on: checked against the modality theme's live items.

/** The given modalities, in their display order; refuses an unknown or archived one. */
export async function assertModalities(db: DB, ids: number[]): Promise<{ id: number; slug: string }[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('modality')
    .select(['id', 'slug'])
    .where('id', 'in', ids)
    .where('theme_id', '=', modalityThemeId(db))
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute()
  if (rows.length !== ids.length) throw new CompanyEditError({ reason: 'modalityUnknown', field: 'modalityIds' })
  return rows
}

/** Replaces the set of modalities the company works on. */
export async function setCompanyModalities(db: DB, actor: Actor, companyId: number, modalityIds: number[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    const company = await tx.selectFrom('company').select('id').where('id', '=', companyId).forUpdate().executeTakeFirst()
    if (!company) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
    const wanted = await assertModalities(tx, modalityIds)
    const current = await tx
      .selectFrom('company_modality')
      .innerJoin('modality', 'modality.id', 'company_modality.modality_id')
      .select(['modality.id', 'modality.slug'])
      .where('company_modality.company_id', '=', companyId)
      .orderBy('modality.position')
      .execute()
    const wantedIds = new Set(wanted.map((m) => m.id))
    const currentIds = new Set(current.map((m) => m.id))
    const added = wanted.filter((m) => !currentIds.has(m.id))
    const removed = current.filter((m) => !wantedIds.has(m.id))
    if (added.length === 0 && removed.length === 0) return
    if (removed.length) {
      await tx
        .deleteFrom('company_modality')
        .where('company_id', '=', companyId)
        .where(
          'modality_id',
          'in',
          removed.map((m) => m.id),
        )
        .execute()
    }
    if (added.length) {
      await tx
        .insertInto('company_modality')
        .values(added.map((m) => ({ company_id: companyId, modality_id: m.id })))
        .execute()
    }
    await tx.updateTable('company').set({ updated_at: new Date() }).where('id', '=', companyId).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'company.set_modalities',
      entityType: 'company',
      entityId: companyId,
      oldValue: { modalities: current.map((m) => m.slug) },
      newValue: { modalities: wanted.map((m) => m.slug) },
      ip: actor.ip,
    })
  })
}
