import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { CompanyProfileInput } from '#app/schemas/company.ts'
import { guessAliasLanguage } from '#app/schemas/company.ts'
import { normaliseAlias } from '#app/utils/normalise.ts'
import { formatTicker, type Ticker } from '#app/utils/ticker.ts'
import type { AliasLanguage, Region } from '#db/types.ts'

import { decideAmbiguity } from './company-alias.server.ts'
import { assertNoConflicts, CompanyEditError, type PlannedAlias, withConflictRecheck } from './company-conflicts.server.ts'
import { assertModalities } from './company-modalities.server.ts'

export { CompanyEditError } from './company-conflicts.server.ts'

export interface NewCompany extends CompanyProfileInput {
  tickers: Ticker[]
  /** Extra aliases, one per entry; the names are added as aliases automatically. */
  aliases: string[]
  modalityIds: number[]
}

/** A new alias that is an ordinary word (a company called Block, an alias 苹果) starts ambiguous, as in the alias editor. */
function ambiguityColumns(text: string) {
  const { isAmbiguous, ambiguousReason } = decideAmbiguity({ text, ambiguous: false })
  return { is_ambiguous: isAmbiguous, ambiguous_reason: ambiguousReason }
}

interface AliasRow extends PlannedAlias {
  language: AliasLanguage
  kind: 'name'
}

// Both names are aliases of kind 'name', so search and mention finding know them without
// a second step. Latin-script names of overseas companies are tagged 'any' because Chinese
// notes write them verbatim (as the demo data does).
function nameAliases(nameEn: string, nameZh: string, region: Region): AliasRow[] {
  const rows: AliasRow[] = [
    { text: nameEn, normalised: normaliseAlias(nameEn), field: 'nameEn', language: region === 'overseas' ? 'any' : 'en', kind: 'name' },
  ]
  if (nameZh)
    rows.push({ text: nameZh, normalised: normaliseAlias(nameZh), field: 'nameZh', language: guessAliasLanguage(nameZh), kind: 'name' })
  return rows
}

function uniqueByKey<T extends { normalised: string }>(rows: T[]): T[] {
  const seen = new Set<string>()
  return rows.filter((r) => !seen.has(r.normalised) && seen.add(r.normalised))
}

async function assertParent(db: DB, companyId: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return
  if (parentId === companyId) throw new CompanyEditError({ reason: 'parentCycle', field: 'parentId' })
  // Walk up from the new parent: meeting the company itself would make a loop.
  let current: number | null = parentId
  for (let depth = 0; current !== null && depth < 50; depth += 1) {
    const row: { parent: number | null } | undefined = await db
      .selectFrom('company')
      .select('parent_company_id as parent')
      .where('id', '=', current)
      .executeTakeFirst()
    if (!row) throw new CompanyEditError({ reason: 'parentMissing', field: 'parentId' })
    if (row.parent !== null && row.parent === companyId) throw new CompanyEditError({ reason: 'parentCycle', field: 'parentId' })
    current = row.parent
  }
}

