import type { Actor } from '#app/models/account/user.server.ts'
import { findCompanyByIdentifier } from '#app/models/company/company-lookup.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { CompanyRole, Exposure } from '#db/types.ts'

import { auditTheme, changedFields, lockTheme, ThemeEditError } from './theme-edit.server.ts'

// The vendor map: which companies belong to a theme, as driver, enabler or beneficiary,
// and how exposed they are to it.

export interface CompanyLinkInput {
  role: CompanyRole
  exposure: Exposure
  note: string
}

async function findLink(tx: DB, themeId: number, companyId: number) {
  const link = await tx
    .selectFrom('theme_company')
    .innerJoin('company', 'company.id', 'theme_company.company_id')
    .select([
      'company.id',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'theme_company.role',
      'theme_company.exposure',
      'theme_company.note',
    ])
    .where('theme_company.theme_id', '=', themeId)
    .where('theme_company.company_id', '=', companyId)
    .executeTakeFirst()
  if (!link) throw new ThemeEditError('notFound')
  return link
}

/** Links the company a person typed (name, alias or ticker) to the theme. */
export async function linkThemeCompany(
  db: DB,
  actor: Actor,
  themeId: number,
  identifier: string,
  input: CompanyLinkInput,
): Promise<number> {
  try {
    return await inTransaction(db, async (tx) => {
      await lockTheme(tx, themeId)
      const company = await findCompanyByIdentifier(tx, identifier)
      if (!company) throw new ThemeEditError('companyNotFound', 'company', { text: identifier })
      const existing = await tx
        .selectFrom('theme_company')
        .select('company_id')
        .where('theme_id', '=', themeId)
        .where('company_id', '=', company.id)
        .executeTakeFirst()
      if (existing) throw new ThemeEditError('companyAlreadyLinked', 'company')
      await tx
        .insertInto('theme_company')
        .values({ theme_id: themeId, company_id: company.id, ...input })
        .execute()
      await auditTheme(tx, actor, themeId, 'company.link', null, {
        subject: { nameEn: company.nameEn, nameZh: company.nameZh },
        companyId: company.id,
        ...input,
      })
      return company.id
    })
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new ThemeEditError('companyAlreadyLinked', 'company')
    throw error
  }
}

export async function editThemeCompany(db: DB, actor: Actor, themeId: number, companyId: number, input: CompanyLinkInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const link = await findLink(tx, themeId, companyId)
    const changes = changedFields({ role: link.role, exposure: link.exposure, note: link.note }, input)
    if (!changes) return
    await tx.updateTable('theme_company').set(input).where('theme_id', '=', themeId).where('company_id', '=', companyId).execute()
    const subject = { nameEn: link.nameEn, nameZh: link.nameZh }
    await auditTheme(
      tx,
      actor,
      themeId,
      'company.edit',
      { subject, companyId, ...changes.oldValue },
      { subject, companyId, ...changes.newValue },
    )
  })
}

export async function unlinkThemeCompany(db: DB, actor: Actor, themeId: number, companyId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const link = await findLink(tx, themeId, companyId)
    await tx.deleteFrom('theme_company').where('theme_id', '=', themeId).where('company_id', '=', companyId).execute()
    await auditTheme(
      tx,
      actor,
      themeId,
      'company.unlink',
      { subject: { nameEn: link.nameEn, nameZh: link.nameZh }, companyId, role: link.role, exposure: link.exposure, note: link.note },
      null,
    )
  })
}
