import type { Actor } from '#app/models/account/user.server.ts'
import { findCompanyByIdentifier } from '#app/models/company/company-lookup.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { CompanyRole, Exposure } from '#db/types.ts'

import { auditTheme, changedFields, lockTheme, ThemeEditError } from './theme-edit.server.ts'

// The vendor map: which companies belong to a theme, as driver, enabler or beneficiary,
// how exposed they are to it and why they were included. Membership is kept as periods
// (decision 039): removing a company ends its period, adding it again starts a new one,
// so a past week reads the members as they were (theme-membership.server.ts).

export interface CompanyLinkInput {
  role: CompanyRole
  exposure: Exposure
  note: string
  reason: string
}

/** The company's open period in the theme; a company that left is not found. */
async function findCurrentLink(tx: DB, themeId: number, companyId: number) {
  const link = await tx
    .selectFrom('theme_company')
    .innerJoin('company', 'company.id', 'theme_company.company_id')
    .select([
      'theme_company.id as linkId',
      'company.id',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'theme_company.role',
      'theme_company.exposure',
      'theme_company.note',
      'theme_company.reason',
    ])
    .where('theme_company.theme_id', '=', themeId)
    .where('theme_company.company_id', '=', companyId)
    .where('theme_company.valid_to', 'is', null)
    .executeTakeFirst()
  if (!link) throw new ThemeEditError('notFound')
  return link
}

/** Links the company a person typed (name, alias or ticker) to the theme: a new period from now. */
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
        .where('valid_to', 'is', null)
        .executeTakeFirst()
      if (existing) throw new ThemeEditError('companyAlreadyLinked', 'company')
      await tx
        .insertInto('theme_company')
        .values({ theme_id: themeId, company_id: company.id, ...input, valid_from: new Date() })
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

/** Changes the role, exposure, note or reason of a current member (its period goes on). */
export async function editThemeCompany(db: DB, actor: Actor, themeId: number, companyId: number, input: CompanyLinkInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const link = await findCurrentLink(tx, themeId, companyId)
    const changes = changedFields({ role: link.role, exposure: link.exposure, note: link.note, reason: link.reason }, input)
    if (!changes) return
    await tx.updateTable('theme_company').set(input).where('id', '=', link.linkId).execute()
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

/** Ends the company's membership now; its period stays for the weeks it covered. */
export async function unlinkThemeCompany(db: DB, actor: Actor, themeId: number, companyId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const link = await findCurrentLink(tx, themeId, companyId)
    await tx.updateTable('theme_company').set({ valid_to: new Date() }).where('id', '=', link.linkId).execute()
    await auditTheme(
      tx,
      actor,
      themeId,
      'company.unlink',
      {
        subject: { nameEn: link.nameEn, nameZh: link.nameZh },
        companyId,
        role: link.role,
        exposure: link.exposure,
        note: link.note,
        reason: link.reason,
      },
      null,
    )
  })
}