/** Adds a company with its tickers (the first is primary), aliases and modalities. */
export async function createCompany(db: DB, actor: Actor, input: NewCompany): Promise<{ id: number }> {
  const aliases = uniqueByKey<AliasRow | (PlannedAlias & { language: AliasLanguage; kind: 'name' })>([
    ...nameAliases(input.nameEn, input.nameZh, input.region),
    ...input.aliases.map((text) => ({
      text,
      normalised: normaliseAlias(text),
      field: 'alias' as const,
      language: guessAliasLanguage(text),
      kind: 'name' as const,
    })),
  ])
  const plan = { nameEn: input.nameEn, aliases, tickers: input.tickers }
  return withConflictRecheck(db, plan, () =>
    inTransaction(db, async (tx) => {
      await assertNoConflicts(tx, plan)
      await assertParent(tx, null, input.parentId)
      const modalities = await assertModalities(tx, input.modalityIds)
      const company = await tx
        .insertInto('company')
        .values({
          name_en: input.nameEn,
          name_zh: input.nameZh,
          region: input.region,
          is_listed: input.listing === 'listed',
          vendor_type: input.vendorType,
          website: input.website,
          parent_company_id: input.parentId,
          notes_md: input.notesMd,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (input.tickers.length) {
        await tx
          .insertInto('company_ticker')
          .values(input.tickers.map((t, i) => ({ company_id: company.id, exchange: t.exchange, code: t.code, is_primary: i === 0 })))
          .execute()
      }
      await tx
        .insertInto('company_alias')
        .values(
          aliases.map((a) => ({
            company_id: company.id,
            text: a.text,
            normalised_text: a.normalised,
            language: a.language,
            kind: a.kind,
            ...ambiguityColumns(a.text),
          })),
        )
        .execute()
      if (modalities.length) {
        await tx
          .insertInto('company_modality')
          .values(modalities.map((m) => ({ company_id: company.id, modality_id: m.id })))
          .execute()
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'company.create',
        entityType: 'company',
        entityId: company.id,
        newValue: {
          ...profileSnapshot(input),
          tickers: input.tickers.map(formatTicker),
          aliases: aliases.map((a) => a.text),
          modalities: modalities.map((m) => m.slug),
        },
        ip: actor.ip,
      })
      return { id: company.id }
    }),
  )
}

function profileSnapshot(p: CompanyProfileInput) {
  return {
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    region: p.region,
    isListed: p.listing === 'listed',
    vendorType: p.vendorType,
    website: p.website,
    parentId: p.parentId,
    notesMd: p.notesMd,
  }
}

/**
 * Saves the profile. A new name becomes an alias too; old names stay as aliases because
 * documents written before a rename still use them (remove them on the page if not).
 * Audits only the fields that changed.
 */
export async function updateCompanyProfile(db: DB, actor: Actor, companyId: number, input: CompanyProfileInput): Promise<void> {
  const names = nameAliases(input.nameEn, input.nameZh, input.region)
  const plan = { companyId, nameEn: input.nameEn, aliases: [] as PlannedAlias[] }
  await withConflictRecheck(db, plan, () =>
    inTransaction(db, async (tx) => {
      const row = await tx
        .selectFrom('company')
        .select(['name_en', 'name_zh', 'region', 'is_listed', 'vendor_type', 'website', 'parent_company_id', 'notes_md'])
        .where('id', '=', companyId)
        .forUpdate()
        .executeTakeFirst()
      if (!row) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
      const own = new Set(
        (await tx.selectFrom('company_alias').select('normalised_text').where('company_id', '=', companyId).execute()).map(
          (a) => a.normalised_text,
        ),
      )
      // Only a name that changed is added: an unchanged name that another company happens
      // to use as an alias must not block saving the rest of the profile.
      const previous = new Set([normaliseAlias(row.name_en), normaliseAlias(row.name_zh)])
      const newNames = uniqueByKey(names.filter((n) => !own.has(n.normalised) && !previous.has(n.normalised)))
      plan.aliases = newNames
      await assertNoConflicts(tx, plan)
      await assertParent(tx, companyId, input.parentId)

      const before = {
        nameEn: row.name_en,
        nameZh: row.name_zh,
        region: row.region,
        isListed: row.is_listed,
        vendorType: row.vendor_type,
        website: row.website,
        parentId: row.parent_company_id,
        notesMd: row.notes_md,
      }
      const after = profileSnapshot(input)
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k])
      if (changed.length === 0) return
      await tx
        .updateTable('company')
        .set({
          name_en: after.nameEn,
          name_zh: after.nameZh,
          region: after.region,
          is_listed: after.isListed,
          vendor_type: after.vendorType,
          website: after.website,
          parent_company_id: after.parentId,
          notes_md: after.notesMd,
          updated_at: new Date(),
        })
        .where('id', '=', companyId)
        .execute()
      if (newNames.length) {
        await tx
          .insertInto('company_alias')
          .values(
            newNames.map((a) => ({
              company_id: companyId,
              text: a.text,
              normalised_text: a.normalised,
              language: a.language,
              kind: a.kind,
              ...ambiguityColumns(a.text),
            })),
          )
          .execute()
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'company.update',
        entityType: 'company',
        entityId: companyId,
        oldValue: Object.fromEntries(changed.map((k) => [k, before[k]])),
        newValue: {
          ...Object.fromEntries(changed.map((k) => [k, after[k]])),
          ...(newNames.length ? { aliasesAdded: newNames.map((a) => a.text) } : {}),
        },
        ip: actor.ip,
      })
    }),
  )
}
