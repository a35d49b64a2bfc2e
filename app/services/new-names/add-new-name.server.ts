import type { Actor } from '#app/models/account/index.server.ts'
import { addAlias } from '#app/models/company/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { getNewName, markNewNameAdded, newNameRefusal } from '#app/models/new-names/index.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { guessAliasLanguage } from '#app/schemas/company.ts'
import { requestCompanyRematch } from '#app/services/jobs/rematch-company-job.server.ts'

// Adding a new name to the registry: a product of a known company becomes a product alias
// of that company; anything else goes through the new-company form (prefilled from the
// name) and is linked to the company created. Either way the name is marked added and
// that company's history is re-matched, so last weeks' documents count it too.

async function openName(db: DB, id: number) {
  const name = await getNewName(db, id)
  if (!name) throw newNameRefusal('notFound')
  if (name.status !== 'new') throw newNameRefusal('alreadyDecided')
  return name
}

async function linkAndRematch(db: DB, actor: Actor, id: number, companyId: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    await markNewNameAdded(tx, actor, id, companyId)
    return requestCompanyRematch(tx, { companyId, userId: actor.id, reason: 'new name added', ip: actor.ip })
  })
}

/** A product named next to a known company: a product alias of that company. */
export async function addNewNameAsProduct(db: DB, actor: Actor, id: number): Promise<{ companyId: number; jobId: number }> {
  const name = await openName(db, id)
  if (name.kind !== 'product' || name.ownerId === null) throw newNameRefusal('noOwner')
  await addAlias(db, actor, name.ownerId, {
    text: name.text,
    language: guessAliasLanguage(name.text),
    kind: 'product',
    caseSensitive: false,
    ambiguous: false,
  })
  return { companyId: name.ownerId, jobId: await linkAndRematch(db, actor, id, name.ownerId) }
}

/**
 * After the new-company form created a company from a new name. The company exists
 * whatever happened to the name meanwhile (someone else dismissed or added it): then only
 * its history is re-matched.
 */
export async function linkNewNameToCompany(db: DB, actor: Actor, id: number, companyId: number): Promise<number> {
  const name = await getNewName(db, id)
  if (name?.status === 'new') return linkAndRematch(db, actor, id, companyId)
  return requestCompanyRematch(db, { companyId, userId: actor.id, reason: 'new name added', ip: actor.ip })
}

/** What the new-company form starts with for a new name: the name in its language's field. */
export async function newCompanyPrefill(db: DB, id: number): Promise<{ newNameId: number; values: Record<string, string> } | null> {
  const name = await getNewName(db, id)
  if (!name || name.status !== 'new') return null
  const zh = name.language === 'zh'
  return {
    newNameId: name.id,
    // A name the registry lacks is most often a private start-up.
    values: { nameEn: zh ? '' : name.text, nameZh: zh ? name.text : '', region: zh ? 'domestic' : 'overseas', listing: 'private' },
  }
}
