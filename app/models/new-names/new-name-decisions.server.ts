import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'
import type { NewNameStatus } from '#db/types.ts'

// What an analyst decides about a new name: dismiss it (it is not shown again, however
// often it comes back), undo that, or record that it was added to the registry.

type NewNameRule = 'notFound' | 'alreadyDecided' | 'notDismissed' | 'noOwner'

const NEW_NAME_REFUSALS: RefusalTable<NewNameRule> = {
  notFound: { key: 'newnames.error.notFound', status: 404 },
  alreadyDecided: { key: 'newnames.error.alreadyDecided', status: 409 },
  notDismissed: { key: 'newnames.error.notDismissed', status: 409 },
  noOwner: { key: 'newnames.error.noOwner', status: 400 },
}

export function newNameRefusal(reason: NewNameRule): Refusal {
  return new Refusal(reason, refusalFrom(NEW_NAME_REFUSALS, reason))
}

async function decide(
  db: DB,
  actor: Actor,
  id: number,
  { from, to, companyId = null, action }: { from: NewNameStatus; to: NewNameStatus; companyId?: number | null; action: string },
) {
  return inTransaction(db, async (tx) => {
    const row = await tx.selectFrom('new_name').select(['id', 'status', 'display_text']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw newNameRefusal('notFound')
    if (row.status !== from) throw newNameRefusal(from === 'dismissed' ? 'notDismissed' : 'alreadyDecided')
    const undo = to === 'new'
    await tx
      .updateTable('new_name')
      .set({ status: to, company_id: companyId, decided_by: undo ? null : actor.id, decided_at: undo ? null : new Date() })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      entityType: 'new_name',
      entityId: id,
      oldValue: { status: row.status, name: row.display_text },
      newValue: { status: to, companyId },
      ip: actor.ip,
    })
  })
}

/** Not a company: remembered, so the name is not shown again. */
export function dismissNewName(db: DB, actor: Actor, id: number): Promise<void> {
  return decide(db, actor, id, { from: 'new', to: 'dismissed', action: 'new_name.dismiss' })
}

/** Undoes a dismissal: the name is listed again. */
export function restoreNewName(db: DB, actor: Actor, id: number): Promise<void> {
  return decide(db, actor, id, { from: 'dismissed', to: 'new', action: 'new_name.restore' })
}

/** The name is now a company (or an alias of one): linked to it and no longer listed. */
export function markNewNameAdded(db: DB, actor: Actor, id: number, companyId: number): Promise<void> {
  return decide(db, actor, id, { from: 'new', to: 'added', companyId, action: 'new_name.add' })
}
