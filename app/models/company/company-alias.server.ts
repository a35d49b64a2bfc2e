import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { normaliseAlias } from '#app/utils/normalise.ts'
import type { AliasKind, AliasLanguage } from '#db/types.ts'

import { assertNoConflicts, CompanyEditError, withConflictRecheck } from './company-conflicts.server.ts'

export interface AliasInput {
  text: string
  language: AliasLanguage
  kind: AliasKind
  caseSensitive: boolean
  ambiguous: boolean
}

const aliasColumns = ['id', 'text', 'language', 'kind', 'case_sensitive as caseSensitive', 'is_ambiguous as isAmbiguous'] as const

async function lockCompany(db: DB, companyId: number): Promise<void> {
  const row = await db.selectFrom('company').select('id').where('id', '=', companyId).forUpdate().executeTakeFirst()
  if (!row) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
}

async function touch(db: DB, companyId: number): Promise<void> {
  await db.updateTable('company').set({ updated_at: new Date() }).where('id', '=', companyId).execute()
}

/** Adds an alias; one that another company (or this one) already has is refused, naming it. */
export async function addAlias(db: DB, actor: Actor, companyId: number, input: AliasInput): Promise<{ id: number }> {
  const normalised = normaliseAlias(input.text)
  const plan = { aliases: [{ text: input.text, normalised, field: 'alias' as const }] }
  return withConflictRecheck(db, plan, () =>
    inTransaction(db, async (tx) => {
      await lockCompany(tx, companyId)
      await assertNoConflicts(tx, plan)
      const row = await tx
        .insertInto('company_alias')
        .values({
          company_id: companyId,
          text: input.text,
          normalised_text: normalised,
          language: input.language,
          kind: input.kind,
          case_sensitive: input.caseSensitive,
          is_ambiguous: input.ambiguous,
        })
        .returning(aliasColumns)
        .executeTakeFirstOrThrow()
      await touch(tx, companyId)
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'company.alias_add',
        entityType: 'company',
        entityId: companyId,
        newValue: row,
        ip: actor.ip,
      })
      return { id: row.id }
    }),
  )
}

/** Changes an alias's text, language, kind or flags. */
export async function updateAlias(db: DB, actor: Actor, companyId: number, aliasId: number, input: AliasInput): Promise<void> {
  const normalised = normaliseAlias(input.text)
  const plan = { aliases: [{ text: input.text, normalised, field: 'alias' as const }], exceptAliasId: aliasId }
  await withConflictRecheck(db, plan, () =>
    inTransaction(db, async (tx) => {
      await lockCompany(tx, companyId)
      const old = await tx
        .selectFrom('company_alias')
        .select(aliasColumns)
        .where('id', '=', aliasId)
        .where('company_id', '=', companyId)
        .executeTakeFirst()
      if (!old) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
      if (
        old.text === input.text &&
        old.language === input.language &&
        old.kind === input.kind &&
        old.caseSensitive === input.caseSensitive &&
        old.isAmbiguous === input.ambiguous
      )
        return
      await assertNoConflicts(tx, plan)
      const row = await tx
        .updateTable('company_alias')
        .set({
          text: input.text,
          normalised_text: normalised,
          language: input.language,
          kind: input.kind,
          case_sensitive: input.caseSensitive,
          is_ambiguous: input.ambiguous,
        })
        .where('id', '=', aliasId)
        .returning(aliasColumns)
        .executeTakeFirstOrThrow()
      await touch(tx, companyId)
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'company.alias_update',
        entityType: 'company',
        entityId: companyId,
        oldValue: old,
        newValue: row,
        ip: actor.ip,
      })
    }),
  )
}

/** Removes an alias. Mentions found through it keep their text (mention.alias_id is set null). */
export async function removeAlias(db: DB, actor: Actor, companyId: number, aliasId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockCompany(tx, companyId)
    const old = await tx
      .deleteFrom('company_alias')
      .where('id', '=', aliasId)
      .where('company_id', '=', companyId)
      .returning(aliasColumns)
      .executeTakeFirst()
    if (!old) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
    await touch(tx, companyId)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'company.alias_remove',
      entityType: 'company',
      entityId: companyId,
      oldValue: old,
      ip: actor.ip,
    })
  })
}
