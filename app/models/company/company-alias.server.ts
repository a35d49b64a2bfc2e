import { ordinaryWordReason } from '#app/mentions/ordinary-words.ts'
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
  /** Words that, nearby, mean a match is not this company. Absent: none on add, unchanged on edit. */
  negativeContext?: string[]
}

/** What the alias ended up as: the editor shows the reason and says counts are being updated. */
export interface AliasOutcome {
  id: number
  changed: boolean
  isAmbiguous: boolean
  ambiguousReason: string | null
}

const aliasColumns = [
  'id',
  'text',
  'language',
  'kind',
  'case_sensitive as caseSensitive',
  'is_ambiguous as isAmbiguous',
  'ambiguous_reason as ambiguousReason',
  'negative_context as negativeContext',
] as const

/** Set when a person ticks or unticks Ambiguous against what the app would decide. */
export const AMBIGUOUS_SET_BY_USER = 'set_by_user'

interface StoredAmbiguity {
  text: string
  isAmbiguous: boolean
  ambiguousReason: string | null
}

/**
 * Whether an alias is ambiguous and why (decision 027). An alias that is an ordinary English
 * or Chinese word is ambiguous unless a person said otherwise: a new one starts ambiguous
 * whatever the form said (the editor then shows the reason), and so does an edited one that
 * nobody has decided about. Unticking Ambiguous on a saved alias is the override
 * ('set_by_user'), kept until its text changes; ticking it by hand is recorded the same way.
 */
export function decideAmbiguity(input: Pick<AliasInput, 'text' | 'ambiguous'>, old?: StoredAmbiguity) {
  const ordinary = ordinaryWordReason(input.text)
  const sameText = old !== undefined && normaliseAlias(old.text) === normaliseAlias(input.text)
  if (old?.isAmbiguous && !input.ambiguous) return { isAmbiguous: false, ambiguousReason: AMBIGUOUS_SET_BY_USER }
  if (old?.isAmbiguous && sameText) return { isAmbiguous: true, ambiguousReason: old.ambiguousReason }
  const overridden = sameText && old.ambiguousReason === AMBIGUOUS_SET_BY_USER && !old.isAmbiguous && !input.ambiguous
  if (ordinary && !overridden) return { isAmbiguous: true, ambiguousReason: ordinary }
  if (input.ambiguous) return { isAmbiguous: true, ambiguousReason: AMBIGUOUS_SET_BY_USER }
  return { isAmbiguous: false, ambiguousReason: overridden ? AMBIGUOUS_SET_BY_USER : null }
}

/** Trimmed, without empty or repeated words (case and width folded), in the order given. */
function cleanWords(words: readonly string[]): string[] {
  const seen = new Set<string>()
  return words
    .map((word) => word.trim())
    .filter((word) => {
      const key = normaliseAlias(word)
      if (!key || seen.has(key)) return false
      seen.add(key)
      return true
    })
}

async function lockCompany(db: DB, companyId: number): Promise<void> {
  const row = await db.selectFrom('company').select('id').where('id', '=', companyId).forUpdate().executeTakeFirst()
  if (!row) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
}

async function touch(db: DB, companyId: number): Promise<void> {
  await db.updateTable('company').set({ updated_at: new Date() }).where('id', '=', companyId).execute()
}

/** Adds an alias; one that another company (or this one) already has is refused, naming it. */
export async function addAlias(db: DB, actor: Actor, companyId: number, input: AliasInput): Promise<AliasOutcome> {
  const ambiguity = decideAmbiguity(input)
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
          is_ambiguous: ambiguity.isAmbiguous,
          ambiguous_reason: ambiguity.ambiguousReason,
          negative_context: cleanWords(input.negativeContext ?? []),
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
      return { id: row.id, changed: true, isAmbiguous: row.isAmbiguous, ambiguousReason: row.ambiguousReason }
    }),
  )
}

/** Changes an alias's text, language, kind, flags or negative context. */
export async function updateAlias(db: DB, actor: Actor, companyId: number, aliasId: number, input: AliasInput): Promise<AliasOutcome> {
  const normalised = normaliseAlias(input.text)
  const plan = { aliases: [{ text: input.text, normalised, field: 'alias' as const }], exceptAliasId: aliasId }
  return withConflictRecheck(db, plan, () =>
    inTransaction(db, async (tx) => {
      await lockCompany(tx, companyId)
      const old = await tx
        .selectFrom('company_alias')
        .select(aliasColumns)
        .where('id', '=', aliasId)
        .where('company_id', '=', companyId)
        .executeTakeFirst()
      if (!old) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
      const ambiguity = decideAmbiguity(input, old)
      const negativeContext = input.negativeContext ? cleanWords(input.negativeContext) : old.negativeContext
      if (
        old.text === input.text &&
        old.language === input.language &&
        old.kind === input.kind &&
        old.caseSensitive === input.caseSensitive &&
        old.isAmbiguous === ambiguity.isAmbiguous &&
        old.ambiguousReason === ambiguity.ambiguousReason &&
        old.negativeContext.join('\n') === negativeContext.join('\n')
      )
        return { id: aliasId, changed: false, ...ambiguity }
      await assertNoConflicts(tx, plan)
      const row = await tx
        .updateTable('company_alias')
        .set({
          text: input.text,
          normalised_text: normalised,
          language: input.language,
          kind: input.kind,
          case_sensitive: input.caseSensitive,
          is_ambiguous: ambiguity.isAmbiguous,
          ambiguous_reason: ambiguity.ambiguousReason,
          negative_context: negativeContext,
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
      return { id: aliasId, changed: true, isAmbiguous: row.isAmbiguous, ambiguousReason: row.ambiguousReason }
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

/** Companies with at least one ambiguous alias: the ones a change of topic words can re-judge. */
export async function listCompaniesWithAmbiguousAliases(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('company_alias')
    .select('company_id as companyId')
    .distinct()
    .where('is_ambiguous', '=', true)
    .orderBy('company_id')
    .execute()
  return rows.map((row) => row.companyId)
}
